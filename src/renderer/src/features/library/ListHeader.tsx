import type { ReactNode } from 'react';
import type { ListView } from '@shared/types';
import { countLabel } from './library-location';

interface ListHeaderProps {
  title: string;
  view: ListView;
  total: number | null;
  actions?: ReactNode;
}

/** The list's heading: where we are, how many items, and the view's own actions. */
export function ListHeader({ title, view, total, actions }: ListHeaderProps) {
  return (
    <header className="list-header">
      <div className="list-header__text">
        <h1 className="list-header__title">{title}</h1>
        {total !== null && <p className="list-header__count">{countLabel(view, total)}</p>}
      </div>
      {actions}
    </header>
  );
}
