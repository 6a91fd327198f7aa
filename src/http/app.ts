/**
 * Builds the Fastify app without listening (tests use inject or port 0; main.ts listens). Validation is
 * strict: unknown fields and wrong types are refused, never silently dropped or coerced.
 */
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CommandDeps } from '../commands/context.ts';
import { publicRoutes } from './api/public.ts';
import { staffRoutes } from './api/staff.ts';
import { loggerOptions, registerRequestIdHeader, requestIdOf } from './logging.ts';
import { notFoundPage } from './pages/errors.ts';
import { pagesPlugin } from './pages/plugin.ts';
import { localeOf, problem, registerProblemHandlers } from './problems.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { collectRoutes } from './route-list.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { createValidatorCompiler } from './validation.ts';

export type AppDeps = CommandDeps;

export interface AppOptions {
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
}

export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines without personal data, each with the request id (src/http/logging.ts).
    logger: loggerOptions(options.logger ?? false),
    requestIdHeader: false,
    genReqId: requestIdOf,
    trustProxy: deps.config.trustProxy,
    ajv: {
      customOptions: {
        // Unknown fields are an error (not silently removed), and "12" is not a number.
        removeAdditional: false,
        coerceTypes: false,
        allErrors: true,
        useDefaults: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  collectRoutes(app);
  registerRequestIdHeader(app);
  registerSecurityHeaders(app, { publicUrl: deps.config.publicUrl });
  // Query strings are text by nature: only there are types coerced ("?limit=20", "?overdue=true").
  app.setValidatorCompiler(createValidatorCompiler());
  registerProblemHandlers(app, { pageNotFound: (request, reply) => notFoundPage(deps, request, reply) });

  await app.register(rateLimit, {
    global: false,
    // Several instances may share one PostgreSQL: count there, so a limit holds across them.
    ...(deps.db.dialect === 'postgres' ? { store: databaseRateLimitStore(deps.db) } : {}),
    errorResponseBuilder: (request, context) => ({
      ...problem(localeOf(request), 429, 'rate_limited'),
      statusCode: 429,
      retryAfterSeconds: Math.ceil(context.ttl / 1000),
    }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Verbeterpunt API',
        version: '1',
        description: 'Complaint handling after the klachtenreglement. Errors are RFC 9457 problem details.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(publicRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(pagesPlugin(deps));

  app.addHook('onSend', async (request, reply, payload) => {
    // The API's rate-limit answers are problem documents; the pages answer 429 with an HTML page of their own.
    const type = String(reply.getHeader('content-type'));
    if (reply.statusCode === 429 && !type.includes('problem') && !type.startsWith('text/html')) {
      reply.type('application/problem+json');
    }
    return payload;
  });
  return app;
}
