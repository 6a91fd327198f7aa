/**
 * Letter templates: mustache text for a subject and a body, checked before it is stored and rendered into
 * plain text and layout blocks. Mustache is logic-less, so a template cannot run code; on top of that a
 * template may only name the placeholders of its letter kind (placeholders.ts), include no partials, write
 * nothing unescaped and keep the standard delimiters. Rendering uses a writer of its own (no shared template
 * cache that administrators' drafts could fill) with escaping off: the output is text and PDF, not HTML.
 */
import Mustache from 'mustache';
import { DomainError } from '../domain/errors.ts';
import type { LetterKind } from '../domain/letters.ts';
import type { LocalisedText } from '../domain/settings.ts';
import type { LetterFacts } from './facts.ts';
import { type Placeholder, placeholdersFor } from './placeholders.ts';

export interface TemplateText {
  subject: string;
  body: string;
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  line: number;
  message: LocalisedText;
}

/** mustache.js tokens: [type, value, start, end, children?, …]. */
type Token = [string, string, number, number, Token[]?, ...unknown[]];

const lineAt = (source: string, position: number): number =>
  source.slice(0, Math.max(0, position)).split('\n').length;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Everything wrong with a template of this kind; empty when it may be stored. */
export function templateProblems(kind: LetterKind, template: TemplateText): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (/[\r\n]/.test(template.subject)) {
    problems.push({
      field: 'subject',
      line: 1,
      message: { nl: 'Het onderwerp moet op één regel staan.', en: 'The subject must be a single line.' },
    });
  }
  problems.push(
    ...sourceProblems(kind, 'subject', template.subject),
    ...sourceProblems(kind, 'body', template.body),
  );
  return problems;
}

/** Throws a DomainError('invalid_input') naming the field and the line of the first problem. */
export function validateTemplate(kind: LetterKind, template: TemplateText): void {
  const problems = templateProblems(kind, template);
  const first = problems[0];
  if (!first) return;
  const ofField = problems.filter((p) => p.field === first.field);
  throw new DomainError(
    'invalid_input',
    { nl: ofField.map((p) => p.message.nl).join(' '), en: ofField.map((p) => p.message.en).join(' ') },
    {
      field: first.field,
      details: { problems: problems.map((p) => ({ field: p.field, line: p.line, message: p.message })) },
    },
  );
}

function sourceProblems(
  kind: LetterKind,
  field: TemplateProblem['field'],
  source: string,
): TemplateProblem[] {
  let tokens: Token[];
  try {
    tokens = new Mustache.Writer().parse(source) as Token[];
  } catch (error) {
    return [parseProblem(field, source, error instanceof Error ? error.message : String(error))];
  }
  const problems: TemplateProblem[] = [];
  const catalogue = placeholdersFor(kind);
  const listFields = new Map<string, string>();
  for (const p of catalogue)
    for (const f of p.fields ?? []) if (!listFields.has(f.name)) listFields.set(f.name, p.name);

  const at = (line: number, nl: string, en: string) =>
    problems.push({ field, line, message: { nl: `Regel ${line}: ${nl}`, en: `Line ${line}: ${en}` } });

  const walk = (list: Token[], scopes: (readonly Placeholder[])[]) => {
    for (const token of list) {
      const [type, name, start] = token;
      const line = lineAt(source, start);
      if (type === 'text' || type === '!') continue;
      if (type === '>') {
        at(
          line,
          `{{> ${name}}} (een deelsjabloon) is niet toegestaan.`,
          `{{> ${name}}} (a partial) is not allowed.`,
        );
        continue;
      }
      if (type === '&') {
        at(
          line,
          `{{{${name}}}} en {{&${name}}} zijn niet toegestaan; gebruik {{${name}}}.`,
          `{{{${name}}}} and {{&${name}}} are not allowed; use {{${name}}}.`,
        );
        continue;
      }
      if (type === '=') {
        at(
          line,
          'andere scheidingstekens ({{= =}}) zijn niet toegestaan.',
          'changing the delimiters ({{= =}}) is not allowed.',
        );
        continue;
      }
      const placeholder = lookup(scopes, name);
      if (!placeholder) {
        const list = listFields.get(name);
        if (list) {
          at(
            line,
            `{{${name}}} kan alleen binnen {{#${list}}} … {{/${list}}}.`,
            `{{${name}}} is only available inside {{#${list}}} … {{/${list}}}.`,
          );
        } else {
          at(
            line,
            `het invulveld {{${name}}} bestaat niet in deze brief.`,
            `the placeholder {{${name}}} does not exist in this letter.`,
          );
        }
        continue;
      }
      if (type === 'name') {
        if (placeholder.type === 'list') {
          at(
            line,
            `{{${name}}} is een lijst; gebruik {{#${name}}} … {{/${name}}}.`,
            `{{${name}}} is a list; use {{#${name}}} … {{/${name}}}.`,
          );
        } else if (placeholder.type === 'flag') {
          at(
            line,
            `{{${name}}} is een voorwaarde; gebruik {{#${name}}} … {{/${name}}}.`,
            `{{${name}}} is a condition; use {{#${name}}} … {{/${name}}}.`,
          );
        }
        continue;
      }
      // '#' repeats a list with its items' fields in scope; '^' (and '#' on text or a flag) keeps the scope.
      const children = token[4] ?? [];
      walk(
        children,
        type === '#' && placeholder.type === 'list' ? [placeholder.fields ?? [], ...scopes] : scopes,
      );
    }
  };
  walk(tokens, [catalogue]);
  return problems;
}

