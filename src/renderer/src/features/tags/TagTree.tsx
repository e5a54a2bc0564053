import './tags.css';
import { useState } from 'react';
import { tagKey } from '@shared/tags';
import type { TagNode } from './tag-tree';

interface TagTreeProps {
  nodes: TagNode[];
  selected: string | null;
  onSelect: (tag: string) => void;
}

/** The sidebar's tags, nested, each with its count; parents fold. */
export function TagTree({ nodes, selected, onSelect }: TagTreeProps) {
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string): void => {
    const next = new Set(folded);
    if (!next.delete(tagKey(name))) next.add(tagKey(name));
    setFolded(next);
  };

  const renderNodes = (list: TagNode[], depth: number) => (
    <ul className="tag-tree__list">
      {list.map((node) => {
        const open = !folded.has(tagKey(node.name));
        const isSelected = selected !== null && tagKey(selected) === tagKey(node.name);
        return (
          <li key={node.name}>
            <div className="tag-tree__row" style={{ paddingInlineStart: `${depth * 14}px` }}>
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
                title={`Show notes tagged #${node.name}`}
                onClick={() => onSelect(node.name)}
              >
                <span className="sidebar-item__label">{node.label}</span>
                {node.count !== null && <span className="sidebar-item__count">{node.count}</span>}
              </button>
            </div>
            {open && node.children.length > 0 && renderNodes(node.children, depth + 1)}
          </li>
        );
      })}
    </ul>
  );

  if (nodes.length === 0) return <p className="sidebar__quiet">No tags yet.</p>;
  return <div className="tag-tree">{renderNodes(nodes, 0)}</div>;
}
