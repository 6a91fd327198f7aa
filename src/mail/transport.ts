/**
 * The way out for e-mail: SMTP through nodemailer when a server is configured, otherwise "local": nothing
 * leaves, and the outbox worker files each mail as status 'local', where administrators and the CLI read it.
 */
import nodemailer from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it (587, 25). */
  secure: boolean;
  user?: string | null;
  password?: string | null;
  /** The From header, e.g. 'Loket3 klachten <klachten@loket3.nl>'. */
  from: string;
}

export interface OutgoingMail {
  /** The outbox row's Message-ID: the same on every retry, so a receiver can drop duplicates. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface MailTransport {
  kind: 'smtp' | 'local';
  /** Hands the mail to the server; resolves with its response (e.g. '250 2.0.0 Ok: queued as …'). */
  send(message: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

/** An SMTP transport for `smtp`, or the local one when it is null. */
export function createMailTransport(smtp: SmtpSettings | null): MailTransport {
  if (!smtp) {
    return {
      kind: 'local',
      send: async () => ({ response: 'local: not sent, no SMTP server configured' }),
      close: () => {},
    };
  }
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    // nodemailer waits minutes by default; a hanging server should cost one retry, not the worker's lease.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    kind: 'smtp',
    async send(message) {
      let info: { response: string; rejected: unknown[] };
      try {
        info = await transporter.sendMail({
          from: smtp.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: message.messageId,
          ...(message.attachments?.length ? { attachments: message.attachments } : {}),
          // Asks vacation responders and the like not to answer system mail (RFC 3834).
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw new Error(describeSmtpError(error), { cause: error });
      }
      if (info.rejected.length > 0) throw new Error(`Recipient rejected: ${info.response}`);
      return { response: info.response };
    },
    close: () => transporter.close(),
  };
}

/** The server's own words where there are any ('RCPT TO: 550 5.1.1 …'), else nodemailer's message. */
function describeSmtpError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { command, response, code } = error as Error & { command?: string; response?: string; code?: string };
  if (response) return `${command ? `${command}: ` : ''}${response}`;
  return code ? `${code}: ${error.message}` : error.message;
}