function lookup(scopes: (readonly Placeholder[])[], name: string): Placeholder | undefined {
  for (const scope of scopes) {
    const found = scope.find((p) => p.name === name);
    if (found) return found;
  }
  return undefined;
}

/** mustache.js reports structure errors as text with a position; this names the line in both languages. */
function parseProblem(field: TemplateProblem['field'], source: string, message: string): TemplateProblem {
  const make = (line: number, nl: string, en: string): TemplateProblem => ({
    field,
    line,
    message: { nl: `Regel ${line}: ${nl}`, en: `Line ${line}: ${en}` },
  });
  let match = /^Unclosed section "(.*)" at (\d+)$/.exec(message);
  if (match) {
    const [, name = '', pos] = match;
    // The line of the opening tag says more than the place where mustache noticed it was never closed.
    const openers = [
      ...source
        .slice(0, Number(pos))
        .matchAll(new RegExp(`\\{\\{\\s*[#^]\\s*${escapeRegExp(name)}\\s*\\}\\}`, 'g')),
    ];
    const line = lineAt(source, openers.at(-1)?.index ?? Number(pos));
    return make(
      line,
      `{{#${name}}} wordt niet afgesloten met {{/${name}}}.`,
      `{{#${name}}} is not closed with {{/${name}}}.`,
    );
  }
  match = /^Unopened section "(.*)" at (\d+)$/.exec(message);
  if (match) {
    const [, name = '', pos] = match;
    return make(
      lineAt(source, Number(pos)),
      `{{/${name}}} sluit niets af: er is geen {{#${name}}} ervoor.`,
      `{{/${name}}} closes nothing: there is no {{#${name}}} before it.`,
    );
  }
  match = /^Unclosed tag at (\d+)$/.exec(message);
  if (match) {
    return make(
      lineAt(source, Number(match[1])),
      'een invulveld is niet afgesloten met }}.',
      'a placeholder is not closed with }}.',
    );
  }
  return make(
    1,
    `de tekst is geen geldig sjabloon (${message}).`,
    `the text is not a valid template (${message}).`,
  );
}

/** Fills a validated template with the facts; nothing is escaped (text and PDF output). */
export function renderTemplate(source: string, facts: LetterFacts): string {
  // No partials are passed, so even an unvalidated {{> x}} could not load anything.
  return new Mustache.Writer().render(source, facts, undefined, {
    escape: (value: unknown) => String(value),
  });
}

export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; items: string[] };

/** Tidies rendered text: no trailing spaces, at most one blank line in a row, no blank start or end. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A rendered body as layout blocks: "# " lines are headings, "- " lines list items, the rest paragraphs. */
export function toBlocks(body: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  for (const chunk of tidy(body).split(/\n\n+/)) {
    let current: LetterBlock | null = null;
    for (const line of chunk.split('\n')) {
      if (line.startsWith('# ')) {
        current = null;
        blocks.push({ type: 'heading', text: line.slice(2).trim() });
      } else if (line.startsWith('- ')) {
        if (current?.type !== 'list') {
          current = { type: 'list', items: [] };
          blocks.push(current);
        }
        current.items.push(line.slice(2).trim());
      } else if (line.trim() !== '') {
        if (current?.type !== 'paragraph') {
          current = { type: 'paragraph', lines: [] };
          blocks.push(current);
        }
        current.lines.push(line);
      }
    }
  }
  return blocks;
}

/** The body as plain text for the email: headings lose their "# ", everything else stays as written. */
export const toPlainText = (body: string): string =>
  tidy(body)
    .split('\n')
    .map((line) => (line.startsWith('# ') ? line.slice(2).trim() : line))
    .join('\n');
