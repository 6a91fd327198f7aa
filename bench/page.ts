/**
 * The public form page (`GET /`): requests per second and bytes over the wire, with compression and the CSRF
 * token (a fresh token and cookie per request, as a visitor gets), beside a minimal server-rendered React page of
 * the same HTML size (bench/servers/bare.ts page), in the same run.
 */
import http from 'node:http';
import path from 'node:path';
import { APP_ENV } from './intake.ts';
import { create, DATA_DIR, datasetOf, drop } from './lib/datasets.ts';
import { loadNow, machine } from './lib/machine.ts';
import { INTAKE_SETTINGS, type Measured, measureOnce, summarise } from './lib/measure.ts';
import { type Server, startApp, startBare } from './lib/processes.ts';
import { type BenchResult, type Figure, round } from './lib/results.ts';

const BROWSER = { 'accept-encoding': 'br, gzip, deflate', 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.8' };

interface Wire {
  status: number;
  encoding: string | null;
  /** Status line and headers, as received. */
  headerBytes: number;
  /** The body as it travelled (compressed). */
  bodyBytes: number;
  body: Buffer;
}

/** One GET with a browser's headers, counting what crossed the wire (no decompression). */
function getRaw(url: string, headers: Record<string, string> = BROWSER): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        let head = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`;
        for (let i = 0; i < response.rawHeaders.length; i += 2) {
          head += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`;
        }
        head += '\r\n';
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          encoding: (response.headers['content-encoding'] as string | undefined) ?? null,
          headerBytes: Buffer.byteLength(head),
          bodyBytes: body.length,
          body,
        });
      });
    });
    request.on('error', reject);
  });
}

async function decoded(wire: Wire): Promise<string> {
  const zlib = await import('node:zlib');
  if (wire.encoding === 'br') return zlib.brotliDecompressSync(wire.body).toString('utf8');
  if (wire.encoding === 'gzip') return zlib.gunzipSync(wire.body).toString('utf8');
  return wire.body.toString('utf8');
}

