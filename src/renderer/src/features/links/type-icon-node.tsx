import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { HitType } from '@shared/types';
import { TypeIcon } from '../../components/TypeIcon';

const drawn = new Map<HitType, Node>();

/**
 * The app's type icon as a plain DOM node, for places React does not render (the editor's
 * completion list). Each type is rendered once and copied after that.
 */
export function typeIconNode(type: HitType): Node {
  let template = drawn.get(type);
  if (!template) {
    const holder = document.createElement('span');
    const root = createRoot(holder);
    flushSync(() => root.render(<TypeIcon type={type} />));
    template = holder.firstChild?.cloneNode(true) ?? document.createElement('span');
    root.unmount();
    drawn.set(type, template);
  }
  return template.cloneNode(true);
}
