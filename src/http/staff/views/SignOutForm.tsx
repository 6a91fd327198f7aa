/**
 * Signing out from a sign-in step (the second factor, or setting it up): the header shows no account menu
 * until the sign-in is complete, so the step's page offers the way out itself.
 */
import { Button, Paragraph } from '@utrecht/component-library-react';
import type { StaffPageContext } from '../context.ts';

export function SignOutForm({ ctx, intro, label }: { ctx: StaffPageContext; intro: string; label: string }) {
  return (
    <form method="post" action="/staff/sign-out" className="vp-section">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <Paragraph>{intro}</Paragraph>
      <Button type="submit" appearance="secondary-action-button">
        {label}
      </Button>
    </form>
  );
}
