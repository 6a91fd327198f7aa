/** The CSS extraction that keeps the stylesheet small: components by name, tokens by use, strings kept whole. */
import { describe, expect, it } from 'vitest';
import { buildPagesCss, USED_COMPONENTS } from '../../src/http/pages/css/bundle.ts';
import {
  neededTokens,
  parseCss,
  printCss,
  referencedProperties,
  selectComponents,
  splitTopLevel,
} from '../../src/http/pages/css/extract.ts';

const LIBRARY = `
/* a comment { with braces } */
@charset "UTF-8";
.utrecht-button { color: var(--utrecht-button-color); background: url("data:image/svg+xml;utf8,<svg a='1;2'/>"); }
.utrecht-button--subtle, .utrecht-button--primary-action:hover { color: red; }
.utrecht-button-group { display: flex; }
.utrecht-accordion { display: grid; }
.utrecht-button .utrecht-icon { inline-size: 1em; }
@media (forced-colors: active) { .utrecht-button { border: 1px solid; } .utrecht-accordion { border: 0; } }
@media print { .utrecht-accordion { display: none; } }
@keyframes utrecht-spin { from { rotate: 0; } to { rotate: 1turn; } }
`;

describe('the CSS extraction', () => {
  it('keeps the wanted components with their modifiers, drops other components and unused variants', () => {
    const kept = selectComponents(parseCss(LIBRARY), {
      components: ['utrecht-button'],
      unusedClasses: ['utrecht-button--subtle'],
    });
    expect(printCss(kept)).toBe(
      '.utrecht-button{color:var(--utrecht-button-color);background:url("data:image/svg+xml;utf8,<svg a=\'1;2\'/>")}' +
        '.utrecht-button--primary-action:hover{color:red}' +
        '@media (forced-colors: active){.utrecht-button{border:1px solid}}',
    );
  });

  it('splits declarations and selectors outside strings and parentheses only', () => {
    expect(splitTopLevel('a: url("x;y"); b: calc(1px + 2px); c: "d;e"', ';')).toEqual([
      'a: url("x;y")',
      'b: calc(1px + 2px)',
      'c: "d;e"',
    ]);
    expect(splitTopLevel('.a:is(.b, .c), .d', ',')).toEqual(['.a:is(.b, .c)', '.d']);
  });

  it('keeps only the tokens that are read, following tokens that read other tokens', () => {
    const tokens = ['--a: 1px', '--b: var(--c)', '--c: red', '--d: blue'];
    const used = referencedProperties(parseCss('.x { color: var(--b); margin: var(--a, 0); }'));
    expect(neededTokens(tokens, used)).toEqual(['--a: 1px', '--b: var(--c)', '--c: red']);
  });

  it('builds the pages bundle from the installed Utrecht packages', () => {
    const css = buildPagesCss();
    for (const component of USED_COMPONENTS.filter((c) => c !== 'utrecht-document')) {
      expect(css, component).toContain(`.${component}`);
    }
    // The design tokens come first, under .utrecht-theme; comments are gone.
    expect(css.startsWith('.utrecht-theme{--')).toBe(true);
    expect(css).toContain('--utrecht-focus-outline-color:');
    expect(css).not.toContain('/*');
  });
});
