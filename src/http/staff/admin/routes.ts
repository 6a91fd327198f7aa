/**
 * The administrator pages under /staff/admin, in a plugin of their own so that the administrator check
 * (access.ts) applies to every one of them and to nothing else in the workspace.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.ts';
import { requireAdministrator } from './access.ts';
import { adminAuditRoutes } from './routes/audit.ts';
import { adminIndexRoutes } from './routes/index.ts';
import { adminLetterRoutes } from './routes/letters.ts';
import { adminSettingsRoutes } from './routes/settings.ts';
import { adminTokenRoutes } from './routes/tokens.ts';
import { adminUserRoutes } from './routes/users.ts';

const PARTS = [
  adminIndexRoutes,
  adminUserRoutes,
  adminTokenRoutes,
  adminSettingsRoutes,
  adminLetterRoutes,
  adminAuditRoutes,
];

export async function staffAdminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(
    async (admin) => {
      admin.addHook('onRequest', requireAdministrator);
      for (const routes of PARTS) await routes(admin, deps);
    },
    { prefix: '/admin' },
  );
}
