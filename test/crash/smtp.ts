/**
 * A real SMTP server for the crash tests, with a hook at MAIL FROM (the start of the hand-off), where a test
 * kills the worker that is talking to it. Every accepted message is parsed with mailparser.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CrashSmtpServer {
  port: number;
  received: ParsedMail[];
  /** Messages received with this Message-ID. */
  copiesOf(messageId: string): ParsedMail[];
  /** Called at MAIL FROM; return true to refuse the transaction (after, say, killing the client). */
  onMailFrom: (() => boolean) | null;
  close(): Promise<void>;
}

export async function startCrashSmtpServer(): Promise<CrashSmtpServer> {
  const received: ParsedMail[] = [];
  const handle: CrashSmtpServer = {
    port: 0,
    received,
    copiesOf: (messageId) => received.filter((m) => m.messageId === messageId),
    onMailFrom: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (handle.onMailFrom?.()) {
        callback(Object.assign(new Error('Try again later'), { responseCode: 421 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push(parsed);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // A client killed mid-conversation resets the connection; that is the point, not a failure.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  handle.port = (server.server.address() as AddressInfo).port;
  return handle;
}
