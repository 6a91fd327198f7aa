/**
 * The load generator, in its own process so that it never shares an event loop with the server it measures:
 * autocannon with the given connections for a warm-up and then the measured period. Every response's status
 * and latency (ms, fractional) is recorded, so throughput counts only the expected status and the percentiles
 * are exact (autocannon's own histogram rounds to whole milliseconds). Prints one JSON line (LoadResult).
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationS: number;
  warmupS: number;
  /** The status that counts as a success (201 for intake, 200 for pages and lists). */
  expectStatus: number;
}

export interface LoadResult {
  durationS: number;
  /** Responses with the expected status per second. */
  rps: number;
  ok: number;
  /** Responses by status code, all of them. */
  statuses: Record<string, number>;
  /** Anything but the expected status, and transport errors/timeouts. */
  unexpected: number;
  errors: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number; mean: number };
  /** Bytes received per response on average (headers and body, as sent over the wire). */
  bytesPerResponse: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function run(spec: LoadSpec, durationS: number, record: boolean) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  let responses = 0;
  const instance = autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    connections: spec.connections,
    duration: durationS,
  });
  if (record) {
    instance.on('response', (_client, statusCode: number, resBytes: number, responseTime: number) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode === spec.expectStatus) latencies.push(responseTime);
      bytes += resBytes;
      responses++;
    });
  }
  const result = await instance;
  return { result, latencies, statuses, bytes, responses };
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
if (spec.warmupS > 0) await run(spec, spec.warmupS, false);
const { result, latencies, statuses, bytes, responses } = await run(spec, spec.durationS, true);
const sorted = Float64Array.from(latencies).sort();
const ok = statuses[spec.expectStatus] ?? 0;
const seconds = result.duration || spec.durationS;
const out: LoadResult = {
  durationS: round(seconds),
  rps: round(ok / seconds, 0),
  ok,
  statuses,
  unexpected: responses - ok + result.errors + result.timeouts,
  errors: result.errors + result.timeouts,
  latencyMs: {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN),
    mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1)),
  },
  bytesPerResponse: Math.round(bytes / (responses || 1)),
};
process.stdout.write(`${JSON.stringify(out)}\n`);
