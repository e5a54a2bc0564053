/**
 * `[[` completion: what follows the brackets is sent to the library (fuzzy, accents ignored) and
 * the matching notes and clips are offered, each with its type's icon. Picking one closes the link.
 */
import {
  autocompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { LinkCandidate } from '@shared/types';
import { addLinkTarget } from './link-targets';
import { completionText } from './wikilink-ranges';

/** Asks the library for items matching what was typed after `[[`. */
export type FindCandidates = (query: string) => Promise<LinkCandidate[]>;

/** Draws a candidate's type icon (kept outside so the editor code needs no React). */
export type DrawIcon = (candidate: LinkCandidate) => Node;

const CODE = new Set(['InlineCode', 'FencedCode', 'CodeBlock', 'CodeText']);
const LIMIT = 20;

interface CandidateCompletion extends Completion {
  candidate: LinkCandidate;
}

function inCode(context: CompletionContext): boolean {
  for (let node = syntaxTree(context.state).resolveInner(context.pos, -1); node.parent; node = node.parent) {
    if (CODE.has(node.name)) return true;
  }
  return false;
}

function toCompletion(candidate: LinkCandidate): CandidateCompletion {
  const insert = completionText(candidate.title, candidate.alias);
  return {
    candidate,
    label: candidate.alias ?? candidate.title,
    detail: candidate.alias ? `→ ${candidate.title}` : undefined,
    type: candidate.type,
    apply(view: EditorView, _completion: Completion, from: number, to: number) {
      // Typed closing brackets (or ones already there) are replaced, not doubled.
      const after = view.state.sliceDoc(to, to + 2);
      const end = after === ']]' ? to + 2 : after.startsWith(']') ? to + 1 : to;
      view.dispatch({
        changes: { from, to: end, insert },
        selection: { anchor: from + insert.length },
        effects: addLinkTarget.of({ title: candidate.title, end: candidate }),
        userEvent: 'input.complete',
        scrollIntoView: true,
      });
    },
  };
}

/** The completion source: active right after `[[`, outside code. */
export function linkCompletionSource(find: FindCandidates) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const typed = context.matchBefore(/\[\[[^[\]|#\n]*$/);
    if (!typed || inCode(context)) return null;
    const query = typed.text.slice(2);
    let candidates: LinkCandidate[];
    try {
      candidates = await find(query);
    } catch {
      return null;
    }
    if (context.aborted) return null;
    return {
      from: typed.from + 2,
      options: candidates.map(toCompletion),
      // The library has already ranked them: keep its order, refetch as the query changes.
      filter: false,
    };
  };
}

/** Autocompletion for links, with a type icon before each candidate. */
export function linkCompletion(find: FindCandidates, drawIcon: DrawIcon): Extension {
  return autocompletion({
    override: [linkCompletionSource(find)],
    icons: false,
    activateOnTyping: true,
    closeOnBlur: true,
    maxRenderedOptions: LIMIT,
    optionClass: () => 'cm-link-option',
    addToOptions: [
      {
        position: 10,
        render: (completion) => drawIcon((completion as CandidateCompletion).candidate),
      },
    ],
  });
}

export const COMPLETION_LIMIT = LIMIT;
