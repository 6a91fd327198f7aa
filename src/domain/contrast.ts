/**
 * Colour contrast as WCAG 2.2 defines it (success criterion 1.4.3, "relative luminance" and "contrast
 * ratio"): text in the organisation's primary colour on white, and white text on it, must reach 4.5:1.
 */

import { DomainError } from './errors.ts';

/** The smallest contrast ratio for normal text (WCAG 1.4.3, level AA). */
export const MIN_TEXT_CONTRAST = 4.5;

/** Relative luminance of an sRGB colour written '#rrggbb'. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const c = Number.parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of a '#rrggbb' colour against white, from 1 to 21. */
export function contrastOnWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** Throws invalid_input at branding.primaryColor when the colour does not reach 4.5:1 on white. */
export function assertReadablePrimaryColour(colour: string): void {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) return; // the schema names a malformed colour
  const ratio = contrastOnWhite(colour);
  if (ratio >= MIN_TEXT_CONTRAST) return;
  const shown = (locale: string) => ratio.toLocaleString(locale, { maximumFractionDigits: 2 });
  throw new DomainError(
    'invalid_input',
    {
      en: `This colour has a contrast of ${shown('en-GB')}:1 on white; it must be at least 4.5:1. Choose a darker colour.`,
      nl: `Deze kleur heeft een contrast van ${shown('nl-NL')}:1 op wit; dat moet minstens 4,5:1 zijn. Kies een donkerdere kleur.`,
    },
    { field: 'branding.primaryColor', details: { ratio } },
  );
}
