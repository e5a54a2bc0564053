/** The Highlights view is a search, so it can be narrowed with words and operators like any other. */
export const HIGHLIGHTS_QUERY = 'type:highlight';

/** Whether `query` is the Highlights view itself. */
export const isHighlightsQuery = (query: string): boolean => query.trim() === HIGHLIGHTS_QUERY;
