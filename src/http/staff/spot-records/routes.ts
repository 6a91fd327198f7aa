/**
 * /staff/spot-records: complaints resolved on the spot, outside the procedure but logged for the annual
 * analysis. GET shows the form and the records of a period; POST logs one (303 back with ?done=recorded);
 * POST /:id/convert turns one into a complaint that keeps its moment of receipt and goes (303) to its case
 * page. Logging and converting are for users who may register; quality managers and administrators may look.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { convertSpotRecord, recordSpotRecord } from '../../../commands/spot-records.ts';
import { findComplaintsByIds } from '../../../db/repositories/dashboard.ts';
import { listLatestSpotRecords } from '../../../db/repositories/spot-records.ts';
import { listUsers } from '../../../db/repositories/users.ts';
import { amsterdamDateOf, startOfAmsterdamDay } from '../../../domain/calendar.ts';
import { DomainError, isDomainError } from '../../../domain/errors.ts';
import { mayRegister, maySeeAllCases } from '../../../domain/policy.ts';
import { registrationMessages } from '../../../i18n/staff/registration.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import type { FieldError } from '../../pages/validate.ts';
import { localDateTime } from '../registration/date-time.ts';
import { setRegistrationNotice } from '../registration/notice.ts';
import { notAllowedToRegister } from '../registration/routes.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { staffActorOf } from '../session.ts';
import { parsePeriod, type SpotValues, spotValues, validateSpotRecord } from './form.ts';
import { SpotRecordsPage } from './SpotRecordsPage.tsx';

/** At most this many records of a period on the page, the latest first. */
const SHOWN = 200;

type SpotRequest = FastifyRequest<{ Querystring: Record<string, unknown>; Params: { id?: string } }>;

export async function spotRecordRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const secure = deps.config.publicUrl.startsWith('https:');

  async function render(
    request: SpotRequest,
    reply: FastifyReply,
    status: number,
    form: { values: SpotValues; errors: FieldError[] } | null,
  ) {
    const actor = staffActorOf(request);
    if (!mayRegister(actor) && !maySeeAllCases(actor)) {
      throw new DomainError('forbidden', {
        en: 'You may not see these records.',
        nl: 'U mag deze registraties niet inzien.',
      });
    }
    const ctx = await staffPageContext(deps, request, reply);
    const s = registrationMessages[ctx.locale].spot;
    const query = request.method === 'GET' ? request.query : {};
    const period = parsePeriod(query, amsterdamDateOf(ctx.now.toISOString()), s);
    let records = null;
    let truncatedAt = null;
    if (period.errors.length === 0) {
      const to = new Date(`${period.to}T12:00:00Z`);
      to.setUTCDate(to.getUTCDate() + 1);
      const found = await listLatestSpotRecords(
        deps.db.kysely,
        { from: startOfAmsterdamDay(period.from), to: startOfAmsterdamDay(to.toISOString().slice(0, 10)) },
        SHOWN + 1,
      );
      const names = new Map((await listUsers(deps.db.kysely)).map((u) => [u.id, u.name]));
      const shown = found.slice(0, SHOWN);
      const converted = new Map(
        (
          await findComplaintsByIds(
            deps.db.kysely,
            shown.flatMap((r) => r.convertedComplaintId ?? []),
          )
        ).map((c) => [c.id, c.reference]),
      );
      records = shown.map((record) => ({
        ...record,
        recordedByName: record.recordedBy ? (names.get(record.recordedBy) ?? null) : null,
        complaintReference: record.convertedComplaintId
          ? (converted.get(record.convertedComplaintId) ?? null)
          : null,
      }));
      truncatedAt = found.length > SHOWN ? SHOWN : null;
    }
    const mayLog = mayRegister(actor);
    const defaults = {
      values: spotValues({ receivedAt: localDateTime(ctx.now), channel: 'in_person' }),
      errors: [],
    };
    return sendPage(
      reply,
      status === 200 && period.errors.length > 0 ? 400 : status,
      createElement(SpotRecordsPage, {
        ctx,
        s,
        form: mayLog ? (form ?? defaults) : null,
        period,
        records,
        truncatedAt,
        done: request.method === 'GET' && request.query.done === 'recorded',
      }),
    );
  }

  app.get('/spot-records', { schema: { hide: true } }, async (request: SpotRequest, reply) =>
    render(request, reply, 200, null),
  );

  const withForm = {
    schema: { hide: true },
    preValidation: formReader(deps.config),
    preHandler: app.csrfProtection,
  };

  app.post('/spot-records', withForm, async (request: SpotRequest, reply) => {
    const actor = staffActorOf(request);
    if (!mayRegister(actor)) throw notAllowedToRegister();
    const values = spotValues(postedForm(request).fields);
    const ctx = await staffPageContext(deps, request, reply);
    const s = registrationMessages[ctx.locale].spot;
    const { errors, input } = validateSpotRecord(values, ctx.organisation.settings, ctx.locale, s);
    if (!input) return render(request, reply, 400, { values, errors });
    try {
      await recordSpotRecord(deps, input, actor);
    } catch (error) {
      // The moment of receipt in the future, a category removed meanwhile: at the field.
      if (isDomainError(error) && error.code === 'invalid_input' && error.field) {
        const message = ctx.locale === 'nl' ? error.messageNl : error.message;
        return render(request, reply, 400, { values, errors: [{ field: error.field, message }] });
      }
      throw error;
    }
    return reply.redirect('/staff/spot-records?done=recorded', 303);
  });

  app.post('/spot-records/:id/convert', withForm, async (request: SpotRequest, reply) => {
    const actor = staffActorOf(request);
    if (!mayRegister(actor)) throw notAllowedToRegister();
    const registered = await convertSpotRecord(deps, String(request.params.id ?? ''), {}, actor);
    setRegistrationNotice(reply, registered, 'converted', secure);
    return reply.redirect(`/staff/complaints/${registered.complaint.reference}?done=converted`, 303);
  });
}
