/**
 * Just enough CSS handling to serve only what the pages use: parse a stylesheet into rules and at-rule blocks,
 * keep the rules whose selectors name the wanted Utrecht components, keep only the design tokens those rules
 * (transitively) refer to, and print the result minified. Not a general CSS parser: it relies on the
 * Utrecht dist files being well-formed, which a test checks by building the bundle.
 */

export type CssNode =
  | { kind: 'rule'; selectors: string[]; declarations: string[] }
  | { kind: 'block'; prelude: string; children: CssNode[] }
  | { kind: 'statement'; text: string };

const stripComments = (css: string): string => css.replace(/\/\*[\s\S]*?\*\//g, '');
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Index of the brace that closes the one at `open`, skipping strings. */
function matchingBrace(css: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error('Unbalanced braces in CSS');
}

/** Splits at `separator` outside strings, parentheses and brackets (data: URLs contain ';' and ','). */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map(squash).filter(Boolean);
}

/** Blocks whose content is declarations rather than rules. */
const DECLARATION_AT_RULES = /^@(font-face|page|property|counter-style)\b/;

export function parseCss(source: string): CssNode[] {
  const css = stripComments(source);
  const nodes: CssNode[] = [];
  let i = 0;
  while (i < css.length) {
    const brace = css.indexOf('{', i);
    const semicolon = css.indexOf(';', i);
    const head = css.slice(i, brace === -1 ? undefined : brace);
    if (head.trim() === '' && brace === -1) break;
    // `@charset …;` and `@import …;` end at a semicolon before any brace.
    if (head.trimStart().startsWith('@') && semicolon !== -1 && (brace === -1 || semicolon < brace)) {
      nodes.push({ kind: 'statement', text: squash(css.slice(i, semicolon + 1)) });
      i = semicolon + 1;
      continue;
    }
    if (brace === -1) break;
    const close = matchingBrace(css, brace);
    const prelude = squash(head);
    const body = css.slice(brace + 1, close);
    if (prelude.startsWith('@') && !DECLARATION_AT_RULES.test(prelude)) {
      nodes.push({ kind: 'block', prelude, children: parseCss(body) });
    } else {
      nodes.push({
        kind: 'rule',
        selectors: splitTopLevel(prelude, ','),
        declarations: splitTopLevel(body, ';'),
      });
    }
    i = close + 1;
  }
  return nodes;
}

/** The component (block) a class belongs to: `utrecht-button--primary-action` and `utrecht-button__icon` → `utrecht-button`. */
const blockOf = (className: string): string => className.replace(/(__|--).*$/, '');

const utrechtClasses = (selector: string): string[] =>
  [...selector.matchAll(/\.(utrecht-[a-z0-9_-]+)/g)].map((m) => m[1]!);

export interface SelectOptions {
  /** Components to keep, e.g. `utrecht-button` (keeps its modifiers and elements, not `utrecht-button-group`). */
  components: readonly string[];
  /** Class names (modifiers) the pages never use; selectors naming them are dropped. */
  unusedClasses?: readonly string[];
}

/**
 * Keeps each selector whose Utrecht classes all belong to wanted components and none is unused; a rule
 * survives with the selectors that remain. Selectors without a Utrecht class are dropped.
 */
export function selectComponents(nodes: CssNode[], options: SelectOptions): CssNode[] {
  const wanted = new Set(options.components);
  const unused = new Set(options.unusedClasses ?? []);
  const keepSelector = (selector: string) => {
    const classes = utrechtClasses(selector);
    return classes.length > 0 && classes.every((c) => wanted.has(blockOf(c)) && !unused.has(c));
  };
  const out: CssNode[] = [];
  for (const node of nodes) {
    if (node.kind === 'rule') {
      const selectors = node.selectors.filter(keepSelector);
      if (selectors.length > 0) out.push({ ...node, selectors });
    } else if (node.kind === 'block' && !node.prelude.startsWith('@keyframes')) {
      const children = selectComponents(node.children, options);
      if (children.length > 0) out.push({ ...node, children });
    }
  }
  return out;
}

const VAR_REFERENCE = /var\(\s*(--[A-Za-z0-9_-]+)/g;

/** Every custom property the nodes read with var(). */
export function referencedProperties(nodes: CssNode[]): Set<string> {
  const found = new Set<string>();
  const visit = (list: CssNode[]) => {
    for (const node of list) {
      if (node.kind === 'block') visit(node.children);
      else if (node.kind === 'rule') {
        for (const declaration of node.declarations)
          for (const m of declaration.matchAll(VAR_REFERENCE)) found.add(m[1]!);
      }
    }
  };
  visit(nodes);
  return found;
}

/**
 * The token declarations (`--name: value` of the theme rule) needed for `wanted`, following tokens that refer
 * to other tokens; in the order of the tokens file.
 */
export function neededTokens(tokenDeclarations: string[], wanted: Set<string>): string[] {
  const byName = new Map<string, string>();
  for (const declaration of tokenDeclarations) {
    const colon = declaration.indexOf(':');
    if (colon > 0) byName.set(declaration.slice(0, colon).trim(), declaration);
  }
  const needed = new Set<string>();
  const queue = [...wanted];
  while (queue.length > 0) {
    const name = queue.pop()!;
    const declaration = byName.get(name);
    if (!declaration || needed.has(name)) continue;
    needed.add(name);
    for (const m of declaration.matchAll(VAR_REFERENCE)) queue.push(m[1]!);
  }
  return tokenDeclarations.filter((d) => needed.has(d.slice(0, d.indexOf(':')).trim()));
}

/** `prop : value` → `prop:value`, whitespace outside strings collapsed. */
const minifyDeclaration = (declaration: string): string => {
  const colon = declaration.indexOf(':');
  if (colon === -1) return declaration;
  return `${declaration.slice(0, colon).trim()}:${declaration.slice(colon + 1).trim()}`;
};

export function printCss(nodes: CssNode[]): string {
  return nodes
    .map((node) => {
      if (node.kind === 'statement') return node.text;
      if (node.kind === 'block') return `${node.prelude}{${printCss(node.children)}}`;
      return `${node.selectors.join(',')}{${node.declarations.map(minifyDeclaration).join(';')}}`;
    })
    .join('');
}
