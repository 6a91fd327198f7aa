/**
 * The answer to creating an API token: the token, this once, with a warning that it is not shown again. Sent
 * with Cache-Control: no-store, so the browser does not keep the page.
 */
import { Alert, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { AdminLayout } from '../components/AdminLayout.tsx';
import type { AdminPageContext } from '../context.ts';

export function TokenCreatedPage({
  ctx,
  user,
  name,
  token,
}: {
  ctx: AdminPageContext;
  user: { id: string; name: string };
  name: string;
  token: string;
}) {
  const { a } = ctx;
  const c = a.tokens.created;
  return (
    <AdminLayout
      ctx={ctx}
      title={c.title}
      crumbs={[
        { href: '/staff/admin/users', label: a.users.title },
        { href: `/staff/admin/users/${user.id}`, label: user.name },
      ]}
    >
      <Alert role="alert" className="vp-token-warning">
        <Paragraph>{c.warning}</Paragraph>
      </Alert>
      <Heading level={2} id="token-label">
        {c.label(name)}
      </Heading>
      <p className="vp-token">
        <code id="new-token">{token}</code>
      </p>
      <Paragraph>
        <Link href={`/staff/admin/users/${user.id}#tokens`}>{c.back}</Link>
      </Paragraph>
    </AdminLayout>
  );
}
