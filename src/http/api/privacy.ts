/**
 * Privacy over the staff API: the legal hold of a case (quality managers and administrators). While a hold is
 * in force, retention does not anonymise the case and a data subject's erasure is refused.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeLegalHold, type LegalHoldState, legalHoldState } from '../../commands/legal-hold.ts';
import type { LegalHold } from '../../db/repositories/privacy.ts';
import type { AppDeps } from '../app.ts';
import { staffOf } from '../auth.ts';
import { ProblemSchema } from './problem-schema.ts';

const Reference = Type.Object({ reference: Type.String({ pattern: '^VP-\\d{4}-\\d{5,}$', maxLength: 20 }) });
const Errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);

const HoldSchema = Type.Object({
  setAt: Type.String(),
  setBy: Type.String(),
  reason: Type.String(),
  liftedAt: Nullable(Type.String()),
  liftedBy: Nullable(Type.String()),
  liftReason: Nullable(Type.String()),
});

const LegalHoldStateSchema = Type.Object({
  reference: Type.String(),
  legalHold: Type.Boolean({ description: 'A hold is in force: retention and erasure leave the case alone.' }),
  holds: Type.Array(HoldSchema, { description: 'Every hold of the case, newest first.' }),
});

const present = (hold: LegalHold) => ({
  setAt: hold.setAt,
  setBy: hold.setByLabel,
  reason: hold.reason,
  liftedAt: hold.liftedAt,
  liftedBy: hold.liftedByLabel,
  liftReason: hold.liftReason,
});

const presentState = (state: LegalHoldState) => ({
  reference: state.reference,
  legalHold: state.active !== null,
  holds: state.holds.map(present),
});

export const privacyRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/staff/complaints/:reference/legal-hold',
      {
        schema: {
          tags: ['privacy'],
          summary: "A case's legal hold and its history (quality managers and administrators)",
          params: Reference,
          response: { 200: LegalHoldStateSchema, ...Errors },
        },
      },
      async (request) => presentState(await legalHoldState(deps, request.params.reference, staffOf(request))),
    );

    app.post(
      '/api/v1/staff/complaints/:reference/legal-hold',
      {
        schema: {
          tags: ['privacy'],
          summary:
            'Set (hold: true) or lift (hold: false) a legal hold, with the reason (quality managers and administrators)',
          params: Reference,
          body: Type.Object(
            { hold: Type.Boolean(), reason: Type.String({ minLength: 1, maxLength: 2000, pattern: '\\S' }) },
            { additionalProperties: false },
          ),
          response: { 200: LegalHoldStateSchema, ...Errors },
        },
      },
      async (request) => {
        const state = await changeLegalHold(deps, request.params.reference, staffOf(request), request.body, {
          ip: request.ip ?? null,
        });
        return presentState(state);
      },
    );
  };
