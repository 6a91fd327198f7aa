/**
 * A table that scrolls sideways inside its own box at narrow widths (never the page): the box is a named
 * region that can take focus, so a keyboard user can scroll it too.
 */
import type { ReactNode } from 'react';

export function TableWrap({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="vp-table-wrap" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </section>
  );
}
