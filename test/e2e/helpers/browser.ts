/**
 * Debian's Chromium driven by playwright-core, launched once per test file (see ../shared/MACHINE-NOTES.md):
 * a persistent context in a temporary directory (a `--user-data-dir` in args is refused), with the launch
 * options that work on these machines.
 *
 * Every page gets a fresh context of its own from that browser (`browser.newContext`): cookies (CSRF) do
 * not leak between tests, and JavaScript, viewport, device scale and locale are per-context options that
 * cannot change on a live context. The persistent context itself only carries the browser.
 *
 * Zoom: browser zoom to 200 % on a 1280 × 900 screen leaves a layout viewport of 640 × 450 CSS pixels at a
 * device pixel ratio of 2 (media queries, `innerWidth` and `devicePixelRatio` all see that). ZOOM_200
 * emulates exactly that with viewport + deviceScaleFactor. CSS `zoom` on the root is not the same thing
 * (media queries keep seeing 1280 px), so it is not used.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null. In CI a missing Chromium is an error, not a skip. */
export const chromiumProblem: string | null = existsSync(CHROMIUM)
  ? null
  : `${CHROMIUM} does not exist (apt-get install chromium, or set CHROMIUM_PATH)`;
if (chromiumProblem) {
  if (process.env.CI) throw new Error(`${chromiumProblem}; CI is set, so the browser tests must run.`);
  console.warn(`\n⚠ ${chromiumProblem}: skipping the browser tests. Set CI=1 to make this an error.\n`);
}

/** A describe block for browser tests: skipped (with the warning above) where there is no Chromium. */
export function describeInBrowser(title: string, fn: () => void): void {
  describe.skipIf(chromiumProblem !== null)(title, fn);
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A desktop window. */
export const DESKTOP = { width: 1280, height: 900 } as const;
/** The narrowest width WCAG 1.4.10 (reflow) asks for: 1280 px at 400 %. */
export const MOBILE_320 = { width: 320, height: 640 } as const;
/** 200 % browser zoom of DESKTOP: 640 × 450 CSS px at device pixel ratio 2. */
export const ZOOM_200 = { width: 640, height: 450, deviceScaleFactor: 2 } as const;

export interface PageOptions {
  /** JavaScript on (default) or off. */
  javaScript?: boolean;
  width?: number;
  height?: number;
  deviceScaleFactor?: number;
  /** Sets Accept-Language and navigator.language; Dutch unless a test says otherwise. */
  locale?: string;
}

export interface E2ePage extends Page {
  /** Console errors, uncaught exceptions and CSP reports seen on this page so far. */
  problems: string[];
  /** Whether this page's context runs JavaScript. */
  javaScript: boolean;
}

export interface E2eBrowser {
  browser: Browser;
  newPage(options?: PageOptions): Promise<E2ePage>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<E2eBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-chromium-'));
  const persistent = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const browser = persistent.browser();
  if (!browser)
    throw new Error('The persistent Chromium context has no browser to open further contexts in.');
  const contexts = new Set<BrowserContext>();
  return {
    browser,
    async newPage(options = {}) {
      const contextOptions: BrowserContextOptions = {
        javaScriptEnabled: options.javaScript ?? true,
        viewport: { width: options.width ?? DESKTOP.width, height: options.height ?? DESKTOP.height },
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        locale: options.locale ?? 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
      };
      const context = await browser.newContext(contextOptions);
      contexts.add(context);
      context.on('close', () => contexts.delete(context));
      const page = (await context.newPage()) as E2ePage;
      page.problems = [];
      page.javaScript = contextOptions.javaScriptEnabled!;
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        // Chromium logs every non-2xx response as an error, the page itself too (a 400 with the error
        // summary is the expected answer): only failed subresources (CSS, script, images) count.
        if (message.text().startsWith('Failed to load resource') && message.location().url === page.url())
          return;
        page.problems.push(`console: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => page.problems.push(`uncaught: ${error.message}`));
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await persistent.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core on the page as it is now and fails with a readable list of every violation: rule id,
 * impact, what it means, and each offending element with axe's advice.
 */
export async function expectNoAxeViolations(page: Page, label = ''): Promise<void> {
  // Legacy mode runs axe.run in the page itself instead of per frame plus a finishing run in a blank page
  // of its own: two to three times faster here, and the same result on pages without frames, which the
  // public pages are (checked, so that a frame added later is not silently left out).
  // With JavaScript off, axe is injected but its timers never fire: it would hang until the test times out.
  if ((page as Partial<E2ePage>).javaScript === false) {
    throw new Error(
      'expectNoAxeViolations needs a page with JavaScript on: open it with newPage() (the default).',
    );
  }
  const frames = page.frames().length;
  if (frames > 1)
    throw new Error(`${page.url()} has ${frames - 1} frame(s): drop setLegacyMode so axe checks them too.`);
  // options() replaces every option set before it, runOnly from withTags() too: it goes first.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
  const ran = results.toolOptions.runOnly;
  const ranTags = ran && typeof ran === 'object' && !Array.isArray(ran) ? ran.values : ran;
  if (String(ranTags) !== String(AXE_TAGS)) {
    throw new Error(`axe ran with ${JSON.stringify(ran)} instead of the tags ${AXE_TAGS.join(', ')}`);
  }
  if (results.violations.length === 0) return;
  const lines = [
    `${results.violations.length} axe violation(s) on ${page.url()}${label ? ` (${label})` : ''}:`,
  ];
  for (const violation of results.violations) {
    lines.push(`- ${violation.id} [${violation.impact ?? 'n/a'}]: ${violation.help}`);
    lines.push(`  ${violation.helpUrl}`);
    for (const node of violation.nodes.slice(0, 8)) {
      lines.push(`  · ${node.target.join(' ')}`);
      lines.push(`    ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      const advice = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' | ');
      if (advice) lines.push(`    ${advice.slice(0, 400)}`);
    }
    if (violation.nodes.length > 8) lines.push(`  … and ${violation.nodes.length - 8} more`);
  }
  throw new Error(lines.join('\n'));
}

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Elements that stick out to the right (or left) of the viewport, widest first. */
  offenders: string[];
}

