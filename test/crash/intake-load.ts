/**
 * Concurrent submissions against a real server over HTTP, as reporters send them: through the JSON API
 * (anonymous, or with contact details, which queues the follow-up mail) and through the multipart form
 * without JavaScript, with two attachments of random bytes. Every submission is unique, so whatever the
 * database holds afterwards can be matched to what was sent, field by field and byte by byte.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hashFollowUpToken } from '../../src/commands/follow-up-token.ts';
import { multipart, pdf } from '../pages/helpers.ts';

export interface SentFile {
  filename: string;
  content: Buffer;
  sha256: string;
}

export interface Submission {
  n: number;
  via: 'api' | 'api-with-contact' | 'form';
  description: string;
  reporter: { name: string; email: string; phone: string } | null;
  files: SentFile[];
}

export interface Acknowledged {
  submission: Submission;
  /** The API's reference (201), or the hash of the follow-up token in the form's redirect (303). */
  reference: string | null;
  tokenHash: string | null;
}

export interface LoadResult {
  sent: Submission[];
  acknowledged: Acknowledged[];
  /** Submissions whose answer never came (the connection died with the server). */
  unanswered: Submission[];
  /** Answers that were neither success nor a dropped connection (must be none). */
  unexpected: Array<{ submission: Submission; status: number; body: string }>;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function makeSubmission(run: string, n: number): Submission {
  const via = (['api', 'api-with-contact', 'form'] as const)[n % 3]!;
  const description = `Crashtest ${run} nr. ${n}: de afspraak met mijn jobcoach ging niet door. Ünïcode “€” 🙂\nTweede regel.`;
  const reporter =
    via === 'api'
      ? null
      : {
          name: `Melder ${n} van Dijk`,
          email: `melder-${run}-${n}@example.nl`,
          phone: `06-${String(10_000_000 + n)}`,
        };
  const files: SentFile[] =
    via === 'form'
      ? [
          // A PDF with random content, and a text file of random words.
          { filename: `brief-${n}.pdf`, content: pdf(randomBytes(2048 + n).toString('hex')) },
          {
            filename: `notitie-${n}.txt`,
            content: Buffer.from(`Notitie ${n}: ${randomBytes(512).toString('hex')}\n`),
          },
        ].map((f) => ({ ...f, sha256: sha256(f.content) }))
      : [];
  return { n, via, description, reporter, files };
}

/** The form's CSRF cookie and token from GET / (valid for every post while COOKIE_SECRET stays). */
export async function formCredentials(base: string): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${base}/`);
  const html = await response.text();
  const token = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!token || !cookie) throw new Error('No CSRF token or cookie from GET /');
  return { cookie, token };
}

async function submit(
  base: string,
  form: { cookie: string; token: string },
  s: Submission,
): Promise<Response> {
  if (s.via === 'form') {
    const { payload, contentType } = multipart(
      {
        _csrf: form.token,
        lang: 'nl',
        description: s.description,
        contactChoice: 'contact',
        name: s.reporter!.name,
        email: s.reporter!.email,
        phone: s.reporter!.phone,
      },
      s.files.map((f) => ({ filename: f.filename, content: f.content, type: 'application/octet-stream' })),
    );
    return fetch(`${base}/`, {
      method: 'POST',
      body: new Uint8Array(payload),
      headers: { 'content-type': contentType, cookie: form.cookie },
      redirect: 'manual',
    });
  }
  const body = { description: s.description, ...(s.reporter ? { reporter: s.reporter } : {}) };
  return fetch(`${base}/api/v1/complaints`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * Keeps `concurrency` submissions in flight until the server stops answering. `onAcknowledged` is told the
 * count after each success (the test kills the server from there).
 */
export async function runLoad(
  base: string,
  options: { run: string; concurrency: number; onAcknowledged: (count: number) => void },
): Promise<LoadResult> {
  const form = await formCredentials(base);
  const result: LoadResult = { sent: [], acknowledged: [], unanswered: [], unexpected: [] };
  let next = 0;
  let down = false;
  const worker = async () => {
    while (!down) {
      const submission = makeSubmission(options.run, next++);
      result.sent.push(submission);
      let response: Response;
      let body: string;
      try {
        response = await submit(base, form, submission);
        body = await response.text();
      } catch {
        // The server is gone (ECONNRESET, ECONNREFUSED): this one's answer never came.
        result.unanswered.push(submission);
        down = true;
        return;
      }
      const location = response.headers.get('location') ?? '';
      if (submission.via !== 'form' && response.status === 201) {
        result.acknowledged.push({ submission, reference: JSON.parse(body).reference, tokenHash: null });
      } else if (
        submission.via === 'form' &&
        response.status === 303 &&
        location.startsWith('/confirmation/')
      ) {
        result.acknowledged.push({
          submission,
          reference: null,
          tokenHash: hashFollowUpToken(location.slice('/confirmation/'.length)),
        });
      } else {
        result.unexpected.push({ submission, status: response.status, body: body.slice(0, 500) });
        continue;
      }
      options.onAcknowledged(result.acknowledged.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}
