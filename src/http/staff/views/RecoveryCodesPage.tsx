/** The recovery codes, shown once: after setting up the second factor, or after asking for new ones. */
import { Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { StatusMessage } from '../../pages/components/StatusMessage.tsx';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export interface RecoveryCodesPageProps {
  ctx: StaffPageContext;
  codes: string[];
  renewed: boolean;
  continueHref: string;
}

export function RecoveryCodesPage({ ctx, codes, renewed, continueHref }: RecoveryCodesPageProps) {
  const a = authMessages[ctx.locale].recoveryCodes;
  return (
    <StaffLayout ctx={ctx} title={a.title}>
      <Heading level={1}>{a.title}</Heading>
      <StatusMessage message={renewed ? a.renewed : a.enabled} />
      <Paragraph>{a.intro}</Paragraph>
      <Paragraph>
        <strong>{a.once}</strong>
      </Paragraph>
      <ul className="vp-recovery-codes" aria-label={a.listLabel}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <Paragraph>
        <Link href={continueHref} className="vp-target">
          {a.continue}
        </Link>
      </Paragraph>
    </StaffLayout>
  );
}
