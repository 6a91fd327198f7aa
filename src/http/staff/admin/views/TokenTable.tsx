/**
 * A table of API tokens: name, created, last used, status, and a revoke button while it works; with the
 * user's name first on the list of every token.
 */
import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { formatDateTime } from '../../../pages/dates.ts';
import { TableWrap } from '../components/TableWrap.tsx';
import type { AdminPageContext } from '../context.ts';

export interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  userId: string;
  userActive: boolean;
  /** Shown (with a link to the user) on the list of every token. */
  userName?: string;
}

function RevokeTokenForm({ ctx, token, from }: { ctx: AdminPageContext; token: TokenRow; from?: 'tokens' }) {
  return (
    <form method="post" action={`/staff/admin/users/${token.userId}/tokens/${token.id}/revoke`}>
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

export function TokenTable({
  ctx,
  tokens,
  caption,
  captionId,
  withUser,
}: {
  ctx: AdminPageContext;
  tokens: TokenRow[];
  caption: string;
  captionId: string;
  withUser?: boolean;
}) {
  const { a, t } = ctx;
  const k = a.tokens;
  return (
    <TableWrap labelledBy={captionId}>
      <Table>
        <TableCaption id={captionId}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {withUser && <TableHeaderCell scope="col">{k.columns.user}</TableHeaderCell>}
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
              {withUser && (
                <TableCell>
                  <a href={`/staff/admin/users/${token.userId}#tokens`}>{token.userName}</a>
                </TableCell>
              )}
              <TableHeaderCell scope="row">{token.name}</TableHeaderCell>
              <TableCell>{formatDateTime(t, token.createdAt)}</TableCell>
              <TableCell>{token.lastUsedAt ? formatDateTime(t, token.lastUsedAt) : a.common.never}</TableCell>
              <TableCell>
                {token.revokedAt
                  ? k.revoked(formatDateTime(t, token.revokedAt))
                  : token.userActive
                    ? k.active
                    : k.userInactive}
              </TableCell>
              <TableCell>
                {!token.revokedAt && (
                  <RevokeTokenForm
                    ctx={ctx}
                    token={token}
                    {...(withUser ? { from: 'tokens' as const } : {})}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableWrap>
  );
}
