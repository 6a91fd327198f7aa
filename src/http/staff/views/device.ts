/**
 * A device as people recognise it in the list of their sessions: "Firefox op Windows". A few patterns on
 * the User-Agent header, most specific first; enough to tell one's laptop from one's phone (and a stranger's
 * browser), not a full parser: what is not recognised is shown as an unknown device.
 */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
];

const SYSTEMS: readonly [RegExp, string][] = [
  [/\b(iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

/** The browser and system of a User-Agent header, as far as recognised. */
export function describeDevice(userAgent: string | null): { browser: string | null; os: string | null } {
  const browser = userAgent ? (BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null) : null;
  const os = userAgent ? (SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null) : null;
  return { browser, os };
}
