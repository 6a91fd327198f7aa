/**
 * GET/POST /staff/complaints/new: registering a complaint received by phone, letter, email or in person, with
 * the written complaint attached. Only for users who may register (policy.ts `mayRegister`); a quality manager
 * may name another receiver (`mayRegisterOnBehalf`, checked again by the command). Invalid input comes back
 * with 400 and every message at its field; success registers in one transaction and goes (303) to the case
 * page, which shows the follow-up link once (notice.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { registerComplaint } from '../../../commands/register-complaint.ts';
import { listUsers } from '../../../db/repositories/users.ts';
import { DomainError, isDomainError } from '../../../domain/errors.ts';
import { mayRegister, mayRegisterOnBehalf } from '../../../domain/policy.ts';
import { messagesFor } from '../../../i18n/pages/index.ts';
import { registrationMessages } from '../../../i18n/staff/registration.ts';
import type { AppDeps } from '../../app.ts';
import { formReader, postedForm } from '../../pages/form-data.ts';
import { attachmentRules, validateUploads } from '../../pages/uploads.ts';
import { type FieldError, orderErrors } from '../../pages/validate.ts';
import { sendPage, staffPageContext } from '../render.ts';
import { staffActorOf } from '../session.ts';
import { localDateTime } from './date-time.ts';
import {
  REGISTRATION_FIELDS,
  type RegistrationValues,
  registrationFieldOf,
  registrationValues,
  validateRegistration,
} from './form.ts';
import { setRegistrationNotice } from './notice.ts';
import { RegistrationPage } from './RegistrationPage.tsx';

/** The types the attachment store takes, as people know them (the public form's list, with Outlook's .msg). */
const ATTACHMENT_TYPES = {
  nl: 'PDF, JPG, PNG, HEIC, Word, e-mail (.eml of .msg) en tekst (.txt)',
  en: 'PDF, JPG, PNG, HEIC, Word, email (.eml or .msg) and text (.txt)',
};

export const notAllowedToRegister = () =>
  new DomainError('forbidden', {
    en: 'You may not register complaints.',
    nl: 'U mag geen klachten registreren.',
  });

export async function registrationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const secure = deps.config.publicUrl.startsWith('https:');

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: RegistrationValues,
    errors: FieldError[],
    filesChosen = false,
  ) {
    const ctx = await staffPageContext(deps, request, reply);
    const actor = staffActorOf(request);
    const r = registrationMessages[ctx.locale];
    const pages = messagesFor(ctx.locale);
    const rules = { ...attachmentRules(pages, deps.config), types: ATTACHMENT_TYPES[ctx.locale] };
    const receivers = mayRegisterOnBehalf(actor)
      ? (await listUsers(deps.db.kysely, { activeOnly: true }))
          .filter((u) => u.id !== actor.userId && mayRegister({ userId: u.id, name: u.name, roles: u.roles }))
          .map((u) => ({ id: u.id, name: u.name }))
      : null;
    return sendPage(
      reply,
      status,
      createElement(RegistrationPage, {
        ctx,
        r,
        values,
        errors,
        receivers,
        attachmentsHint: r.fields.attachments.hint(rules),
        chooseFilesAgain: filesChosen ? pages.form.errors.chooseFilesAgain : undefined,
      }),
    );
  }

  app.get('/complaints/new', { schema: { hide: true } }, async (request, reply) => {
    if (!mayRegister(staffActorOf(request))) throw notAllowedToRegister();
    const values = registrationValues({ receivedAt: localDateTime(deps.now()), language: 'nl' });
    return render(request, reply, 200, values, []);
  });

  app.post(
    '/complaints/new',
    { schema: { hide: true }, preValidation: formReader(deps.config), preHandler: app.csrfProtection },
    async (request, reply) => {
      const actor = staffActorOf(request);
      if (!mayRegister(actor)) throw notAllowedToRegister();
      const form = postedForm(request);
      const values = registrationValues(form.fields);
      const filesChosen = form.files.length > 0 || form.fileProblems.length > 0;
      const ctx = await staffPageContext(deps, request, reply);
      const r = registrationMessages[ctx.locale];
      const { errors, intake } = validateRegistration(values, ctx.organisation.settings, ctx.locale, r);
      const fileErrors = await validateUploads(
        form.files,
        form.fileProblems,
        messagesFor(ctx.locale),
        deps.config,
      );
      if (!intake || fileErrors.length > 0) {
        const status = form.fileProblems.length > 0 ? 413 : 400;
        return render(
          request,
          reply,
          status,
          values,
          orderErrors([...errors, ...fileErrors], REGISTRATION_FIELDS),
          filesChosen,
        );
      }
      try {
        const registered = await registerComplaint(deps, intake, actor, form.files, {
          receiverId: values.receiverId.trim() || undefined,
        });
        setRegistrationNotice(reply, registered, 'registered', secure);
        return reply.redirect(`/staff/complaints/${registered.complaint.reference}?done=registered`, 303);
      } catch (error) {
        // Rules only the domain knows (a moment of receipt in the future, the receiver, the attachment store).
        if (isDomainError(error) && error.code === 'invalid_input' && error.field) {
          const message = ctx.locale === 'nl' ? error.messageNl : error.message;
          const field = registrationFieldOf(error.field);
          return render(request, reply, 400, values, [{ field, message }], filesChosen);
        }
        throw error;
      }
    },
  );
}
