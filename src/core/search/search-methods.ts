/** The search methods of the NotebookApi: searching, saved searches, and what the library check says about the index. */
import type { Args, NotebookApi } from '../../shared/api';
import type { CheckReport } from '../../shared/types';
import { INDEX_DIR } from '../paths';
import type { SavedSearches } from './saved-searches';
import type { SearchService } from './search-service';

export interface SearchContext {
  search: SearchService;
  savedSearches: SavedSearches;
}

type SearchMethods = Pick<NotebookApi, 'search' | 'listSavedSearches' | 'saveSearch' | 'deleteSavedSearch'>;

export function searchMethods({ search, savedSearches }: SearchContext): SearchMethods {
  return {
    search: (args: Args<'search'>) => search.search(args),

    async listSavedSearches() {
      return { searches: savedSearches.list() };
    },

    saveSearch: ({ name, query }: Args<'saveSearch'>) => savedSearches.save(name, query),

    deleteSavedSearch: ({ id }: Args<'deleteSavedSearch'>) => savedSearches.delete(id),
  };
}

/** Adds to a check report what only the open library knows: whether its index folder loaded. */
export function withIndexCheck(report: CheckReport, search: SearchService): CheckReport {
  if (!search.damagedOnDisk) return report;
  const problem = {
    code: 'index_damaged',
    message:
      'The search index could not be read, so it is being rebuilt from the library in the background ' +
      '(nothing is lost; search answers fully once it is done).',
    path: INDEX_DIR,
  };
  return { ...report, ok: false, problems: [...report.problems, problem] };
}
