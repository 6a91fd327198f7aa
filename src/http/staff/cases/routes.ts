/** The case page at /staff/complaints/<reference>, with every action's form below it. */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';
import { actionRoutes } from './action-routes.ts';
import { caseRoutes } from './case-routes.ts';

export async function casesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await caseRoutes(app, deps);
  await actionRoutes(app, deps);
}
