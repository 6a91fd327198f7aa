/**
 * The public API: anyone may submit a complaint without an account (rate limited), and follow it with the
 * private link they received. Also liveness and readiness.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { loadOrganisation, REPORTER } from '../../commands/context.ts';
import { complaintForToken, takeReporterAction } from '../../commands/follow-up.ts';
import { registerComplaint } from '../../commands/register-complaint.ts';
import { DomainError } from '../../domain/errors.ts';
import { getLetterPdf, listLetters } from '../../db/repositories/letters.ts';
import { sendPdf } from './letters.ts';
import { type Action, ACTION_SCHEMAS } from '../../domain/action-schemas.ts';
import { REPORTER_ACTIONS } from '../../domain/policy.ts';
import { PublicIntakeSchema } from '../../domain/intake.ts';
import { readyCheck } from '../../db/database.ts';
import type { AppDeps } from '../app.ts';
import { ProblemSchema } from './problem-schema.ts';
import { presentForReporter, ReporterViewSchema } from './presenters.ts';

const SubmittedSchema = Type.Object({
  reference: Type.String({ examples: ['VP-2026-00042'] }),
  status: Type.String(),
  receivedAt: Type.String({ format: 'date-time' }),
  deadlines: Type.Object({ acknowledgeBy: Type.String({ format: 'date' }), resolveBy: Type.String({ format: 'date' }) }),
  followUpUrl: Type.String(),
  anonymous: Type.Boolean(),
  language: Type.String(),
});

export const publicRoutes = (deps: AppDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/healthz', { schema: { hide: true, response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: Type.Object({ status: Type.Literal('unavailable') }) },
      },
    },
    async (_request, reply) => {
      if (await readyCheck(deps.db)) return { status: 'ready' as const };
      return reply.status(503).send({ status: 'unavailable' as const });
    },
  );

  app.post(
    '/api/v1/complaints',
    {
      bodyLimit: 64 * 1024,
      config: { rateLimit: { max: deps.config.publicRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Submit a complaint (no account needed)',
        body: PublicIntakeSchema,
        response: { 201: SubmittedSchema, 400: ProblemSchema, 413: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { complaint, followUpUrl } = await registerComplaint(deps, request.body, REPORTER);
      return reply.status(201).send({
        reference: complaint.reference,
        status: complaint.status,
        receivedAt: complaint.receivedAt,
        deadlines: { acknowledgeBy: complaint.deadlines.acknowledgeBy, resolveBy: complaint.deadlines.resolveBy },
        followUpUrl,
        anonymous: complaint.reporter.anonymous,
        language: complaint.reporter.language,
      });
    },
  );

  const Token = Type.Object({ token: Type.String({ minLength: 20, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

  app.get(
    '/api/v1/follow-up/:token',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: "The reporter's view of one complaint, through the private follow-up link",
        params: Token,
        response: { 200: ReporterViewSchema, 404: ProblemSchema, 410: ProblemSchema },
      },
    },
    async (request) => {
      const complaint = await complaintForToken(deps.db.kysely, request.params.token, deps.now());
      const { settings } = await loadOrganisation(deps.db.kysely);
      return presentForReporter(complaint, settings, await listLetters(deps.db.kysely, complaint.id, { reporterOnly: true }));
    },
  );

  app.get(
    '/api/v1/follow-up/:token/letters/:id/pdf',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'A letter sent to the reporter, as PDF, through the follow-up link',
        params: Type.Object({ token: Token.properties.token, id: Type.String({ maxLength: 64 }) }),
        response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), 404: ProblemSchema, 410: ProblemSchema },
      },
    },
    async (request, reply) => {
      const complaint = await complaintForToken(deps.db.kysely, request.params.token, deps.now());
      const found = await getLetterPdf(deps.db.kysely, request.params.id);
      // Only this complaint's letters to the reporter: never a letter to an involved person.
      if (!found || found.letter.complaintId !== complaint.id || found.letter.recipientRole !== 'reporter') {
        throw new DomainError('not_found', { en: 'No such letter.', nl: 'Deze brief bestaat niet.' });
      }
      return sendPdf(reply, found.letter, found.pdf);
    },
  );

  // What the reporter can do through the link: the same lifecycle actions, with the reporter as actor.
  for (const name of REPORTER_ACTIONS) {
    app.post(
      `/api/v1/follow-up/:token/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
      {
        bodyLimit: 64 * 1024,
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: `The reporter, through the follow-up link: ${name}`,
          params: Token,
          body: ACTION_SCHEMAS[name],
          response: { 200: ReporterViewSchema, 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 409: ProblemSchema, 410: ProblemSchema },
        },
      },
      async (request) => {
        const action = { name, input: request.body } as Action;
        const { complaint } = await takeReporterAction(deps, request.params.token, action);
        const { settings } = await loadOrganisation(deps.db.kysely);
        return presentForReporter(complaint, settings, await listLetters(deps.db.kysely, complaint.id, { reporterOnly: true }));
      },
    );
  }
};
