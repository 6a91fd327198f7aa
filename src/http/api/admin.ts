/**
 * Administration over the API: the organisation settings (versioned; changing the calendar or the terms
 * recomputes open deadlines). The browser pages of the staff workspace build on the same commands.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { updateSettings } from '../../commands/update-settings.ts';
import { OrganisationSettingsSchema } from '../../domain/settings-schema.ts';
import { listSettingsVersions, loadCurrentSettings } from '../../db/repositories/settings.ts';
import type { AppDeps } from '../app.ts';
import { requireRole, staffOf } from '../auth.ts';
import { ProblemSchema } from './problem-schema.ts';

const Errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema };
const Version = Type.Object({
  version: Type.Integer(),
  changedBy: Type.Union([Type.String(), Type.Null()]),
  changedAt: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
});

export const adminRoutes = (deps: AppDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get(
    '/api/v1/staff/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'The organisation settings in force',
        response: { 200: Type.Object({ version: Type.Integer(), settings: OrganisationSettingsSchema }), ...Errors },
      },
    },
    async (request) => {
      staffOf(request);
      const current = await loadCurrentSettings(deps.db.kysely);
      return { version: current!.version, settings: current!.data };
    },
  );

  app.put(
    '/api/v1/staff/settings',
    {
      schema: {
        tags: ['admin'],
        summary: 'Replace the organisation settings (administrators); open deadlines follow a changed calendar',
        body: Type.Object({ settings: OrganisationSettingsSchema, note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ version: Type.Integer(), recomputed: Type.Array(Type.String()) }), ...Errors },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      requireRole(actor, 'administrator');
      return updateSettings(deps, request.body.settings, actor, request.body.note ?? null);
    },
  );

  app.get(
    '/api/v1/staff/settings/versions',
    {
      schema: { tags: ['admin'], summary: 'Who changed the settings, when, and why', response: { 200: Type.Array(Version), ...Errors } },
    },
    async (request) => {
      requireRole(staffOf(request), 'administrator');
      const versions = await listSettingsVersions(deps.db.kysely);
      return versions.map(({ version, changedBy, changedAt, note }) => ({ version, changedBy, changedAt, note }));
    },
  );
};
