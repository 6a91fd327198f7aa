/** Rendering a letter PDF: median after warm-up, target under 50 ms (bench/pdf-child.ts, in its own process). */
import { loadNow, machine } from './lib/machine.ts';
import { runScript } from './lib/processes.ts';
import type { BenchResult, Figure } from './lib/results.ts';

interface KindResult {
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  medianCpuMs: number;
  composeMedianMs: number;
  bytes: number;
}

export async function runPdf(options: { quick: boolean; log: (line: string) => void }): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const runs = options.quick ? 20 : 100;
  const load = loadNow();
  const result = await runScript<Record<string, KindResult | number | string>>('bench/pdf-child.ts', [
    String(runs),
  ]);
  const figures: Figure[] = [];
  for (const kind of ['acknowledgement', 'final_report']) {
    const r = result[kind] as KindResult;
    options.log(
      `  ${kind}: median ${r.medianMs} ms (CPU ${r.medianCpuMs} ms), p95 ${r.p95Ms} ms, first ${r.firstMs} ms, with template ${r.composeMedianMs} ms, ${r.bytes} B`,
    );
    figures.push({
      id: `pdf.${kind}`,
      what: `one ${kind.replace('_', ' ')} letter (Dutch, one page, DejaVu Sans embedded) rendered by renderLetterPdf`,
      value: r.medianMs,
      unit: 'ms (median)',
      latency: { p50: r.medianMs, p95: r.p95Ms, p99: r.p95Ms },
      ceiling: {
        what: 'MACHINE-NOTES: @react-pdf/renderer with an embedded TTF font',
        value: 30,
        unit: 'ms',
      },
      target: 'median < 50 ms after warm-up',
      met: r.medianMs < 50,
      load,
      extra: { ...r, runs },
    });
  }
  return {
    name: 'pdf',
    title: 'Rendering a letter PDF',
    machine: machine(),
    quick: options.quick,
    startedAt,
    finishedAt: new Date().toISOString(),
    setup: [
      `In a process of its own (NODE_ENV=production): the first render, then 10 warm-up renders, then ${runs} timed renders of the same letter; the composition with the template (text + PDF) is timed separately. The sample letters are those of scripts/sample-letters.ts (src/letters/sample.ts).`,
      'The ceiling is the figure MACHINE-NOTES.md gives for @react-pdf/renderer on this machine (not measured in the same run: there is no simpler PDF of the same letter to compare with).',
    ],
    figures,
    notes: [],
  };
}
