/**
 * Writes a sample PDF of every letter (Dutch, the default templates) to docs/letters/<kind>.pdf, made from
 * the built-in sample complaint (src/letters/sample.ts: people of the demo cast, driven through the lifecycle
 * by the domain), and measures how long one letter takes to render.
 *
 *   npx tsx scripts/sample-letters.ts              # samples + timing (median of 20 after warm-up)
 *   npx tsx scripts/sample-letters.ts --no-bench   # samples only
 *
 * The samples are deterministic (the PDF's dates come from the letter's date), so re-running the script
 * changes the files only when a template, the layout or the sample changes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// React (under react-pdf) picks its production build when first loaded; the development build is much slower.
process.env.NODE_ENV ??= 'production';

const { LETTER_KINDS } = await import('../src/domain/letters.ts');
const { DEFAULT_SETTINGS } = await import('../src/domain/settings.ts');
const { composeWithTemplate } = await import('../src/letters/compose.ts');
const { sampleLetter } = await import('../src/letters/sample.ts');
const { defaultTemplate } = await import('../src/letters/template-store.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs', 'letters');
mkdirSync(outDir, { recursive: true });

for (const kind of LETTER_KINDS) {
  const { complaint, request, now } = sampleLetter(kind, DEFAULT_SETTINGS);
  const letter = await composeWithTemplate(
    defaultTemplate(kind, 'nl'),
    request,
    complaint,
    DEFAULT_SETTINGS,
    now,
  );
  const file = path.join(outDir, `${kind}.pdf`);
  writeFileSync(file, letter.pdf);
  console.log(`${path.relative(root, file)}  ${(letter.pdf.length / 1024).toFixed(1)} KB  ${letter.subject}`);
}

if (!process.argv.includes('--no-bench')) {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  console.log(
    `\nRender time per letter (NODE_ENV=${process.env.NODE_ENV}), median of 20 after 5 warm-up renders:`,
  );
  for (const kind of ['acknowledgement', 'findings'] as const) {
    const { complaint, request, now } = sampleLetter(kind, DEFAULT_SETTINGS);
    const template = defaultTemplate(kind, 'nl');
    // Wall time, and the CPU time of this process (which a busy machine inflates much less).
    const once = async () => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      await composeWithTemplate(template, request, complaint, DEFAULT_SETTINGS, now);
      const used = process.cpuUsage(cpu);
      return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
    };
    for (let i = 0; i < 5; i++) await once();
    const runs: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 20; i++) runs.push(await once());
    const wall = runs.map((r) => r.wall);
    console.log(
      `  ${kind.padEnd(16)} median ${median(wall).toFixed(1)} ms wall (min ${Math.min(...wall).toFixed(1)}, max ${Math.max(...wall).toFixed(1)}), ` +
        `median ${median(runs.map((r) => r.cpu)).toFixed(1)} ms CPU`,
    );
  }
}
