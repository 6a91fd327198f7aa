/**
 * Reads a PDF back as text with poppler's pdftotext, the way a person copying from the letter would get it.
 * `flat` collapses all whitespace (line wraps, the letterhead's columns) so a sentence can be found whole.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PdfText {
  /** As `pdftotext -layout` prints it. */
  layout: string;
  /** All whitespace collapsed to single spaces. */
  flat: string;
  pages: number;
  /** `pdffonts` output: which fonts the PDF uses and whether they are embedded. */
  fonts: string;
}

export function readPdf(pdf: Buffer, keepAs?: string): PdfText {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'verbeterpunt-letter-'));
  try {
    const file = path.join(dir, keepAs ?? 'letter.pdf');
    writeFileSync(file, pdf);
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return {
      layout,
      flat: flat(layout),
      pages: layout.split('\f').filter((p) => p.trim() !== '').length,
      fonts,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();
