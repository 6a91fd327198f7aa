/**
 * A real SMTP server on a free port for mail tests: keeps every accepted message, parsed with mailparser.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  envelope: { mailFrom: string | null; rcptTo: string[] };
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** `rejectRecipient` may return an error (with responseCode) to refuse a RCPT TO; `n` counts from 1. */
export async function startTestSmtpServer(
  options: {
    rejectRecipient?: (address: string, n: number) => (Error & { responseCode?: number }) | null;
  } = {},
): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let recipients = 0;
  const server = new SMTPServer({
    authOptional: true,
    // No TLS in tests: nodemailer would otherwise upgrade and refuse the self-signed certificate.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      recipients++;
      callback(options.rejectRecipient?.(address.address, recipients) ?? null);
    },
    onData(stream, session, callback) {
      // The session object is reused for the next message once we call back: copy what we need first.
      const envelope = {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
      };
      simpleParser(stream)
        .then((parsed) => {
          received.push({ envelope, parsed });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** An error as smtp-server sends it to the client: `550 <message>`. */
export function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}
