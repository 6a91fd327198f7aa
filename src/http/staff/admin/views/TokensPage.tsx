/** /staff/admin/tokens: every API token with its user, the ones in use first; revoke from here too. */
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TokenOverview } from '../../../../db/repositories/admin.ts';
import { formatDateTime } from '../../../pages/dates.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import type { AdminPageContext } from '../context.ts';
import { RevokeTokenForm } from './UserTokens.tsx';

export function TokensPage({
  ctx,
  tokens,
  done,
}: {
  ctx: AdminPageContext;
  tokens: TokenOverview[];
  done?: string | undefined;
}) {
  const { a, t } = ctx;
  const k = a.tokens;
  return (
    <AdminLayout ctx={ctx} title={k.title} crumbs={[]} intro={k.intro} done={done}>
      {tokens.length === 0 ? (
        <Paragraph>{k.none}</Paragraph>
      ) : (
        <TableWrap labelledBy="tokens-caption">
          <Table>
            <TableCaption id="tokens-caption">{k.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{k.columns.user}</TableHeaderCell>
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
                  <TableCell>
                    <a href={`/staff/admin/users/${token.userId}#tokens`}>{token.userName}</a>
                  </TableCell>
                  <TableHeaderCell scope="row">{token.name}</TableHeaderCell>
                  <TableCell>{formatDateTime(t, token.createdAt)}</TableCell>
                  <TableCell>
                    {token.lastUsedAt ? formatDateTime(t, token.lastUsedAt) : a.common.never}
                  </TableCell>
                  <TableCell>
                    {token.revokedAt
                      ? k.revoked(formatDateTime(t, token.revokedAt))
                      : token.userActive
                        ? k.active
                        : k.userInactive}
                  </TableCell>
                  <TableCell>
                    {!token.revokedAt && (
                      <RevokeTokenForm ctx={ctx} userId={token.userId} token={token} from="tokens" />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      )}
    </AdminLayout>
  );
}
