/**
 * The one stylesheet of the public pages, built once at start: the rules of the Utrecht components the pages
 * use (out of the 400 KB library), the design tokens those rules read, and our own layout rules
 * (pages.css). Served from memory, precompressed, with an ETag and a year-long cache; the URL carries the
 * hash, so a new version is a new URL.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { asset, type StaticAsset } from '../static-asset.ts';
import {
  type CssNode,
  neededTokens,
  parseCss,
  printCss,
  referencedProperties,
  selectComponents,
} from './extract.ts';

/** The Utrecht components the pages render (see components/ and views/). */
export const USED_COMPONENTS = [
  'utrecht-document',
  'utrecht-page',
  'utrecht-page-header',
  'utrecht-page-content',
  'utrecht-page-footer',
  'utrecht-heading-1',
  'utrecht-heading-2',
  'utrecht-heading-3',
  'utrecht-paragraph',
  'utrecht-link',
  'utrecht-skip-link',
  'utrecht-alert',
  'utrecht-form-field',
  'utrecht-form-label',
  'utrecht-form-field-description',
  'utrecht-form-field-error-message',
  'utrecht-form-fieldset',
  'utrecht-textbox',
  'utrecht-textarea',
  'utrecht-select',
  'utrecht-radio-button',
  'utrecht-checkbox',
  'utrecht-button',
  'utrecht-button-group',
  'utrecht-unordered-list',
  'utrecht-ordered-list',
  'utrecht-data-list',
] as const;

/** Variants of those components that no page uses. */
const UNUSED_CLASSES = [
  'utrecht-button--subtle',
  'utrecht-button--danger',
  'utrecht-button--warning',
  'utrecht-button--ready',
  'utrecht-button--busy',
  'utrecht-button--pressed',
  'utrecht-button--disabled',
  'utrecht-button--icon-only',
  'utrecht-link--telephone',
  'utrecht-link--placeholder',
  'utrecht-link--box-content',
  'utrecht-link--visited',
  'utrecht-textbox--busy',
  'utrecht-textbox--disabled',
  'utrecht-textbox--read-only',
  'utrecht-textbox--numeric',
  'utrecht-textbox--password',
  'utrecht-textarea--disabled',
  'utrecht-textarea--read-only',
  'utrecht-select--busy',
  'utrecht-select--disabled',
  'utrecht-checkbox--disabled',
  'utrecht-checkbox--indeterminate',
  'utrecht-radio-button--disabled',
  'utrecht-alert--warning',
  'utrecht-data-list--rows',
  'utrecht-page-footer--print',
];

const require = createRequire(import.meta.url);
const read = (specifier: string): string => readFileSync(require.resolve(specifier), 'utf8');

/** Extra Utrecht components and variants of the staff workspace: tables, subtle and danger buttons. */
export const STAFF_COMPONENTS = [...USED_COMPONENTS, 'utrecht-table', 'utrecht-button-link'] as const;
const STAFF_USED_VARIANTS = new Set(['utrecht-button--subtle', 'utrecht-button--danger']);

/**
 * Builds a stylesheet: Utrecht component rules, the tokens they need under .utrecht-theme, our rules last
 * (`ownFiles`, URLs of CSS files, in order).
 */
export function buildCss(options: {
  components: readonly string[];
  unusedClasses: readonly string[];
  ownFiles: readonly URL[];
}): string {
  const library = parseCss(read('@utrecht/component-library-css/dist/index.css'));
  const components = selectComponents(library, {
    components: options.components,
    unusedClasses: options.unusedClasses,
  });
  const own = options.ownFiles.flatMap((file) => parseCss(readFileSync(file, 'utf8')));
  const themeRule = parseCss(read('@utrecht/design-tokens/dist/theme.css')).find(
    (node): node is Extract<CssNode, { kind: 'rule' }> =>
      node.kind === 'rule' && node.selectors.includes('.utrecht-theme'),
  );
  if (!themeRule) throw new Error('No .utrecht-theme rule in @utrecht/design-tokens/dist/theme.css');
  const tokens = neededTokens(themeRule.declarations, referencedProperties([...components, ...own]));
  return printCss([
    { kind: 'rule', selectors: ['.utrecht-theme'], declarations: tokens },
    ...components,
    ...own,
  ]);
}

const PAGES_CSS = new URL('./pages.css', import.meta.url);
const STAFF_CSS = new URL('../../staff/staff.css', import.meta.url);

/** The public pages' stylesheet (kept small: the form page's weight is a target). */
export function buildPagesCss(): string {
  return buildCss({ components: USED_COMPONENTS, unusedClasses: UNUSED_CLASSES, ownFiles: [PAGES_CSS] });
}

/** The staff workspace's stylesheet: the public pages' rules, a few more components, and its own layout. */
export function buildStaffCss(): string {
  return buildCss({
    components: STAFF_COMPONENTS,
    unusedClasses: UNUSED_CLASSES.filter((c) => !STAFF_USED_VARIANTS.has(c)),
    ownFiles: [PAGES_CSS, STAFF_CSS],
  });
}

let cached: StaticAsset | undefined;
let cachedStaff: StaticAsset | undefined;

/** The bundle, built on first use and kept for the life of the process. */
export function pagesCss(): StaticAsset {
  cached ??= asset('pages', 'css', buildPagesCss(), 'text/css; charset=utf-8');
  return cached;
}

export function staffCss(): StaticAsset {
  cachedStaff ??= asset('staff', 'css', buildStaffCss(), 'text/css; charset=utf-8');
  return cachedStaff;
}
