/** A staff page that says what went wrong (no access, not found, changed meanwhile, expired form, …). */
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export function StaffMessagePage({
  ctx,
  title,
  text,
}: {
  ctx: StaffPageContext;
  title: string;
  text: string;
}) {
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{text}</Paragraph>
      {ctx.user && (
        <Paragraph>
          <Link href="/staff">{ctx.t.errors.toDashboard}</Link>
        </Paragraph>
      )}
    </StaffLayout>
  );
}
