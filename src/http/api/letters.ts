/**
 * Letters of a case: staff list them, download the PDF exactly as sent, and record when a printed letter
 * went into the post. The reporter downloads their own letters through the follow-up link (public.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadOrganisation } from '../../commands/context.ts';
import { recordLetterPosted } from '../../commands/mark-letter-posted.ts';
import { relationOf } from '../../commands/take-action.ts';
import type { DbExecutor } from '../../db/database.ts';
import { findComplaintByReference } from '../../db/repositories/complaints.ts';
import { getLetterPdf, type Letter, listLetters } from '../../db/repositories/letters.ts';
import type { Complaint } from '../../domain/complaint.ts';
import { DomainError } from '../../domain/errors.ts';
import { viewOf } from '../../domain/policy.ts';
import type { AppDeps } from '../app.ts';
import { type StaffActor, staffOf } from '../auth.ts';
import { ProblemSchema } from './problem-schema.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const LetterSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  language: Type.String(),
  recipientRole: Type.String(),
  recipientName: Nullable(Type.String()),
  recipientAddress: Nullable(Type.String()),
  delivery: Type.String(),
  subject: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
  postedAt: Nullable(Type.String()),
});

export const presentLetter = ({ complaintId: _c, createdBy: _b, templateVersion: _v, ...letter }: Letter) =>
  letter;

const Params = Type.Object({
  reference: Type.String({ pattern: '^VP-\\d{4}-\\d{5,}$', maxLength: 20 }),
});
const LetterParams = Type.Object({
  reference: Type.String({ pattern: '^VP-\\d{4}-\\d{5,}$', maxLength: 20 }),
  id: Type.String({ maxLength: 64 }),
});
const Errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};

/** The case, if this staff member may read it in full (an involved person's view has no letters). */
async function caseFor(db: DbExecutor, reference: string, actor: StaffActor): Promise<Complaint> {
  const complaint = await findComplaintByReference(db, reference);
  if (!complaint)
    throw new DomainError('not_found', {
      en: `No complaint ${reference}.`,
      nl: `Klacht ${reference} bestaat niet.`,
    });
  const relation = await relationOf(db, complaint, actor, await loadOrganisation(db));
  if (viewOf(relation, actor) !== 'full') {
    throw new DomainError('forbidden', {
      en: 'You may not see these letters.',
      nl: 'U mag deze brieven niet inzien.',
    });
  }
  return complaint;
}

export const letterRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/staff/complaints/:reference/letters',
      {
        schema: {
          tags: ['letters'],
          summary: 'The letters of a complaint, as sent',
          params: Params,
          response: { 200: Type.Array(LetterSchema), ...Errors },
        },
      },
      async (request) => {
        const complaint = await caseFor(deps.db.kysely, request.params.reference, staffOf(request));
        return (await listLetters(deps.db.kysely, complaint.id)).map(presentLetter);
      },
    );

    app.get(
      '/api/v1/staff/complaints/:reference/letters/:id/pdf',
      {
        schema: {
          tags: ['letters'],
          summary: 'The PDF of a letter, exactly as it was sent',
          params: LetterParams,
          response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...Errors },
        },
      },
      async (request, reply) => {
        const complaint = await caseFor(deps.db.kysely, request.params.reference, staffOf(request));
        const found = await getLetterPdf(deps.db.kysely, request.params.id);
        if (!found || found.letter.complaintId !== complaint.id) {
          throw new DomainError('not_found', { en: 'No such letter.', nl: 'Deze brief bestaat niet.' });
        }
        return sendPdf(reply, found.letter, found.pdf);
      },
    );

    app.post(
      '/api/v1/staff/complaints/:reference/letters/:id/posted',
      {
        schema: {
          tags: ['letters'],
          summary: 'Record that a printed letter went into the post (once)',
          params: LetterParams,
          body: Type.Object(
            { postedAt: Type.Optional(Type.String({ format: 'date-time' })) },
            { additionalProperties: false },
          ),
          response: { 200: LetterSchema, ...Errors },
        },
      },
      async (request) => {
        const actor = staffOf(request);
        const complaint = await caseFor(deps.db.kysely, request.params.reference, actor);
        // The rules (who, once, never in the future) and the history entry are the command's, in one transaction.
        const letter = await recordLetterPosted(
          deps,
          complaint.reference,
          request.params.id,
          actor,
          request.body.postedAt ?? null,
        );
        return presentLetter(letter);
      },
    );
  };

export function sendPdf(reply: import('fastify').FastifyReply, letter: Letter, pdf: Buffer) {
  return reply
    .type('application/pdf')
    .header(
      'content-disposition',
      `attachment; filename="${letter.kind}-${letter.createdAt.slice(0, 10)}.pdf"`,
    )
    .header('cache-control', 'private, no-store')
    .send(pdf);
}
