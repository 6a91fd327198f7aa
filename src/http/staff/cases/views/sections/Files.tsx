/**
 * What belongs to the form besides its fields: the attachments (download, type, size, SHA-256), the letters
 * as sent (to whom, how, the PDF, and for a letter on paper the posting date, recorded once), and the
 * reporter's follow-up link, which the handler and the quality manager revoke or renew.
 */
import { Button, Link, Paragraph, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import type { Letter } from '../../../../../db/repositories/letters.ts';
import type { CasesMessages } from '../../../../../i18n/staff/cases.ts';
import { type CaseViewProps, casePath, nameOf } from '../case-view.ts';
import { dayOf, Facts, Muted, Section, size, TableBox, TableHead, when } from '../ui.tsx';

export function Attachments(props: CaseViewProps) {
  const { ctx, t, c, attachments } = props;
  const a = t.attachments;
  return (
    <Section id="attachments" title={a.heading}>
      {attachments.length === 0 ? (
        <Muted>{a.none}</Muted>
      ) : (
        <TableBox id="attachments-table" caption={a.caption}>
          <TableHead columns={[a.file, a.type, a.size, a.sha256, a.uploadedAt]} />
          <TableBody>
            {attachments.map((file) => (
              <TableRow key={file.id}>
                <TableCell>
                  <Link
                    href={casePath(c.reference, `/attachments/${encodeURIComponent(file.id)}`)}
                    download={file.filename}
                  >
                    {file.filename}
                  </Link>
                </TableCell>
                <TableCell>{file.contentType}</TableCell>
                <TableCell>{size(ctx, file.size)}</TableCell>
                <TableCell>
                  <code className="vp-hash">{file.sha256}</code>
                </TableCell>
                <TableCell>{`${when(ctx, file.uploadedAt)}, ${nameOf(props, file.uploadedBy)}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableBox>
      )}
    </Section>
  );
}

/** "Ontvangstbevestiging aan de melder (per e-mail)". */
export function letterInWords(
  t: CasesMessages,
  letter: Pick<Letter, 'kind' | 'recipientRole' | 'recipientName' | 'delivery'>,
): string {
  const l = t.letters;
  const to = letter.recipientRole === 'reporter' ? l.toReporter : l.toInvolved(letter.recipientName ?? '');
  return l.inWords(l.kinds[letter.kind], to, l.deliveries[letter.delivery]);
}

export function Letters(props: CaseViewProps) {
  const { ctx, t, c, letters, managesCase } = props;
  const l = t.letters;
  return (
    <Section id="letters" title={l.heading}>
      {letters.length === 0 ? (
        <Muted>{l.none}</Muted>
      ) : (
        <TableBox id="letters-table" caption={l.caption}>
          <TableHead columns={[l.kind, l.to, l.delivery, l.createdAt, l.posted]} />
          <TableBody>
            {letters.map((letter) => {
              const to =
                letter.recipientRole === 'reporter' ? l.toReporter : l.toInvolved(letter.recipientName ?? '');
              return (
                <TableRow key={letter.id}>
                  <TableCell>
                    <Link href={casePath(c.reference, `/letters/${encodeURIComponent(letter.id)}/pdf`)}>
                      {l.kinds[letter.kind]}
                      <span className="vp-visually-hidden">{` (PDF) – ${to}`}</span>
                    </Link>
                  </TableCell>
                  <TableCell className="vp-text">
                    {letter.recipientRole === 'reporter'
                      ? l.toReporter
                      : l.toInvolved(letter.recipientName ?? '')}
                    {letter.recipientAddress ? `\n${letter.recipientAddress}` : ''}
                  </TableCell>
                  <TableCell>{l.deliveries[letter.delivery]}</TableCell>
                  <TableCell>{when(ctx, letter.createdAt)}</TableCell>
                  <TableCell>
                    {letter.delivery !== 'post' ? (
                      '–'
                    ) : letter.postedAt ? (
                      dayOf(ctx, letter.postedAt)
                    ) : managesCase ? (
                      <PostedForm {...props} letter={letter} to={to} />
                    ) : (
                      l.notPosted
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </TableBox>
      )}
    </Section>
  );
}

function PostedForm({ ctx, t, c, letter, to }: CaseViewProps & { letter: Letter; to: string }) {
  const id = `posted-${letter.id}`;
  return (
    <form
      method="post"
      action={casePath(c.reference, `/letters/${encodeURIComponent(letter.id)}/posted`)}
      className="vp-inline-form"
    >
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <label className="utrecht-form-label" htmlFor={id}>
        {t.letters.postedAt}
        <span className="vp-visually-hidden">{` – ${t.letters.kinds[letter.kind]}, ${to}`}</span>
      </label>
      <input
        className="utrecht-textbox utrecht-textbox--html-input vp-input--short"
        type="date"
        id={id}
        name="postedAt"
        aria-describedby={`${id}-hint`}
      />
      <span className="utrecht-form-field-description" id={`${id}-hint`}>
        {t.letters.postedAtHint}
      </span>
      <Button type="submit" appearance="secondary-action-button">
        {t.letters.markPosted}
      </Button>
    </form>
  );
}

export function FollowUpLink({ ctx, t, c, managesCase, linkExpiresAt }: CaseViewProps) {
  const f = t.followUpLink;
  const link = c.followUpLink;
  const state = link.renewedAt
    ? f.renewed(when(ctx, link.renewedAt) ?? '')
    : link.revokedAt
      ? f.revoked(when(ctx, link.revokedAt) ?? '')
      : f.active;
  return (
    <Section id="follow-up-link" title={f.heading}>
      <Facts
        t={t}
        rows={[
          [f.state, state],
          [f.expiresAt, linkExpiresAt ? when(ctx, linkExpiresAt) : f.runs],
        ]}
      />
      {managesCase && (
        <>
          <Paragraph>{f.renewHint}</Paragraph>
          <div className="vp-button-row">
            {(['revoke', 'renew'] as const).map((mode) => (
              <form
                key={mode}
                method="post"
                action={casePath(c.reference, `/follow-up-link/${mode}`)}
                className="vp-inline-form"
              >
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <Button type="submit" appearance="secondary-action-button">
                  {f[mode]}
                </Button>
              </form>
            ))}
          </div>
        </>
      )}
    </Section>
  );
}
