/**
 * An administrator page: the staff layout with the Administration menu item marked, a way back up
 * (breadcrumbs) on every page below the index, the page's heading and a message after a successful post.
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { StatusMessage } from '../../../pages/components/StatusMessage.tsx';
import { StaffLayout } from '../../components/StaffLayout.tsx';
import type { AdminPageContext } from '../context.ts';

interface Props {
  ctx: AdminPageContext;
  title: string;
  /** The pages above this one, below the administration index (which is always first). */
  crumbs?: { href: string; label: string }[];
  intro?: string | undefined;
  done?: string | undefined;
  children: ReactNode;
}

export function AdminLayout({ ctx, title, crumbs, intro, done, children }: Props) {
  const trail = crumbs ? [{ href: '/staff/admin', label: ctx.a.crumbs.admin }, ...crumbs] : null;
  return (
    <StaffLayout ctx={ctx} title={title} active="admin">
      {trail && (
        <nav aria-label={ctx.a.crumbs.label} className="vp-crumbs">
          <ol>
            {trail.map((crumb) => (
              <li key={crumb.href}>
                <a href={crumb.href}>{crumb.label}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {done && <StatusMessage message={done} />}
      <Heading level={1}>{title}</Heading>
      {intro && <Paragraph>{intro}</Paragraph>}
      {children}
    </StaffLayout>
  );
}
