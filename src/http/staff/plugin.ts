/**
 * The staff workspace at /staff: server-rendered pages for everyone who handles complaints. Registered inside
 * the pages' plugin, so it shares their cookies, CSRF protection, security headers, compression and form
 * parsers; everything here needs a signed-in session unless a route says otherwise (see session.ts).
 *
 * Each area adds its routes function to STAFF_ROUTES (paths relative to /staff).
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.ts';
import { staffCss } from '../pages/css/bundle.ts';
import { analysisRoutes } from './analysis/routes.ts';
import { staffAdminRoutes } from './admin/routes.ts';
import { casesRoutes } from './cases/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { registrationRoutes } from './registration/routes.ts';
import { spotRecordRoutes } from './spot-records/routes.ts';
import { staffErrorHandler, staffMessage } from './errors.ts';
import { privacyAdminRoutes } from './privacy/routes.ts';
import { accountRoutes } from './routes/account.ts';
import { passwordResetRoutes } from './routes/password-reset.ts';
import { signInRoutes } from './routes/sign-in.ts';
import { singleSignOnRoutes } from './routes/single-sign-on.ts';
import { twoFactorRoutes } from './routes/two-factor.ts';
import { registerStaffSession, STAFF_PREFIX } from './session.ts';

type StaffRoutes = (app: FastifyInstance, deps: AppDeps) => Promise<void>;

export const STAFF_ROUTES: readonly StaffRoutes[] = [signInRoutes, twoFactorRoutes, passwordResetRoutes, singleSignOnRoutes, accountRoutes, staffAdminRoutes, casesRoutes, dashboardRoutes, registrationRoutes, spotRecordRoutes, privacyAdminRoutes, analysisRoutes];

export const staffPlugin =
  (deps: AppDeps) =>
  async (app: FastifyInstance): Promise<void> => {
    staffCss(); // built now, so a broken bundle stops the start rather than the first visitor
    registerStaffSession(app, deps);
    app.setErrorHandler(staffErrorHandler(deps));
    app.setNotFoundHandler({}, (request, reply) => staffMessage(deps, request, reply, 404, 'notFound'));
    for (const routes of STAFF_ROUTES) await routes(app, deps);
  };

export { STAFF_PREFIX };
