/**
 * The screenshot of the annual analysis in the README (docs/screenshots/analysis-nl.png), from the real app in
 * Debian's Chromium on the crafted data set, at a fixed clock:
 *
 *   npx tsx test/analysis/screenshot.ts [output directory]
 *
 * Not part of the test run. The page is long; the picture shows its first 2400 CSS pixels (the chooser, the
 * downloads, the key figures and the first tables with their charts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DESKTOP, launchBrowser } from '../e2e/helpers/browser.ts';
import { startServer } from '../e2e/helpers/server.ts';
import { signInBrowser } from '../e2e/helpers/staff.ts';
import { DATASET_SETTINGS, insertDataset, REPORT_NOW } from './dataset.ts';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });
const [server, browser] = await Promise.all([
  startServer('sqlite', {
    settings: (settings) => {
      settings.teams = DATASET_SETTINGS.teams;
    },
  }),
  launchBrowser(),
]);
try {
  await insertDataset(server.t.db.kysely);
  server.setNow(REPORT_NOW.toISOString());
  const page = await browser.newPage(DESKTOP);
  await signInBrowser(page, server, 'qm');
  await page.goto(server.url('/staff/analysis/2025'));
  const file = path.join(outDir, 'analysis-nl.png');
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width: DESKTOP.width, height: 2400 },
    animations: 'disabled',
    caret: 'hide',
  });
  process.stdout.write(`${file}\n`);
} finally {
  await browser.close();
  await server.close();
}
