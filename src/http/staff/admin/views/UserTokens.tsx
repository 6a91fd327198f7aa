/** A user's API tokens (name, created, last used, revoked) with a revoke button each, and a form for a new one. */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ApiToken } from '../../../../db/repositories/api-tokens.ts';
import { TextField } from '../../../pages/components/TextField.tsx';
import type { AdminPageContext } from '../context.ts';
import { TokenTable } from './TokenTable.tsx';

export function UserTokens({
  ctx,
  user,
  tokens,
  name,
  error,
}: {
  ctx: AdminPageContext;
  user: { id: string; active: boolean };
  tokens: ApiToken[];
  name: string;
  error?: string | undefined;
}) {
  const { a, t } = ctx;
  const k = a.tokens;
  return (
    <section aria-labelledby="tokens-heading" className="vp-section" id="tokens">
      <Heading level={2} id="tokens-heading">
        {k.heading}
      </Heading>
      {tokens.length === 0 ? (
        <Paragraph>{k.none}</Paragraph>
      ) : (
        <TokenTable
          ctx={ctx}
          tokens={tokens.map((token) => ({ ...token, userActive: user.active }))}
          caption={k.userCaption}
          captionId="user-tokens-caption"
        />
      )}
      <section aria-labelledby="new-token-heading" className="vp-panel">
        <Heading level={3} id="new-token-heading">
          {k.create.heading}
        </Heading>
        <form method="post" action={`/staff/admin/users/${user.id}/tokens`} noValidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <TextField
            name="name"
            idName="token-name"
            label={k.create.name}
            hint={k.create.nameHint}
            value={name}
            error={error}
            errorPrefix={t.form.errorPrefix}
            autoComplete="off"
            maxLength={100}
          />
          <Button type="submit" appearance="secondary-action-button">
            {k.create.submit}
          </Button>
        </form>
      </section>
    </section>
  );
}
