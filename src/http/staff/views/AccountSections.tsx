/**
 * The sections of my account page: the second factor, changing the password, where I am signed in (end any
 * other session), and my personal API tokens (a new one is shown once).
 */
import {
  Button,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TwoFactorStatus } from '../../../commands/two-factor.ts';
import type { ApiToken } from '../../../db/repositories/api-tokens.ts';
import type { StaffSession } from '../../../db/repositories/staff-sessions.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { TextField } from '../../pages/components/TextField.tsx';
import { formatDateTime } from '../../pages/dates.ts';
import type { FieldError } from '../../pages/validate.ts';
import { TableWrap } from '../admin/components/TableWrap.tsx';
import type { StaffPageContext } from '../context.ts';
import { describeDevice } from './device.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';

const errorOf = (errors: FieldError[], field: string) => errors.find((e) => e.field === field)?.message;

export function TwoFactorSection({ ctx, status }: { ctx: StaffPageContext; status: TwoFactorStatus }) {
  const a = authMessages[ctx.locale].account.twoFactor;
  return (
    <section className="vp-section" aria-labelledby="two-factor-heading">
      <Heading level={2} id="two-factor-heading">
        {a.heading}
      </Heading>
      <Paragraph>{status.enabledAt ? a.on(formatDateTime(ctx.t, status.enabledAt)) : a.off}</Paragraph>
      {status.required && <Paragraph>{a.required}</Paragraph>}
      <Paragraph>
        <Link href="/staff/account/two-factor" className="vp-target">
          {status.enabledAt ? a.manage : a.setUp}
        </Link>
      </Paragraph>
    </section>
  );
}

export function PasswordSection({
  ctx,
  hasPassword,
  errors,
}: {
  ctx: StaffPageContext;
  hasPassword: boolean;
  errors: FieldError[];
}) {
  const p = authMessages[ctx.locale].account.password;
  return (
    <section className="vp-section" aria-labelledby="password-heading">
      <Heading level={2} id="password-heading">
        {p.heading}
      </Heading>
      {hasPassword ? (
        <form method="post" action="/staff/account/password" noValidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="username" autoComplete="username" value={ctx.user?.email ?? ''} />
          <TextField
            name="currentPassword"
            type="password"
            label={p.current}
            value=""
            error={errorOf(errors, 'currentPassword')}
            errorPrefix={ctx.t.form.errorPrefix}
            autoComplete="current-password"
            maxLength={256}
            required
          />
          <NewPasswordFields ctx={ctx} errors={errors} />
          <Button type="submit" appearance="primary-action-button">
            {p.submit}
          </Button>
        </form>
      ) : (
        <Paragraph>{p.noPassword}</Paragraph>
      )}
    </section>
  );
}

export function SessionsSection({
  ctx,
  sessions,
  currentSessionId,
}: {
  ctx: StaffPageContext;
  sessions: StaffSession[];
  currentSessionId: string;
}) {
  const s = authMessages[ctx.locale].account.sessions;
  const deviceOf = (session: StaffSession) => {
    const { browser, os } = describeDevice(session.userAgent);
    return browser && os ? s.deviceOn(browser, os) : (browser ?? os ?? s.unknownDevice);
  };
  return (
    <section className="vp-section" aria-labelledby="sessions-heading">
      <Heading level={2} id="sessions-heading">
        {s.heading}
      </Heading>
      <TableWrap labelledBy="sessions-caption">
        <Table>
          <TableCaption id="sessions-caption">{s.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{s.device}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.created}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.lastSeen}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.method}</TableHeaderCell>
              <TableHeaderCell scope="col">{s.action}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sessions.map((session) => {
              const device = deviceOf(session);
              const created = formatDateTime(ctx.t, session.createdAt);
              const current = session.id === currentSessionId;
              return (
                <TableRow key={session.id}>
                  <TableHeaderCell scope="row">
                    {device}
                    {current && ` (${s.thisDevice})`}
                  </TableHeaderCell>
                  <TableCell>{created}</TableCell>
                  <TableCell>{formatDateTime(ctx.t, session.lastSeenAt)}</TableCell>
                  <TableCell>{s.methods[session.method]}</TableCell>
                  <TableCell>
                    {!current && (
                      <form method="post" action="/staff/account/sessions/end">
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <input type="hidden" name="session" value={session.id} />
                        <button
                          type="submit"
                          className="vp-link-button"
                          aria-label={s.endLabel(device, created)}
                        >
                          {s.end}
                        </button>
                      </form>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableWrap>
    </section>
  );
}

export function TokensSection({
  ctx,
  tokens,
  errors,
  name,
  created,
}: {
  ctx: StaffPageContext;
  tokens: ApiToken[];
  errors: FieldError[];
  /** What was typed as the name, kept when it was refused. */
  name: string;
  /** The token just made: shown once. */
  created?: { name: string; token: string } | undefined;
}) {
  const k = authMessages[ctx.locale].account.tokens;
  return (
    <section className="vp-section" aria-labelledby="tokens-heading">
      <Heading level={2} id="tokens-heading">
        {k.heading}
      </Heading>
      <Paragraph>{k.intro}</Paragraph>
      {created && (
        <div className="vp-token vp-token-warning" role="status">
          <Heading level={3}>{k.createdTitle}</Heading>
          <Paragraph>{k.createdText(created.name)}</Paragraph>
          <code id="new-token">{created.token}</code>
        </div>
      )}
      {tokens.length === 0 ? (
        <Paragraph>{k.none}</Paragraph>
      ) : (
        <TableWrap labelledBy="tokens-caption">
          <Table>
            <TableCaption id="tokens-caption">{k.caption}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{k.name}</TableHeaderCell>
                <TableHeaderCell scope="col">{k.created}</TableHeaderCell>
                <TableHeaderCell scope="col">{k.lastUsed}</TableHeaderCell>
                <TableHeaderCell scope="col">{k.action}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tokens.map((token) => (
                <TableRow key={token.id}>
                  <TableHeaderCell scope="row">{token.name}</TableHeaderCell>
                  <TableCell>{formatDateTime(ctx.t, token.createdAt)}</TableCell>
                  <TableCell>
                    {token.lastUsedAt ? formatDateTime(ctx.t, token.lastUsedAt) : k.never}
                  </TableCell>
                  <TableCell>
                    <form method="post" action="/staff/account/tokens/revoke">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <input type="hidden" name="token" value={token.id} />
                      <button type="submit" className="vp-link-button" aria-label={k.revokeLabel(token.name)}>
                        {k.revoke}
                      </button>
                    </form>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableWrap>
      )}
      <Heading level={3}>{k.newHeading}</Heading>
      <form method="post" action="/staff/account/tokens" noValidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <TextField
          name="name"
          idName="token-name"
          label={k.newName}
          hint={k.newNameHint}
          value={name}
          error={errorOf(errors, 'token-name')}
          errorPrefix={ctx.t.form.errorPrefix}
          maxLength={200}
          required
        />
        <Button type="submit" appearance="secondary-action-button">
          {k.submit}
        </Button>
      </form>
    </section>
  );
}
