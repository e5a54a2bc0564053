import { useEffect, useRef, type RefObject } from 'react';
import type { EditorView } from '@codemirror/view';
import type { OutgoingLink } from '@shared/types';
import type { DrawIcon, FindCandidates } from '../links/link-completion';
import { setLinkTargets } from '../links/link-targets';
import type { FollowLink } from '../links/wikilink-decorations';
import { createMarkdownEditor, replaceBody } from './markdown-editor';
import type { NoteDraft } from './note-draft';

interface MarkdownBodyProps {
  draft: NoteDraft;
  /** Set to the editor while it is on the page. */
  viewRef: RefObject<EditorView | null>;
  /** The note's links as last reported, to show which ones lead somewhere. */
  outgoing: readonly OutgoingLink[] | null;
  findCandidates: FindCandidates;
  drawIcon: DrawIcon;
  follow: FollowLink;
}

/**
 * The note's Markdown body. The editor holds the text while it is typed; every change goes to the
 * draft at once (so no keystroke waits on a render), and a new version from the draft (a reload,
 * a conflict) comes back into the editor.
 */
export function MarkdownBody({
  draft,
  viewRef,
  outgoing,
  findCandidates,
  drawIcon,
  follow,
}: MarkdownBodyProps) {
  const host = useRef<HTMLDivElement>(null);
  const hooks = useRef({ findCandidates, drawIcon, follow });
  useEffect(() => {
    hooks.current = { findCandidates, drawIcon, follow };
  });

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    let sent = draft.getSnapshot().body;
    const editor = createMarkdownEditor(parent, sent, {
      onChange: (body) => {
        sent = body;
        draft.edit({ body });
      },
      onBlur: () => void draft.flush(),
      findCandidates: (query) => hooks.current.findCandidates(query),
      drawIcon: (candidate) => hooks.current.drawIcon(candidate),
      follow: (link, resolved) => hooks.current.follow(link, resolved),
    });
    viewRef.current = editor;
    const unsubscribe = draft.subscribe(() => {
      const { body } = draft.getSnapshot();
      if (body === sent) return;
      sent = body;
      replaceBody(editor, body);
    });
    return () => {
      unsubscribe();
      viewRef.current = null;
      editor.destroy();
    };
  }, [draft, viewRef]);

  useEffect(() => {
    if (outgoing) viewRef.current?.dispatch({ effects: setLinkTargets.of(outgoing) });
  }, [viewRef, outgoing]);

  return <div ref={host} className="note-editor__body" />;
}
