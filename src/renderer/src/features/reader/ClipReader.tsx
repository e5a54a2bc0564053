import './reader.css';
import './article.css';
import { useRef } from 'react';
import type { Clip } from '@shared/types';
import type { ShortcutHint } from '../../commands/shortcuts';
import { BackButton } from '../../components/BackButton';
import { formatLongDate } from '../../lib/format-date';
import type { Duplicate } from '../clip/use-clipper';
import { MatchBar } from '../search/MatchBar';
import { StaticTags } from '../tags/StaticTags';
import { TagEditor } from '../tags/TagEditor';
import { ArticleBody } from './ArticleBody';
import { ClipFooter } from './ClipFooter';
import { ClipHeader } from './ClipHeader';
import { DuplicateNotice } from './DuplicateNotice';
import { SuggestedTags } from './SuggestedTags';
import { useArticleMarks } from './use-article-marks';

interface ClipReaderProps {
  clip: Clip;
  /** Set when this clip was just clipped again. */
  duplicate: Duplicate | null;
  /** The words to mark when the clip was opened from a search, or null. */
  matches: readonly string[] | null;
  trashShortcut: ShortcutHint;
  onTags: (add: string[], remove: string[]) => void;
  onTrash: () => void;
  onRestore: () => void;
  onRefresh: () => void;
  onDismissDuplicate: () => void;
  onBack: () => void;
}

/** A clip to read: its metadata, its tags (and the page's suggestions), and the article. */
export function ClipReader(props: ClipReaderProps) {
  const { clip, duplicate, matches, trashShortcut, onTags, onTrash, onRestore, onBack } = props;
  const trashed = clip.deleted !== null;
  const article = useRef<HTMLElement>(null);
  const marks = useArticleMarks(article, clip.html, matches);
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
      <div className="reader__page">
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
      </div>
    </article>
  );
}
