/** /staff/admin/tokens: every API token with its user, the ones in use first; revoke from here too. */
import { Paragraph } from '@utrecht/component-library-react';
import type { TokenOverview } from '../../../../db/repositories/admin.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import type { AdminPageContext } from '../context.ts';
import { TokenTable } from './TokenTable.tsx';

export function TokensPage({
  ctx,
  tokens,
  done,
}: {
  ctx: AdminPageContext;
  tokens: TokenOverview[];
  done?: string | undefined;
}) {
  const k = ctx.a.tokens;
  return (
    <AdminLayout ctx={ctx} title={k.title} crumbs={[]} intro={k.intro} done={done}>
      {tokens.length === 0 ? (
        <Paragraph>{k.none}</Paragraph>
      ) : (
        <TokenTable ctx={ctx} tokens={tokens} caption={k.caption} captionId="tokens-caption" withUser />
      )}
    </AdminLayout>
  );
}
