/**
 * Submitting the public pages' forms through inject, as a browser without JavaScript would: a session with
 * cookies (the CSRF secret, the language), the CSRF token read from the page, multipart bodies built by hand.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/app.ts';

export interface FilePart {
  name?: string;
  filename: string;
  content: Buffer;
  type?: string;
}

/** A multipart/form-data body: fields in order, then files (an empty filename is an empty file input). */
export function multipart(
  fields: Record<string, string>,
  files: FilePart[] = [],
): { payload: Buffer; contentType: string } {
  const boundary = `----verbeterpunt${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name ?? 'attachments'}"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The CSRF token in a page's form. */
export function csrfTokenOf(html: string): string {
  const match = html.match(/name="_csrf" value="([^"]+)"/);
  if (!match) throw new Error('No CSRF token in the page');
  return match[1]!;
}

/** A browser-like session: keeps cookies between requests. */
export class Session {
  readonly cookies = new Map<string, string>();
  constructor(readonly t: TestApp) {}

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies as { name: string; value: string }[])
      this.cookies.set(cookie.name, cookie.value);
  }

  private get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: this.cookieHeader, ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts a multipart form, as a browser does (the caller puts `_csrf` among the fields). */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: FilePart[] = [],
  ): Promise<LightMyRequestResponse> {
    const { payload, contentType } = multipart(fields, files);
    const response = await this.t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType, cookie: this.cookieHeader },
    });
    this.remember(response);
    return response;
  }

  async postForm(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const response = await this.t.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader },
    });
    this.remember(response);
    return response;
  }

  /** Opens the page and returns its CSRF token. */
  async tokenFrom(url: string): Promise<string> {
    const page = await this.get(url);
    return csrfTokenOf(page.body);
  }
}

/** A small valid PNG (1×1), and a PDF, as files a reporter would attach. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082',
  'hex',
);
export const pdf = (text: string) =>
  Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** Text content of the HTML, tags removed and entities of the common kind decoded, for `toContain` checks. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');
}