export async function runPage(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const { log } = options;
  const settings = INTAKE_SETTINGS(options.quick);
  const dataset = datasetOf('sqlite', 'page');
  await create(dataset);
  let app: Server | undefined;
  let minimal: Server | undefined;
  const figures: Figure[] = [];
  try {
    app = await startApp({ ...APP_ENV, ...dataset.env }, path.join(DATA_DIR, 'app-page.log'));
    const page = await getRaw(`${app.url}/`);
    const html = await decoded(page);
    if (page.status !== 200 || !html.includes('name="_csrf"'))
      throw new Error('GET / gave no form with a CSRF token');
    // Everything the page loads: stylesheets, scripts, images (the form has no others).
    const assets = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"/g)]
      .map((m) => m[1] as string)
      .filter((href) => href.startsWith('/'));
    const loaded = await Promise.all(
      assets.map(async (href) => ({ href, wire: await getRaw(`${app?.url}${href}`) })),
    );
    const pageWire = page.headerBytes + page.bodyBytes;
    const totalWire = pageWire + loaded.reduce((sum, a) => sum + a.wire.headerBytes + a.wire.bodyBytes, 0);
    const htmlBytes = Buffer.byteLength(html);
    log(
      `  form page: ${htmlBytes} B of HTML, ${pageWire} B over the wire (${page.encoding}); with ${assets.join(', ')}: ${totalWire} B`,
    );

    minimal = await startBare('bare.ts', ['page', String(htmlBytes)]);
    const minimalWire = await getRaw(`${minimal.url}/`);
    const minimalHtml = Buffer.byteLength(await decoded(minimalWire));
    log(
      `  minimal React page: ${minimalHtml} B of HTML, ${minimalWire.headerBytes + minimalWire.bodyBytes} B over the wire (${minimalWire.encoding})`,
    );

    const spec = (url: string) => ({
      url: `${url}/`,
      headers: BROWSER,
      connections: 50,
      durationS: settings.durationS,
      warmupS: settings.warmupS,
      expectStatus: 200,
    });
    const runs: {
      app: Awaited<ReturnType<typeof measureOnce>>[];
      minimal: Awaited<ReturnType<typeof measureOnce>>[];
    } = { app: [], minimal: [] };
    for (let run = 1; run <= settings.runs; run++) {
      for (const [key, server] of [
        ['minimal', minimal],
        ['app', app],
      ] as const) {
        const result = await measureOnce(spec(server.url), server.pid);
        runs[key].push(result);
        log(
          `  run ${run} ${key}: ${result.rps} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.bytesPerResponse} B/response, cpu ${result.cpuMsPerRequest} ms/req, load ${result.load[0]}`,
        );
      }
    }
    const a: Measured = summarise(runs.app);
    const m: Measured = summarise(runs.minimal);
    const ratio = round(a.rps / m.rps, 3);
    figures.push(
      {
        id: 'page.form.rps',
        what: 'GET / (the improvement form, Dutch), compressed, a fresh CSRF token and cookie per request',
        value: a.rps,
        unit: 'req/s',
        latency: a.latency,
        ...(a.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: a.cpuMsPerRequest } : {}),
        ceiling: {
          what: `minimal React SSR page of the same HTML size (${minimalHtml} B), compressed the same way, same run`,
          value: m.rps,
          unit: 'req/s',
        },
        ratio,
        target: '≥ 80 % of the minimal page',
        met: a.unexpected === 0 && ratio >= 0.8,
        load: a.load,
        extra: { runs: a.runs, statuses: a.statuses, bytesPerResponse: a.bytesPerResponse },
      },
      {
        id: 'page.minimal.rps',
        what: 'minimal React SSR page of the same HTML size',
        value: m.rps,
        unit: 'req/s',
        latency: m.latency,
        ...(m.cpuMsPerRequest !== undefined ? { cpuMsPerRequest: m.cpuMsPerRequest } : {}),
        load: m.load,
        extra: { runs: m.runs, htmlBytes: minimalHtml },
      },
      {
        id: 'page.form.bytes',
        what: `GET / over the wire: headers and ${page.encoding}-compressed HTML (${htmlBytes} B uncompressed)`,
        value: round(pageWire / 1024, 1),
        unit: 'KB',
        target: '< 30 KB',
        met: pageWire < 30 * 1024,
        load: loadNow(),
        extra: { headerBytes: page.headerBytes, bodyBytes: page.bodyBytes, htmlBytes },
      },
      {
        id: 'page.form.bytes-total',
        what: `GET / with everything it loads (${assets.join(', ')}), over the wire, first visit`,
        value: round(totalWire / 1024, 1),
        unit: 'KB',
        target: '< 30 KB',
        met: totalWire < 30 * 1024,
        load: loadNow(),
        extra: {
          assets: loaded.map((x) => ({
            href: x.href,
            bytes: x.wire.headerBytes + x.wire.bodyBytes,
            encoding: x.wire.encoding,
          })),
        },
      },
    );
  } finally {
    await app?.stop();
    await minimal?.stop();
    await drop(dataset);
  }
  return {
    name: 'page',
    title: 'The public form page',
    machine: machine(),
    quick: options.quick,
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: [
      "Requests carry a browser's Accept-Encoding (br, gzip, deflate) and Accept-Language (nl); the app answers with brotli (@fastify/compress, quality 4 for pages) and sets a new CSRF cookie and token on every GET.",
      `50 connections, ${settings.runs} run(s) of ${settings.durationS} s after ${settings.warmupS} s of warm-up, round-robin between the two servers; the median run counts.`,
      ...APP_ENV_NOTE,
    ],
    figures,
    notes: [],
  };
}

const APP_ENV_NOTE = [
  'The app runs with the same configuration as in the intake benchmark (LOG_LEVEL=info to a file).',
];
