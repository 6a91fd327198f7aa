/**
 * Setting up the second factor: install an app, scan the QR code (or type the key), confirm with a first
 * code. The QR code is an inline SVG made on the server (the CSP forbids inline script and style, not SVG).
 */
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link,
  OrderedList,
  OrderedListItem,
  Paragraph,
} from '@utrecht/component-library-react';
import type { Enrolment } from '../../../commands/two-factor.ts';
import { authMessages } from '../../../i18n/staff/auth.ts';
import { ErrorSummary } from '../../pages/components/ErrorSummary.tsx';
import { TextField } from '../../pages/components/TextField.tsx';
import type { FieldError } from '../../pages/validate.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';
import { SignOutForm } from './SignOutForm.tsx';

export interface TwoFactorEnrolPageProps {
  ctx: StaffPageContext;
  enrolment: Enrolment;
  /** Owed before anything else (a role requires it): no way around it but signing out. */
  owed: boolean;
  /** A role requires it (also said when it is set up by choice from the account page). */
  required: boolean;
  next: string;
  errors: FieldError[];
}

/** The key in groups of four, easier to copy by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)!.join(' ');

export function TwoFactorEnrolPage({
  ctx,
  enrolment,
  owed,
  required,
  next,
  errors,
}: TwoFactorEnrolPageProps) {
  const { t } = ctx;
  const a = authMessages[ctx.locale].enrol;
  const failed = errors.length > 0;
  return (
    <StaffLayout ctx={ctx} title={failed ? `${t.form.errorPrefix}${a.title}` : a.title}>
      <Heading level={1}>{a.title}</Heading>
      {failed && <ErrorSummary heading={t.form.errorSummaryHeading} errors={errors} />}
      <Paragraph>{required ? a.required : a.optional}</Paragraph>
      <OrderedList className="vp-steps">
        <OrderedListItem>{a.step1}</OrderedListItem>
        <OrderedListItem>
          <Paragraph>{a.step2}</Paragraph>
          <div
            className="vp-qr"
            role="img"
            aria-label={a.qrLabel}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is made by the qrcode library from our own otpauth URI (paths only, no script).
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
          <details className="vp-manual-key">
            <summary>{a.manualHeading}</summary>
            <Paragraph>{a.manualIntro}</Paragraph>
            <DataList>
              <DataListItem>
                <DataListKey>{a.account}</DataListKey>
                <DataListValue>{enrolment.account}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{a.secret}</DataListKey>
                <DataListValue>
                  <code className="vp-secret" id="totp-secret">
                    {grouped(enrolment.secret)}
                  </code>
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{a.kind}</DataListKey>
                <DataListValue>{a.kindValue}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{a.uri}</DataListKey>
                <DataListValue>
                  <code className="vp-break">{enrolment.uri}</code>
                </DataListValue>
              </DataListItem>
            </DataList>
            <Paragraph>
              <Link href={enrolment.uri} className="vp-target">
                {a.openInApp}
              </Link>
            </Paragraph>
          </details>
        </OrderedListItem>
        <OrderedListItem>
          <form method="post" action="/staff/account/two-factor" noValidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <input type="hidden" name="next" value={next} />
            <TextField
              name="code"
              label={a.step3}
              value=""
              error={errors.find((e) => e.field === 'code')?.message}
              errorPrefix={t.form.errorPrefix}
              autoComplete="one-time-code"
              maxLength={10}
              short
              required
            />
            <Button type="submit" appearance="primary-action-button">
              {a.submit}
            </Button>
          </form>
        </OrderedListItem>
      </OrderedList>
      {owed && (
        <SignOutForm
          ctx={ctx}
          intro={authMessages[ctx.locale].secondFactor.otherAccount}
          label={authMessages[ctx.locale].secondFactor.signOut}
        />
      )}
      {!owed && (
        <Paragraph>
          <Link href="/staff/account" className="vp-target">
            {authMessages[ctx.locale].manage.back}
          </Link>
        </Paragraph>
      )}
    </StaffLayout>
  );
}
