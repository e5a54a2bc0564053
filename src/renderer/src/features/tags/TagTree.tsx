import './tags.css';
import { useCallback, useRef, useState } from 'react';
import { tagKey } from '@shared/tags';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { reportError } from '../../lib/notice-store';
import { RenameTagDialog } from './RenameTagDialog';
import { TagMenu } from './TagMenu';
import { itemCount, movedTag, type TagNode } from './tag-tree';
import { useTagActions } from './use-tags';

interface TagTreeProps {
  nodes: TagNode[];
  selected: string | null;
  onSelect: (tag: string) => void;
}

/**
 * The sidebar's tags, nested, each with how many items carry it or a tag under it; parents fold.
 * Each tag has a menu (its ⋯ button, or a right-click) to rename or delete it everywhere.
 */
export function TagTree({ nodes, selected, onSelect }: TagTreeProps) {
  const actions = useTagActions();
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<TagNode | null>(null);
  const [deleting, setDeleting] = useState<TagNode | null>(null);
  const menuButtons = useRef(new Map<string, HTMLButtonElement>());

  const toggle = (name: string): void => {
    const next = new Set(folded);
    if (!next.delete(tagKey(name))) next.add(tagKey(name));
    setFolded(next);
  };

  const closeMenu = useCallback(
    (returnFocus: boolean) => {
      if (returnFocus && menuFor !== null) menuButtons.current.get(tagKey(menuFor))?.focus();
      setMenuFor(null);
    },
    [menuFor],
  );

  const rename = async (from: string, to: string): Promise<void> => {
    await actions.rename(from, to);
    const moved = selected === null ? null : movedTag(selected, from, to);
    if (moved !== null) onSelect(moved);
  };

  const renderNodes = (list: TagNode[], depth: number) => (
    <ul className="tag-tree__list">
      {list.map((node) => {
        const key = tagKey(node.name);
        const open = !folded.has(key);
        const isSelected = selected !== null && tagKey(selected) === key;
        const menuOpen = menuFor !== null && tagKey(menuFor) === key;
        return (
          <li key={node.name}>
            <div
              className={menuOpen ? 'tag-tree__row has-menu' : 'tag-tree__row'}
              style={{ paddingInlineStart: `${depth * 14}px` }}
              onContextMenu={(event) => {
                event.preventDefault();
                setMenuFor(node.name);
              }}
            >
              {node.children.length > 0 ? (
                <button
                  type="button"
                  className="tag-tree__fold"
                  aria-expanded={open}
                  aria-label={`${open ? 'Fold' : 'Unfold'} ${node.name}`}
                  onClick={() => toggle(node.name)}
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                </button>
              ) : (
                <span className="tag-tree__fold" aria-hidden="true" />
              )}
              <button
                type="button"
                className="sidebar-item"
                aria-current={isSelected ? 'page' : undefined}
                title={`Show items tagged #${node.name}`}
                onClick={() => onSelect(node.name)}
              >
                <span className="sidebar-item__label">{node.label}</span>
                <span className="sidebar-item__count">{node.count.toLocaleString()}</span>
              </button>
              <button
                ref={(element) => {
                  if (element) menuButtons.current.set(key, element);
                  else menuButtons.current.delete(key);
                }}
                type="button"
                className="tag-tree__more"
                aria-label={`Actions for #${node.name}`}
                aria-haspopup="menu"
                aria-expanded={menuOpen}
                title="Rename or delete"
                onClick={() => (menuOpen ? closeMenu(false) : setMenuFor(node.name))}
              >
                <span aria-hidden="true">⋯</span>
              </button>
              {menuOpen && (
                <TagMenu
                  label={`Actions for #${node.name}`}
                  onClose={closeMenu}
                  actions={[
                    { label: 'Rename…', run: () => setRenaming(node) },
                    { label: 'Delete…', run: () => setDeleting(node) },
                  ]}
                />
              )}
            </div>
            {open && node.children.length > 0 && renderNodes(node.children, depth + 1)}
          </li>
        );
      })}
    </ul>
  );

  const nested = deleting && deleting.children.length > 0 ? ' and the tags under it' : '';
  return (
    <>
      {nodes.length === 0 ? (
        <p className="sidebar__quiet">No tags yet.</p>
      ) : (
        <div className="tag-tree">{renderNodes(nodes, 0)}</div>
      )}
      <RenameTagDialog tag={renaming} nodes={nodes} onRename={rename} onClose={() => setRenaming(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? `Delete #${deleting.name}?` : ''}
        message={
          deleting
            ? `This removes #${deleting.name}${nested} from ${itemCount(deleting.count)} (and from items in the trash). The items themselves stay.`
            : ''
        }
        confirmLabel="Delete tag"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const tag = deleting;
          setDeleting(null);
          if (tag) actions.remove(tag.name).catch(reportError);
        }}
      />
    </>
  );
}
