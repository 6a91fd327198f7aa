/**
 * My account: who I am here (name, email, job title, roles), the second factor, my password, where I am
 * signed in, my personal API tokens, and signing out everywhere.
 */
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { TwoFactorStatus } from '../../../commands/two-factor.ts';
import type { ApiToken } from '../../../db/repositories/api-tokens.ts';
import type { StaffSession } from '../../../db/repositories/staff-sessions.ts';
import type { User } from '../../../db/repositories/users.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { StatusMessage } from '../../pages/components/StatusMessage.tsx';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { PasswordSection, SessionsSection, TokensSection, TwoFactorSection } from './AccountSections.tsx';

export interface AccountPageProps {
  ctx: StaffPageContext;
  user: User;
  twoFactor: TwoFactorStatus;
  hasPassword: boolean;
  sessions: StaffSession[];
  currentSessionId: string;
  tokens: ApiToken[];
  /** Field errors of the password form (currentPassword, newPassword, confirmPassword) or the token form (token-name). */
  errors?: FieldError[];
  /** A message for the form that failed as a whole (wait, or locked). */
  formMessage?: string | undefined;
  /** What was just done, said at the top. */
  done?: string | undefined;
  /** A token just made, shown once. */
  createdToken?: { name: string; token: string } | undefined;
  /** The token name typed, kept when refused. */
  tokenName?: string;
  /** Sections other parts of the workspace add. */
  children?: ReactNode;
}

export function AccountPage(props: AccountPageProps) {
  const { ctx, user, children, errors = [], formMessage, done } = props;
  const { t } = ctx;
  const a = t.account;
  const failed = errors.length > 0 || Boolean(formMessage);
  return (
    <StaffLayout ctx={ctx} title={failed ? `${t.form.errorPrefix}${a.title}` : a.title}>
      <Heading level={1}>{a.title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} intro={formMessage} />}
      {done && !failed && <StatusMessage message={done} />}
      <DataList>
        <DataListItem>
          <DataListKey>{a.name}</DataListKey>
          <DataListValue>{user.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{a.email}</DataListKey>
          <DataListValue>{user.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{a.jobTitle}</DataListKey>
          <DataListValue>{user.jobTitle}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{a.roles}</DataListKey>
          <DataListValue>
            {user.roles.length ? user.roles.map((r) => t.roles[r]).join(', ') : a.noRoles}
          </DataListValue>
        </DataListItem>
      </DataList>
      <TwoFactorSection ctx={ctx} status={props.twoFactor} />
      <PasswordSection ctx={ctx} hasPassword={props.hasPassword} errors={errors} />
      <SessionsSection ctx={ctx} sessions={props.sessions} currentSessionId={props.currentSessionId} />
      <TokensSection
        ctx={ctx}
        tokens={props.tokens}
        errors={errors}
        name={props.tokenName ?? ''}
        created={props.createdToken}
      />
      {children}
      <section className="vp-section" aria-labelledby="sign-out-everywhere-heading">
        <Heading level={2} id="sign-out-everywhere-heading">
          {a.signOutEverywhere.heading}
        </Heading>
        <Paragraph>{a.signOutEverywhere.text}</Paragraph>
        <form method="post" action="/staff/sign-out-everywhere">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Button type="submit" appearance="secondary-action-button">
            {a.signOutEverywhere.submit}
          </Button>
        </form>
      </section>
    </StaffLayout>
  );
}
