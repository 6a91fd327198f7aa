/**
 * The screenshots in docs/screenshots/ (shown in the README), from the real app in Debian's Chromium:
 *
 *   npx tsx test/e2e/screenshots.ts [output directory]
 *
 * Not part of the test run. Full-page PNGs of the form (Dutch, English, 320 px), the form with errors, the
 * confirmation page and the follow-up page, at a fixed clock so the dates in them do not change.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, launchBrowser, MOBILE_320, type PageOptions } from './helpers/browser.ts';
import { fillComplaintForm, followUpLink, send } from './helpers/form.ts';
import { startServer } from './helpers/server.ts';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(outDir, { recursive: true });

// The links in the pictures show the public address, not the test server's port; the browser follows them
// to the test server by path.
const PUBLIC_URL = 'https://klachten.example.nl';
const [server, browser] = await Promise.all([
  startServer('sqlite', { env: { PUBLIC_URL } }),
  launchBrowser(),
]);
server.setNow('2026-04-30T09:00:00+02:00');

const written: string[] = [];
async function shoot(page: Page, name: string) {
  const file = path.join(outDir, name);
  // No caret blinking into the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  written.push(file);
}
async function open(url: string, options: PageOptions = DESKTOP) {
  const page = await browser.newPage(options);
  await page.goto(server.url(url));
  return page;
}

try {
  await shoot(await open('/'), 'form-nl.png');
  await shoot(await open('/?lang=en'), 'form-en.png');
  await shoot(await open('/', MOBILE_320), 'form-mobile-320.png');

  const page = await open('/');
  await fillComplaintForm(page, {
    description: '',
    desiredOutcome: 'Een vaste afspraakdag.',
    name: 'Mila de Boer',
    email: 'mila@',
  });
  await send(page);
  await shoot(page, 'form-errors-nl.png');

  await fillComplaintForm(page, {
    description: 'Mijn jobcoach kwam op 28 april niet opdagen en belde pas een week later terug.',
    eventDate: '2026-04-28',
    eventPlace: 'Kantoor Utrecht',
    involved: ['Jeroen Bakker'],
    desiredOutcome: 'Een vaste afspraakdag.',
    contactChoice: 'contact',
    name: 'Mila de Boer',
    email: 'mila@example.nl',
    role: 'candidate',
    commissioningPartyType: 'UWV',
    commissioningPartyName: 'UWV Utrecht',
    consentToContact: true,
  });
  await send(page);
  await shoot(page, 'confirmation-nl.png');

  const href = (await followUpLink(page).getAttribute('href'))!;
  await page.goto(server.url(new URL(href, PUBLIC_URL).pathname));
  await shoot(page, 'follow-up-nl.png');
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
} finally {
  await browser.close();
  await server.close();
}
