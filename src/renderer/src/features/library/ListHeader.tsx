import type { ReactNode } from 'react';

interface ListHeaderProps {
  title: string;
  total: number | null;
  actions?: ReactNode;
}

/** The list's heading: where we are, how many items, and the view's own actions. */
export function ListHeader({ title, total, actions }: ListHeaderProps) {
  return (
    <header className="list-header">
      <div className="list-header__text">
        <h1 className="list-header__title">{title}</h1>
        {total !== null && <p className="list-header__count">{total === 1 ? '1 note' : `${total} notes`}</p>}
      </div>
      {actions}
    </header>
  );
}
