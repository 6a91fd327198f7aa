/**
 * Every route the app serves, collected as it is registered: what the tests check the CSRF protection and the
 * authorisation matrix against, so that a page added later without either fails a test instead of slipping by.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';

export interface RouteSummary {
  method: string;
  url: string;
  /** Whether the route runs the CSRF check (`preHandler: app.csrfProtection`). */
  csrf: boolean;
  /** The staff pages' access rule (`config.staffAccess`), for staff routes. */
  staffAccess: unknown;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteSummary[];
  }
}

/** Call before any route is registered. HEAD routes that Fastify adds for each GET are left out. */
export function collectRoutes(app: FastifyInstance): void {
  const routes: RouteSummary[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const handlers = [route.preHandler].flat().filter(Boolean);
    // @fastify/csrf-protection's hook is a function named csrfProtection.
    const csrf = handlers.some((h) => (h as { name?: string }).name === 'csrfProtection');
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, csrf, staffAccess: route.config?.staffAccess });
    }
  });
}
