/** /staff/admin: what an administrator can manage, one link per part. */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { AdminLayout } from '../components/AdminLayout.tsx';
import type { AdminPageContext } from '../context.ts';

const PARTS = [
  ['users', '/staff/admin/users'],
  ['tokens', '/staff/admin/tokens'],
  ['settings', '/staff/admin/settings'],
  ['letters', '/staff/admin/letters'],
  ['audit', '/staff/admin/audit'],
  // The privacy pages are their own area (src/http/staff/privacy/), under /staff/admin as well.
  ['privacy', '/staff/admin/privacy'],
] as const;

export function AdminIndexPage({ ctx }: { ctx: AdminPageContext }) {
  const i = ctx.a.index;
  return (
    <AdminLayout ctx={ctx} title={i.title} intro={i.intro}>
      <ul className="vp-admin-index">
        {PARTS.map(([key, href]) => (
          <li key={key}>
            <Heading level={2}>
              <a href={href}>{i.items[key].title}</a>
            </Heading>
            <Paragraph>{i.items[key].text}</Paragraph>
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
