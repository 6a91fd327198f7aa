/**
 * Render time of one letter PDF (src/letters/pdf.tsx renderLetterPdf) with the built-in sample letters, in
 * this process: median and p95 after warm-up, wall and CPU. Also the whole composition (template + PDF).
 *
 *   node --import tsx bench/pdf-child.ts <runs>   → one JSON line
 */
process.env.NODE_ENV ??= 'production';
const { DEFAULT_SETTINGS } = await import('../src/domain/settings.ts');
const { composeWithTemplate, prepareLetter } = await import('../src/letters/compose.ts');
const { renderLetterPdf } = await import('../src/letters/pdf.tsx');
const { sampleLetter } = await import('../src/letters/sample.ts');
const { defaultTemplate } = await import('../src/letters/template-store.ts');

const runs = Number(process.argv[2] ?? 50);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const result: Record<string, unknown> = { runs, nodeEnv: process.env.NODE_ENV };
for (const kind of ['acknowledgement', 'final_report'] as const) {
  const { complaint, request, now } = sampleLetter(kind, DEFAULT_SETTINGS);
  const template = defaultTemplate(kind, 'nl');
  const { document } = prepareLetter(template, request, complaint, DEFAULT_SETTINGS, now);
  const time = async (fn: () => Promise<unknown>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await fn();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
  };
  const first = await time(() => renderLetterPdf(document));
  for (let i = 0; i < 10; i++) await renderLetterPdf(document);
  const pdf: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) pdf.push(await time(() => renderLetterPdf(document)));
  const composed: number[] = [];
  for (let i = 0; i < Math.ceil(runs / 2); i++) {
    composed.push(
      (await time(() => composeWithTemplate(template, request, complaint, DEFAULT_SETTINGS, now))).wall,
    );
  }
  const bytes = (await renderLetterPdf(document)).length;
  result[kind] = {
    firstMs: Math.round(first.wall),
    medianMs:
      Math.round(
        percentile(
          pdf.map((r) => r.wall),
          50,
        ) * 10,
      ) / 10,
    p95Ms:
      Math.round(
        percentile(
          pdf.map((r) => r.wall),
          95,
        ) * 10,
      ) / 10,
    medianCpuMs:
      Math.round(
        percentile(
          pdf.map((r) => r.cpu),
          50,
        ) * 10,
      ) / 10,
    composeMedianMs: Math.round(percentile(composed, 50) * 10) / 10,
    bytes,
  };
}
process.stdout.write(`${JSON.stringify(result)}\n`);
