/**
 * A file the pages load (stylesheet, theme, script), held in memory and compressed once at the highest
 * level. Its path carries a hash of the content, so it can be cached for a year: a change is a new path.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface StaticAsset {
  /** e.g. /assets/pages.3f2a1b9c0d4e5f60.css */
  path: string;
  etag: string;
  contentType: string;
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

export function asset(name: string, extension: string, content: string, contentType: string): StaticAsset {
  const body = Buffer.from(content, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return {
    path: `/assets/${name}.${hash}.${extension}`,
    etag: `"${hash}"`,
    contentType,
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }),
  };
}