/** The page's scroll width against the viewport, and the elements that cause any overflow. */
export function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const offenders: Array<{ text: string; right: number }> = [];
    if (scrollWidth > innerWidth) {
      for (const element of Array.from(document.body.querySelectorAll('*'))) {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (rect.right > innerWidth + 0.5 || rect.left < -0.5) {
          const id = element.id ? `#${element.id}` : '';
          const classes =
            typeof element.className === 'string' && element.className
              ? `.${element.className.trim().split(/\s+/).join('.')}`
              : '';
          offenders.push({
            text: `${element.tagName.toLowerCase()}${id}${classes} (left ${Math.round(rect.left)}, right ${Math.round(rect.right)}, width ${Math.round(rect.width)})`,
            right: rect.right,
          });
        }
      }
    }
    offenders.sort((a, b) => b.right - a.right);
    return { scrollWidth, innerWidth, offenders: offenders.slice(0, 12).map((o) => o.text) };
  });
}

/**
 * Presses Tab until the focused element matches `selector` (at most `max` times) and returns the focus
 * stops passed on the way. Fails when the element is never reached.
 */
export async function tabTo(page: Page, selector: string, max = 80): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const here = await page.evaluate((sel) => {
      const active = document.activeElement;
      if (!active || active === document.body) return { matches: false, name: 'body' };
      const name = `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${active.getAttribute('name') ? `[name=${active.getAttribute('name')}]` : ''}${active.tagName === 'INPUT' ? `[type=${(active as HTMLInputElement).type}]` : ''}`;
      return { matches: active.matches(sel), name };
    }, selector);
    stops.push(here.name);
    if (here.matches) return stops;
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses; focus went: ${stops.join(' → ')}`);
}

/** How the focused element shows its focus: outline and box-shadow as computed, or null when it shows none. */
export function focusIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return null;
    const style = getComputedStyle(active);
    const outline =
      style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
        ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`
        : '';
    const shadow = style.boxShadow && style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
    return [outline, shadow].filter(Boolean).join('; ') || null;
  });
}

/** A minimal valid one-page PDF (text "Verbeterpunt e2e <label>"), different bytes per label. */
export function makePdf(label: string): Buffer {
  const text = `Verbeterpunt e2e ${label}`.replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A small valid PNG (w × h, one colour per label), made with zlib: no image library needed. */
export function makePng(label: string, width = 24, height = 16): Buffer {
  const seed = [...label].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) >>> 0, 7);
  const [r, g, b] = [seed & 0xff, (seed >> 8) & 0xff, (seed >> 16) & 0xff];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set([r, (g + x * 8) & 0xff, (b + y * 8) & 0xff], row + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed) >>> 0);
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
