/**
 * The pages: the improvement form, the confirmation and the reporter's follow-up page, server-rendered and
 * working without JavaScript, and the staff workspace under /staff (src/http/staff/). Everything they need (cookies, CSRF, security headers, compression, form
 * parsers) is registered inside this plugin, so the JSON API is untouched by it.
 */
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../app.ts';
import { STAFF_PREFIX, staffPlugin } from '../staff/plugin.ts';
import { assetRoutes } from './assets.ts';
import { pagesCss } from './css/bundle.ts';
import { pageErrorHandler } from './errors.ts';
import { multipartLimits } from './form-data.ts';
import { confirmationRoutes } from './routes/confirmation.ts';
import { followUpRoutes } from './routes/follow-up.ts';
import { formRoutes } from './routes/form.ts';
import { privacyRoutes } from './routes/privacy.ts';
import { registerSecurity } from './security.ts';

export { serializeRequest, withRedactedUrls } from './log-redaction.ts';

export const pagesPlugin =
  (deps: AppDeps) =>
  async (app: FastifyInstance): Promise<void> => {
    pagesCss(); // built now, so a broken bundle stops the start rather than the first visitor
    await registerSecurity(app, { publicUrl: deps.config.publicUrl });
    await app.register(compress, {
      global: true,
      globalDecompression: false,
      encodings: ['br', 'gzip'],
      threshold: 1024,
    });
    await app.register(formbody, { bodyLimit: 256 * 1024 });
    await app.register(multipart, { limits: multipartLimits(deps.config), throwFileSizeLimit: false });
    app.setErrorHandler(pageErrorHandler(deps));
    await app.register(assetRoutes(deps));
    await app.register(async (routes) => {
      await formRoutes(routes, deps);
      await confirmationRoutes(routes, deps);
      await followUpRoutes(routes, deps);
      await privacyRoutes(routes, deps);
    });
    await app.register(staffPlugin(deps), { prefix: STAFF_PREFIX });
  };
