/**
 * After registering (or converting a spot record) the browser goes to the case page with 303, so that a reload
 * never registers twice; the reporter's follow-up link exists only at that moment (only its hash is stored).
 * It travels to the case page in a short-lived cookie: signed, HttpOnly, for that case's page only, read and
 * cleared on the first view, so the link is shown exactly once and never appears in a URL or a log.
 *
 * The case page shows it with `takeRegistrationNotice`: its messages in the page's language, and the link.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Registered } from '../../../commands/register-complaint.ts';
import type { PageLocale } from '../../../i18n/pages/index.ts';
import { registrationMessages } from '../../../i18n/staff/registration.ts';

const COOKIE = 'vp_registered';
const MAX_AGE_SECONDS = 10 * 60;

interface Notice {
  reference: string;
  followUpUrl: string;
  emailedTo: string | null;
  how: 'registered' | 'converted';
}

const cookiePath = (reference: string) => `/staff/complaints/${encodeURIComponent(reference)}`;

/** Remembers the new complaint's follow-up link for the case page the browser is sent to next. */
export function setRegistrationNotice(
  reply: FastifyReply,
  registered: Registered,
  how: Notice['how'],
  secure: boolean,
): void {
  const { complaint, followUpUrl } = registered;
  const notice: Notice = {
    reference: complaint.reference,
    followUpUrl,
    emailedTo: complaint.reporter.email,
    how,
  };
  reply.setCookie(COOKIE, JSON.stringify(notice), {
    path: cookiePath(complaint.reference),
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: MAX_AGE_SECONDS,
  });
}

export interface RegistrationNotice {
  /** The messages for the page's status area: what was done, how to pass the link on. */
  statusText: string[];
  followUpUrl: string;
}

/** The notice for this case's page, once: null when there is none (or it was shown already, or tampered with). */
export function takeRegistrationNotice(
  request: FastifyRequest,
  reply: FastifyReply,
  reference: string,
  locale: PageLocale,
): RegistrationNotice | null {
  const raw = request.cookies[COOKIE];
  if (!raw) return null;
  reply.clearCookie(COOKIE, { path: cookiePath(reference) });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  let notice: Notice;
  try {
    notice = JSON.parse(unsigned.value) as Notice;
  } catch {
    return null;
  }
  if (notice.reference !== reference) return null;
  const t = registrationMessages[locale].notice;
  return {
    statusText: [
      notice.how === 'converted' ? t.converted(reference) : t.registered(reference),
      notice.emailedTo ? t.emailed(notice.emailedTo) : t.notEmailed,
    ],
    followUpUrl: notice.followUpUrl,
  };
}
