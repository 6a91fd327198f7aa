/** A user's API tokens (name, created, last used, revoked) with a revoke button each, and a form for a new one. */
import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ApiToken } from '../../../../db/repositories/api-tokens.ts';
import { TextField } from '../../../pages/components/TextField.tsx';
import { formatDateTime } from '../../../pages/dates.ts';
import { TableWrap } from '../components/TableWrap.tsx';
import type { AdminPageContext } from '../context.ts';

export function RevokeTokenForm({
  ctx,
  userId,
  token,
  from,
}: {
  ctx: AdminPageContext;
  userId: string;
  token: { id: string; name: string };
  from?: 'tokens';
}) {
  return (
    <form method="post" action={`/staff/admin/users/${userId}/tokens/${token.id}/revoke`}>
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {from && <input type="hidden" name="from" value={from} />}
      <Button
        type="submit"
        appearance="subtle-button"
        hint="danger"
        aria-label={ctx.a.tokens.revoke(token.name)}
      >
        {ctx.a.tokens.revokeShort}
      </Button>
    </form>
  );
}

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
        <TableWrap labelledBy="user-tokens-caption">
          <Table>
            <TableCaption id="user-tokens-caption">{k.userCaption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{k.columns.name}</TableHeaderCell>
                <TableHeaderCell scope="col">{k.columns.created}</TableHeaderCell>
                <TableHeaderCell scope="col">{k.columns.lastUsed}</TableHeaderCell>
                <TableHeaderCell scope="col">{k.columns.status}</TableHeaderCell>
                <TableHeaderCell scope="col">{k.columns.action}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => (
                <TableRow key={token.id}>
                  <TableHeaderCell scope="row">{token.name}</TableHeaderCell>
                  <TableCell>{formatDateTime(t, token.createdAt)}</TableCell>
                  <TableCell>
                    {token.lastUsedAt ? formatDateTime(t, token.lastUsedAt) : a.common.never}
                  </TableCell>
                  <TableCell>
                    {token.revokedAt
                      ? k.revoked(formatDateTime(t, token.revokedAt))
                      : user.active
                        ? k.active
                        : k.userInactive}
                  </TableCell>
                  <TableCell>
                    {!token.revokedAt && <RevokeTokenForm ctx={ctx} userId={user.id} token={token} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
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
