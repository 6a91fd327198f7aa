/**
 * The pages' static files, from memory: the stylesheet (built at start), the organisation's theme (its
 * colour as a custom property, so no inline style is needed) and the enhancement script. Precompressed,
 * chosen by Accept-Encoding, with an ETag and a year-long immutable cache (the path carries the hash).
 */

import { readFileSync } from 'node:fs';
import type {} from '@fastify/compress';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { loadOrganisation } from '../../commands/context.ts';
import { DEFAULT_SETTINGS, type OrganisationSettings } from '../../domain/settings.ts';
import type { AppDeps } from '../app.ts';
import type { PageAssets } from './context.ts';
import { pagesCss, staffCss } from './css/bundle.ts';
import { asset, type StaticAsset } from './static-asset.ts';

const script = asset(
  'enhance',
  'js',
  readFileSync(new URL('./assets/enhance.js', import.meta.url), 'utf8'),
  'text/javascript; charset=utf-8',
);

/** Only a plain hex colour reaches the stylesheet; anything else falls back to the default. */
const safeColour = (colour: string): string =>
  /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour) ? colour : DEFAULT_SETTINGS.branding.primaryColor;

const themes = new Map<string, StaticAsset>();

export function themeAsset(settings: Pick<OrganisationSettings, 'branding'>): StaticAsset {
  const colour = safeColour(settings.branding.primaryColor).toLowerCase();
  let theme = themes.get(colour);
  if (!theme) {
    theme = asset('theme', 'css', `.utrecht-theme{--vp-primary:${colour}}`, 'text/css; charset=utf-8');
    themes.set(colour, theme);
    themes.set(theme.path, theme);
  }
  return theme;
}

export function assetPaths(settings: Pick<OrganisationSettings, 'branding'>): PageAssets {
  return { css: pagesCss().path, theme: themeAsset(settings).path, script: script.path };
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, file: StaticAsset, immutable: boolean) {
  reply
    .header('content-type', file.contentType)
    .header('etag', file.etag)
    .header('vary', 'accept-encoding')
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  if (request.headers['if-none-match'] === file.etag) return reply.status(304).send();
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(file.brotli);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}

export const assetRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const css = pagesCss();
    const staff = staffCss();
    app.get<{ Params: { name: string } }>(
      '/assets/:name',
      { compress: false, schema: { hide: true } },
      async (request, reply) => {
        const path = `/assets/${request.params.name}`;
        if (path === css.path) return sendAsset(request, reply, css, true);
        if (path === staff.path) return sendAsset(request, reply, staff, true);
        if (path === script.path) return sendAsset(request, reply, script, true);
        const theme = themes.get(path);
        if (theme) return sendAsset(request, reply, theme, true);
        // A theme from before a restart or a change of colour: today's theme, briefly cached.
        if (request.params.name.startsWith('theme.')) {
          const { settings } = await loadOrganisation(deps.db.kysely);
          return sendAsset(request, reply, themeAsset(settings), false);
        }
        return reply.callNotFound();
      },
    );
  };
