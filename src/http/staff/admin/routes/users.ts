/**
 * Users: GET /users (the list), GET /users/new and POST /users (create), GET /users/<id> (the user's page),
 * POST /users/<id> (change the details), POST /users/<id>/{deactivate,reactivate,unlock,reset-second-factor}.
 * A successful post redirects (303) with `?done=`; invalid input shows the form again with 400 and every
 * message at its field; the last active administrator is kept with 409.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { sendPasswordLinkByAdmin } from '../../../../commands/admin-password-links.ts';
import { resetSecondFactorByAdmin, unlockUserByAdmin } from '../../../../commands/admin-user-security.ts';
import {
  createUserByAdmin,
  setUserActiveByAdmin,
  type UserInput,
  UserInputSchema,
  updateUserByAdmin,
} from '../../../../commands/admin-users.ts';
import { findUserOverview, listUserOverviews } from '../../../../db/repositories/admin.ts';
import { listApiTokens } from '../../../../db/repositories/api-tokens.ts';
import { ROLES } from '../../../../domain/action-context.ts';
import { DomainError } from '../../../../domain/errors.ts';
import type { AppDeps } from '../../../app.ts';
import { formReader, postedForm } from '../../../pages/form-data.ts';
import { type FieldError, orderErrors, schemaProblems } from '../../../pages/validate.ts';
import { sendPage } from '../../render.ts';
import { checkedValues } from '../components/CheckboxGroup.tsx';
import { type AdminPageContext, adminRequest, doneMessage } from '../context.ts';
import { fieldRefusal, messageOf } from '../form-errors.ts';
import { NewUserPage } from '../views/NewUserPage.tsx';
import { USER_FIELD_ORDER, type UserFormValues } from '../views/UserFields.tsx';
import { UserPage, type UserPageProps } from '../views/UserPage.tsx';
import { UsersPage } from '../views/UsersPage.tsx';

type UserRequest = FastifyRequest<{ Params: { id: string }; Querystring: { done?: string } }>;

const userNotFound = () =>
  new DomainError('not_found', { en: 'There is no such user.', nl: 'Deze gebruiker bestaat niet.' });

/** What was typed, as the form shows it again. */
function typedUser(fields: Record<string, string>): UserFormValues {
  return {
    name: fields.name ?? '',
    email: fields.email ?? '',
    jobTitle: fields.jobTitle ?? '',
    roles: checkedValues(fields, 'roles', ROLES),
    active: fields.active === 'yes',
  };
}

function toInput(values: UserFormValues): UserInput {
  return {
    name: values.name.trim(),
    email: values.email.trim().toLowerCase(),
    jobTitle: values.jobTitle.trim(),
    roles: values.roles as UserInput['roles'],
    active: values.active,
  };
}

/** The schema's verdict on the form, with the page's message per field. */
function userErrors(ctx: AdminPageContext, input: UserInput): FieldError[] {
  const messages = ctx.a.userForm.errors;
  const errors = schemaProblems(UserInputSchema, input, ctx.locale).map(({ path }) => {
    const field = path.split('.')[0] ?? 'name';
    return { field, message: messages[field as keyof typeof messages] ?? messages.name };
  });
  return orderErrors(errors, USER_FIELD_ORDER);
}

