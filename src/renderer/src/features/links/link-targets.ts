/**
 * What the editor knows about where its links lead: the note's resolved outgoing links as the
 * library last reported them, plus every completion picked since. Null until the first report,
 * so links are not shown as broken before anyone has looked.
 */
import { StateEffect, StateField } from '@codemirror/state';
import type { LinkEnd, OutgoingLink } from '@shared/types';
import { titleKey } from './wikilink-ranges';

export type LinkTargets = ReadonlyMap<string, LinkEnd>;

/** Replaces what is known from a fresh links report. */
export const setLinkTargets = StateEffect.define<readonly OutgoingLink[]>();
/** One title now known to resolve (a completion was picked). */
export const addLinkTarget = StateEffect.define<{ title: string; end: LinkEnd }>();

export const linkTargets = StateField.define<LinkTargets | null>({
  create: () => null,
  update(value, transaction) {
    let next = value;
    for (const effect of transaction.effects) {
      if (effect.is(setLinkTargets)) {
        const known = new Map<string, LinkEnd>();
        // Titles picked from completion stay known until the report catches up with them.
        for (const [key, end] of next ?? []) known.set(key, end);
        for (const link of effect.value) {
          const key = titleKey(link.target);
          if (link.resolved) known.set(key, link.resolved);
          else known.delete(key);
        }
        next = known;
      } else if (effect.is(addLinkTarget)) {
        const known = new Map(next ?? []);
        known.set(titleKey(effect.value.title), effect.value.end);
        next = known;
      }
    }
    return next;
  },
});

/** Where a link's target leads: the item, null if nothing has that title, undefined if not known yet. */
export function resolveTarget(targets: LinkTargets | null, target: string): LinkEnd | null | undefined {
  if (!targets) return undefined;
  return targets.get(titleKey(target)) ?? null;
}
