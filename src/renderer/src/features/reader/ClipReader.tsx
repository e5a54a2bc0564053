import './reader.css';
import './article.css';
import './highlights.css';
import { useEffect, useRef } from 'react';
import type { Clip, Item } from '@shared/types';
import type { ShortcutHint } from '../../commands/shortcuts';
import { BackButton } from '../../components/BackButton';
import { formatLongDate } from '../../lib/format-date';
import type { Duplicate } from '../clip/use-clipper';
import { MatchBar } from '../search/MatchBar';
import { StaticTags } from '../tags/StaticTags';
import { TagEditor } from '../tags/TagEditor';
import { CiteButton } from '../transfer/CiteButton';
import { CopyMarkdownButton } from '../transfer/CopyMarkdownButton';
import { BacklinksPanel } from '../links/BacklinksPanel';
import { ArticleBody } from './ArticleBody';
import { ClipFooter } from './ClipFooter';
import { ClipProperties } from './ClipProperties';
import { ClipHeader } from './ClipHeader';
import { DuplicateNotice } from './DuplicateNotice';
import { HighlightList } from './HighlightList';
import { HighlightPopover } from './HighlightPopover';
import { HighlightToolbar } from './HighlightToolbar';
import { SuggestedTags } from './SuggestedTags';
import { useArticleMarks } from './use-article-marks';
import { useReaderHighlights } from './use-reader-highlights';
import { useReaderPanel } from './use-reader-panel';

const PANEL_ID = 'reader-panel';
const SETTLE_MS = 150;

interface ClipReaderProps {
  clip: Clip;
  /** Set when this clip was just clipped again. */
  duplicate: Duplicate | null;
  /** The words to mark when the clip was opened from a search, or null. */
  matches: readonly string[] | null;
  /** A highlight to scroll to and flash once it is painted (opened from its search hit), or null. */
  highlightId?: string | null;
  trashShortcut: ShortcutHint;
  onTags: (add: string[], remove: string[]) => void;
  onTrash: () => void;
  onRestore: () => void;
  onRefresh: () => void;
  onDismissDuplicate: () => void;
  onBack: () => void;
  /** Opens an item by id (a backlink's note, a note made from a highlight), or one in hand. */
  onOpenItem?: (target: string | Item) => void;
}

/**
 * A clip to read: its metadata, its tags (and the page's suggestions), the article with its
 * highlights, and beside it a panel listing them and the notes that link here.
 */
export function ClipReader(props: ClipReaderProps) {
  const { clip, duplicate, matches, trashShortcut, onTags, onTrash, onRestore, onBack, onOpenItem } = props;
  const trashed = clip.deleted !== null;
  const article = useRef<HTMLElement>(null);
  const page = useRef<HTMLDivElement>(null);
  const marks = useArticleMarks(article, clip.html, matches);
  const panel = useReaderPanel();
  const hl = useReaderHighlights({
    clip,
    articleRef: article,
    frameRef: page,
    readOnly: trashed,
    onOpenItem,
  });
  const { popover, placed, jump } = hl;
  const focusHighlight = props.highlightId ?? null;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    if (focusHighlight === null || shown.current === focusHighlight || !placed.has(focusHighlight)) return;
    // Opening re-reads the clip, which repaints its highlights: jump once the paint has settled.
    const timer = setTimeout(() => {
      shown.current = focusHighlight;
      jump(focusHighlight);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [focusHighlight, placed, jump]);
  const panelToggle = (
    <button
      type="button"
      className="button is-quiet"
      aria-expanded={panel.open}
      aria-controls={PANEL_ID}
      onClick={panel.toggle}
    >
      {panel.open ? 'Hide panel' : 'Show panel'}
    </button>
  );
  return (
    <article
      className={trashed ? 'reader is-trashed' : 'reader'}
      aria-label={trashed ? 'Clip in the trash' : 'Clip'}
    >
      <header className="detail-toolbar">
        <BackButton onBack={onBack} />
        {trashed ? (
          <>
            <p className="detail-toolbar__note">In the trash since {formatLongDate(clip.deleted ?? '')}.</p>
            {panelToggle}
            <button type="button" className="button" onClick={onRestore}>
              Restore
            </button>
          </>
        ) : (
          <>
            <div className="detail-toolbar__note">
              {matches && (
                <MatchBar words={matches} count={marks.count} current={marks.current} onStep={marks.step} />
              )}
            </div>
            {panelToggle}
            <CopyMarkdownButton id={clip.id} />
            <CiteButton id={clip.id} />
            <button
              type="button"
              className="button is-quiet"
              title={`Move to trash (${trashShortcut.label})`}
              aria-keyshortcuts={trashShortcut.aria}
              onClick={onTrash}
            >
              Move to trash
            </button>
          </>
        )}
      </header>
      {duplicate && !trashed && (
        <DuplicateNotice
          clipped={duplicate.clip.clipped}
          refreshing={duplicate.refreshing}
          onRefresh={props.onRefresh}
          onDismiss={props.onDismissDuplicate}
        />
      )}
      <div className={panel.open ? 'reader__body has-panel' : 'reader__body'}>
        <div className="reader__page" ref={page}>
          <ClipHeader clip={clip} />
          {trashed ? (
            <StaticTags tags={clip.tags} />
          ) : (
            <div className="reader__tags">
              <TagEditor
                tags={clip.tags}
                onAdd={(tags) => onTags(tags, [])}
                onRemove={(tag) => onTags([], [tag])}
              />
              <SuggestedTags
                suggested={clip.suggestedTags}
                current={clip.tags}
                onAdd={(tags) => onTags(tags, [])}
              />
            </div>
          )}
          <ArticleBody ref={article} html={clip.html} pageUrl={clip.url} lang={clip.lang} />
          <ClipFooter clip={clip} />
          {hl.selection && !popover && (
            <HighlightToolbar
              selection={hl.selection}
              shortcutColor={hl.color}
              onHighlight={(color) => hl.highlight(color)}
              onComment={() => hl.highlight(hl.color, 'comment')}
              onCopyQuote={hl.copySelection}
              onQuoteIntoNote={() => hl.highlight(hl.color, 'quote')}
            />
          )}
          {popover && (
            <HighlightPopover
              key={popover.highlight.id}
              highlight={popover.highlight}
              place={popover.place}
              focusComment={popover.focusComment}
              onColor={(color) => hl.store.update(popover.highlight.id, { color })}
              onComment={(comment) => hl.store.update(popover.highlight.id, { comment })}
              onRemove={() => {
                hl.store.remove(popover.highlight.id);
                hl.closePopover(false);
              }}
              onClose={hl.closePopover}
            />
          )}
        </div>
        {panel.open && (
          <aside id={PANEL_ID} className="reader-panel" aria-label="Side panel">
            <HighlightList
              highlights={hl.store.highlights}
              placed={hl.placed}
              readOnly={trashed}
              onJump={hl.jump}
              onMakeNote={hl.notes.makeNote}
              onCopyLink={hl.notes.copyLink}
              onRemove={hl.store.remove}
            />
            <BacklinksPanel itemId={clip.id} onOpen={(id) => onOpenItem?.(id)} />
            <ClipProperties clip={clip} />
          </aside>
        )}
      </div>
    </article>
  );
}