export async function adminUserRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const readForm = formReader(deps.config);
  const form = { schema: { hide: true }, preValidation: readForm, preHandler: app.csrfProtection };
  const db = deps.db.kysely;

  async function renderUser(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    id: string,
    props: Partial<Omit<UserPageProps, 'ctx' | 'user' | 'tokens'>> = {},
  ) {
    const { ctx } = await adminRequest(deps, request, reply);
    const user = await findUserOverview(db, id);
    if (!user) throw userNotFound();
    const tokens = await listApiTokens(db, id);
    const values = props.values ?? {
      name: user.name,
      email: user.email,
      jobTitle: user.jobTitle,
      roles: user.roles,
      active: user.active,
    };
    return sendPage(
      reply,
      status,
      createElement(UserPage, {
        ctx,
        user,
        tokens,
        errors: [],
        ...props,
        values,
      }),
    );
  }

  app.get<{ Querystring: { done?: string } }>(
    '/users',
    { schema: { hide: true } },
    async (request, reply) => {
      const { ctx } = await adminRequest(deps, request, reply);
      return sendPage(reply, 200, createElement(UsersPage, { ctx, users: await listUserOverviews(db) }));
    },
  );

  app.get('/users/new', { schema: { hide: true } }, async (request, reply) => {
    const { ctx } = await adminRequest(deps, request, reply);
    const values = { name: '', email: '', jobTitle: '', roles: ['receiver'], active: true };
    return sendPage(reply, 200, createElement(NewUserPage, { ctx, values, errors: [] }));
  });

  app.post('/users', form, async (request, reply) => {
    const { ctx, actor, meta } = await adminRequest(deps, request, reply);
    const values = typedUser(postedForm(request).fields);
    const input = toInput(values);
    let errors = userErrors(ctx, input);
    if (errors.length === 0) {
      try {
        const created = await createUserByAdmin(deps, actor, input, meta);
        return reply.redirect(`/staff/admin/users/${created.id}?done=created`, 303);
      } catch (error) {
        const refusal = fieldRefusal(error);
        if (!refusal) throw error;
        errors = [{ field: refusal.field!, message: messageOf(refusal, ctx.locale) }];
      }
    }
    return sendPage(reply, 400, createElement(NewUserPage, { ctx, values, errors }));
  });

  app.get('/users/:id', { schema: { hide: true } }, async (request: UserRequest, reply) => {
    const { ctx } = await adminRequest(deps, request, reply);
    return renderUser(request, reply, 200, request.params.id, {
      done: doneMessage(ctx.a.user.done, request.query.done),
    });
  });

  app.post('/users/:id', form, async (request: UserRequest, reply) => {
    const { ctx, actor, meta } = await adminRequest(deps, request, reply);
    const { id } = request.params;
    const values = typedUser(postedForm(request).fields);
    const input = toInput(values);
    const errors = userErrors(ctx, input);
    if (errors.length > 0) return renderUser(request, reply, 400, id, { values, errors });
    try {
      const { changed } = await updateUserByAdmin(deps, actor, id, input, meta);
      return reply.redirect(`/staff/admin/users/${id}?done=${changed.length ? 'saved' : 'unchanged'}`, 303);
    } catch (error) {
      const refusal = fieldRefusal(error);
      if (!refusal) throw error;
      const message = messageOf(refusal, ctx.locale);
      const status = refusal.code === 'guard_failed' ? 409 : 400;
      return renderUser(request, reply, status, id, {
        values,
        errors: [{ field: refusal.field!, message }],
      });
    }
  });

  const actions = {
    deactivate: (actor, id, meta) => setUserActiveByAdmin(deps, actor, id, false, meta),
    reactivate: (actor, id, meta) => setUserActiveByAdmin(deps, actor, id, true, meta),
    unlock: (actor, id, meta) => unlockUserByAdmin(deps, actor, id, meta),
    'reset-second-factor': (actor, id, meta) => resetSecondFactorByAdmin(deps, actor, id, meta),
    'send-invitation': (actor, id, meta) => sendPasswordLinkByAdmin(deps, actor, id, 'invite', meta),
    'send-reset': (actor, id, meta) => sendPasswordLinkByAdmin(deps, actor, id, 'reset', meta),
  } satisfies Record<
    string,
    (
      actor: Parameters<typeof unlockUserByAdmin>[1],
      id: string,
      meta: Parameters<typeof unlockUserByAdmin>[3],
    ) => Promise<unknown>
  >;
  const doneKeys = {
    deactivate: 'deactivated',
    reactivate: 'reactivated',
    unlock: 'unlocked',
    'reset-second-factor': 'secondFactorReset',
    'send-invitation': 'invited',
    'send-reset': 'resetSent',
  } as const;

  for (const [slug, run] of Object.entries(actions)) {
    app.post(`/users/:id/${slug}`, form, async (request: UserRequest, reply) => {
      const { ctx, actor, meta } = await adminRequest(deps, request, reply);
      const { id } = request.params;
      try {
        await run(actor, id, meta);
      } catch (error) {
        const refusal = fieldRefusal(error);
        if (!refusal) throw error;
        return renderUser(request, reply, 409, id, { formMessage: messageOf(refusal, ctx.locale) });
      }
      return reply.redirect(`/staff/admin/users/${id}?done=${doneKeys[slug as keyof typeof doneKeys]}`, 303);
    });
  }
}
