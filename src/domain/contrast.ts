/**
 * Colour contrast as WCAG 2.2 defines it (success criterion 1.4.3, "relative luminance" and "contrast
 * ratio"): text in the organisation's primary colour on white, and white text on it, must reach 4.5:1.
 */

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
