import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport, type MailTransport } from '../../src/mail/transport.ts';
import { smtpError, startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server.ts';

describe('mail transport', () => {
  let server: TestSmtpServer;
  let transport: MailTransport;
  beforeAll(async () => {
    server = await startTestSmtpServer({
      rejectRecipient: (address) => (address.startsWith('nobody@') ? smtpError(550, 'No such user') : null),
    });
    transport = createMailTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: false,
      from: 'Loket3 <klachten@loket3.nl>',
    });
  });
  afterAll(async () => {
    transport.close();
    await server.close();
  });

  it('sends over SMTP with the given Message-ID, text and HTML', async () => {
    const { response } = await transport.send({
      messageId: '<abc-123@loket3.nl>',
      to: 'jan@example.nl',
      subject: 'Ontvangstbevestiging – uw klacht 2026-0001',
      text: 'Wij hebben uw klacht ontvangen.',
      html: '<p>Wij hebben uw klacht ontvangen.</p>',
    });
    expect(transport.kind).toBe('smtp');
    expect(response).toMatch(/^250/);
    const mail = server.received.at(-1)!;
    expect(mail.envelope).toEqual({ mailFrom: 'klachten@loket3.nl', rcptTo: ['jan@example.nl'] });
    expect(mail.parsed.messageId).toBe('<abc-123@loket3.nl>');
    expect(mail.parsed.subject).toBe('Ontvangstbevestiging – uw klacht 2026-0001');
    expect(mail.parsed.text?.trim()).toBe('Wij hebben uw klacht ontvangen.');
    expect(mail.parsed.html).toContain('<p>Wij hebben uw klacht ontvangen.</p>');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('fails with the server’s answer when the recipient is refused', async () => {
    await expect(
      transport.send({ messageId: '<x@loket3.nl>', to: 'nobody@example.nl', subject: 's', text: 't' }),
    ).rejects.toThrow(/550.*No such user/);
  });

  it('fails with a connection error when no server listens', async () => {
    const nowhere = createMailTransport({ host: '127.0.0.1', port: 1, secure: false, from: 'a@b.nl' });
    await expect(
      nowhere.send({ messageId: '<y@loket3.nl>', to: 'a@b.nl', subject: 's', text: 't' }),
    ).rejects.toThrow(/ECONNREFUSED|ESOCKET|ECONNECTION/);
  });

  it('sends nothing when no SMTP server is configured', async () => {
    const local = createMailTransport(null);
    expect(local.kind).toBe('local');
    await expect(local.send({ messageId: '<z@x>', to: 'a@b.nl', subject: 's', text: 't' })).resolves.toEqual({
      response: expect.stringContaining('local'),
    });
  });
});
