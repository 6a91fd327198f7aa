/**
 * Templates: an administrator's text may only use its letter's placeholders; partials, unescaped output and
 * other delimiters are refused, as is an unbalanced section, each with the line it is on. Rendering writes the
 * facts as they are (text and PDF output), without touching mustache's global escape.
 */
import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/complaint.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { LETTER_KINDS, type LetterKind } from '../../src/domain/letters.ts';
import { DEFAULT_SETTINGS } from '../../src/domain/settings.ts';
import { buildFacts, type LetterFacts } from '../../src/letters/facts.ts';
import { formatDate } from '../../src/letters/format.ts';
import { placeholdersFor } from '../../src/letters/placeholders.ts';
import { SAMPLE_DESCRIPTION, sampleLetter } from '../../src/letters/sample.ts';
import {
  renderTemplate,
  templateProblems,
  toBlocks,
  toPlainText,
  validateTemplate,
} from '../../src/letters/template.ts';
import { defaultTemplate } from '../../src/letters/template-store.ts';

function refusal(kind: LetterKind, subject: string, body: string): DomainError {
  try {
    validateTemplate(kind, { subject, body });
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('Expected the template to be refused');
}

const SUBJECT = 'Klacht {{reference}}';

describe('the default templates', () => {
  it.each(LETTER_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const)))(
    '%s (%s) uses only its own placeholders',
    (kind, language) => {
      expect(templateProblems(kind, defaultTemplate(kind, language))).toEqual([]);
    },
  );

  it('the facts have every placeholder the catalogue promises, and nothing the catalogue does not list', () => {
    const { complaint, request, now } = sampleLetter('survey_invitation', DEFAULT_SETTINGS);
    const facts = buildFacts(request, complaint, DEFAULT_SETTINGS, now) as unknown as Record<string, unknown>;
    const promised = new Set(LETTER_KINDS.flatMap((kind) => placeholdersFor(kind).map((p) => p.name)));
    expect(Object.keys(facts).sort()).toEqual([...promised].sort());
    for (const kind of LETTER_KINDS) {
      for (const p of placeholdersFor(kind)) {
        const value = facts[p.name];
        if (p.type === 'flag') expect(typeof value, p.name).toBe('boolean');
        if (p.type === 'text') expect(typeof value, p.name).toBe('string');
        if (p.type === 'list') {
          expect(Array.isArray(value), p.name).toBe(true);
          for (const item of value as Record<string, unknown>[]) {
            expect(Object.keys(item).sort(), p.name).toEqual(p.fields!.map((f) => f.name).sort());
          }
        }
      }
    }
  });

  it("no letter's facts hold the reporter's raw description", () => {
    for (const kind of LETTER_KINDS) {
      const { complaint, request, now } = sampleLetter(kind, DEFAULT_SETTINGS);
      expect(complaint.description).toBe(SAMPLE_DESCRIPTION);
      expect(JSON.stringify(buildFacts(request, complaint, DEFAULT_SETTINGS, now)), kind).not.toContain(
        'spuugzat',
      );
    }
  });
});

describe('the built-in sample for previews', () => {
  it.each([
    ['the default settings', DEFAULT_SETTINGS],
    [
      'other grounds for not taking up',
      {
        ...DEFAULT_SETTINGS,
        nonAdmissionGrounds: [{ code: 'eigen', label: { nl: 'Eigen reden', en: 'Own reason' } }],
      },
    ],
    ['no grounds at all', { ...DEFAULT_SETTINGS, nonAdmissionGrounds: [] }],
  ])('has every letter with %s (extensions off)', (_, settings) => {
    for (const kind of LETTER_KINDS) {
      const { complaint, request } = sampleLetter(kind, settings);
      expect(request.kind).toBe(kind);
      expect(complaint.reference).toBe('VP-2026-00042');
    }
    const notTakenUp = sampleLetter('not_taken_up', settings);
    const facts = buildFacts(notTakenUp.request, notTakenUp.complaint, settings, notTakenUp.now);
    expect(facts.notTakenUpGround).toBe(
      settings.nonAdmissionGrounds[0]?.code === 'eigen'
        ? 'Eigen reden'
        : settings.nonAdmissionGrounds.length
          ? 'Dezelfde klacht is al behandeld'
          : 'already_handled',
    );
  });
});

describe('validation refuses, naming the field and the line', () => {
  it('an unknown placeholder', () => {
    const error = refusal('acknowledgement', SUBJECT, '{{salutation}}\n\nBeste {{naam}},\nwelkom');
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('body');
    expect(error.messageNl).toBe('Regel 3: het invulveld {{naam}} bestaat niet in deze brief.');
    expect(error.message).toBe('Line 3: the placeholder {{naam}} does not exist in this letter.');
    expect(error.details).toEqual({
      problems: [{ field: 'body', line: 3, message: { nl: error.messageNl, en: error.message } }],
    });
  });

  it('an unknown placeholder in the subject', () => {
    const error = refusal('acknowledgement', 'Klacht {{kenmerk}}', '{{salutation}}');
    expect(error.field).toBe('subject');
    expect(error.messageNl).toBe('Regel 1: het invulveld {{kenmerk}} bestaat niet in deze brief.');
  });

  it('a subject on more than one line', () => {
    expect(refusal('acknowledgement', 'Klacht\n{{reference}}', 'x').field).toBe('subject');
  });

  it('a placeholder of another letter kind (the judgement is not known when acknowledging)', () => {
    expect(refusal('acknowledgement', SUBJECT, 'Wij vinden uw klacht {{judgement}}.').messageNl).toBe(
      'Regel 1: het invulveld {{judgement}} bestaat niet in deze brief.',
    );
    expect(() =>
      validateTemplate('findings', { subject: SUBJECT, body: 'Wij vinden uw klacht {{judgement}}.' }),
    ).not.toThrow();
  });

  it('names that reach into JavaScript objects', () => {
    for (const name of [
      'constructor',
      '__proto__',
      'toString',
      'summary.length',
      'organisationName.constructor',
      '.',
    ]) {
      expect(refusal('acknowledgement', SUBJECT, `a\n{{${name}}}`).messageNl, name).toMatch(
        /^Regel 2: het invulveld/,
      );
    }
  });

  it('a partial', () => {
    const error = refusal('findings', SUBJECT, 'a\nb\n{{> kop}}');
    expect(error.messageNl).toBe('Regel 3: {{> kop}} (een deelsjabloon) is niet toegestaan.');
  });

  it('a triple mustache and an ampersand: nothing unescaped', () => {
    expect(refusal('findings', SUBJECT, '{{{summary}}}').messageNl).toBe(
      'Regel 1: {{{summary}}} en {{&summary}} zijn niet toegestaan; gebruik {{summary}}.',
    );
    expect(refusal('findings', SUBJECT, '\n\n{{& summary}}').messageNl).toMatch(/^Regel 3: /);
  });

  it('changed delimiters', () => {
    expect(refusal('findings', SUBJECT, 'x\n{{=<% %>=}}\n<% summary %>').messageNl).toBe(
      'Regel 2: andere scheidingstekens ({{= =}}) zijn niet toegestaan.',
    );
  });

  it('an unclosed section, at the line it opens', () => {
    const error = refusal(
      'findings',
      SUBJECT,
      '{{salutation}}\n{{#hasOfferMeasures}}\nWij boden aan:\n\nEinde',
    );
    expect(error.messageNl).toBe(
      'Regel 2: {{#hasOfferMeasures}} wordt niet afgesloten met {{/hasOfferMeasures}}.',
    );
    expect(error.message).toBe('Line 2: {{#hasOfferMeasures}} is not closed with {{/hasOfferMeasures}}.');
  });

  it('a section closed that was never opened, and crossed sections', () => {
    expect(refusal('findings', SUBJECT, 'a\nb\n{{/summary}}').messageNl).toBe(
      'Regel 3: {{/summary}} sluit niets af: er is geen {{#summary}} ervoor.',
    );
    expect(
      refusal('findings', SUBJECT, '{{#summary}}\n{{#judgement}}\n{{/summary}}\n{{/judgement}}').messageNl,
    ).toBe('Regel 2: {{#judgement}} wordt niet afgesloten met {{/judgement}}.');
  });

  it('an unclosed tag', () => {
    expect(refusal('findings', SUBJECT, 'a\n{{summary').messageNl).toBe(
      'Regel 2: een invulveld is niet afgesloten met }}.',
    );
  });

  it("a list's field outside its list, a list written as text, a condition written as text", () => {
    expect(refusal('findings', SUBJECT, '{{text}}').messageNl).toBe(
      'Regel 1: {{text}} kan alleen binnen {{#appealRoutes}} … {{/appealRoutes}}.',
    );
    expect(refusal('findings', SUBJECT, '{{appealRoutes}}').messageNl).toBe(
      'Regel 1: {{appealRoutes}} is een lijst; gebruik {{#appealRoutes}} … {{/appealRoutes}}.',
    );
    expect(refusal('findings', SUBJECT, '{{forReporter}}').messageNl).toBe(
      'Regel 1: {{forReporter}} is een voorwaarde; gebruik {{#forReporter}} … {{/forReporter}}.',
    );
  });

  it('every problem of the field in one message, all of them in the details', () => {
    const error = refusal('findings', 'Klacht {{x}}', '{{a}}\n{{> b}}');
    expect(error.field).toBe('subject');
    expect(error.details?.problems).toHaveLength(3);
    expect(
      templateProblems('findings', { subject: SUBJECT, body: '{{a}}\n{{> b}}' }).map((p) => p.line),
    ).toEqual([1, 2]);
  });

  it('accepts lists with their fields, outer names inside a list, inverted sections and comments', () => {
    const body = [
      '{{! een opmerking die niet in de brief komt }}',
      '{{#appealRoutes}}',
      '- {{text}} ({{reference}})',
      '{{/appealRoutes}}',
      '{{^hasOfferMeasures}}Geen aanbod.{{/hasOfferMeasures}}',
      '{{#offerMeasures}}- {{kind}}: {{description}}{{/offerMeasures}}',
    ].join('\n');
    expect(templateProblems('findings', { subject: SUBJECT, body })).toEqual([]);
    // An inverted list section renders with the outer names only: its fields are not available there.
    expect(refusal('findings', SUBJECT, '{{^appealRoutes}}{{text}}{{/appealRoutes}}').messageNl).toMatch(
      /alleen binnen/,
    );
  });
});

describe('rendering', () => {
  const { complaint, request, now } = sampleLetter('acknowledgement', DEFAULT_SETTINGS);
  const facts: LetterFacts = buildFacts(request, complaint, DEFAULT_SETTINGS, now);

  it('writes facts as they are: no HTML escaping, and mustache.escape stays as it was', () => {
    const escapeBefore = Mustache.escape;
    const odd = { ...facts, summary: '<b>Tom & Jerry</b> zeiden "nee" en \'ja\' = `x`' };
    expect(renderTemplate('{{summary}}', odd)).toBe('<b>Tom & Jerry</b> zeiden "nee" en \'ja\' = `x`');
    expect(Mustache.escape).toBe(escapeBefore);
    expect(Mustache.render('{{x}}', { x: '<b>' })).toBe('&lt;b&gt;');
  });

  it('never renders a fact as a template, and loads no partials', () => {
    const sneaky = { ...facts, summary: '{{reference}} {{> kop}}' };
    expect(renderTemplate('{{summary}}', sneaky)).toBe('{{reference}} {{> kop}}');
    expect(renderTemplate('a{{> kop}}b', facts)).toBe('ab');
  });

  it('dates in Dutch and English', () => {
    expect(formatDate('2026-05-08', 'nl')).toBe('8 mei 2026');
    expect(formatDate('2026-05-08', 'en')).toBe('8 May 2026');
    expect(formatDate('2026-12-31', 'nl')).toBe('31 december 2026');
    expect(facts.letterDate).toBe('8 mei 2026');
    expect(facts.receivedDate).toBe('30 april 2026');
  });

  it('the judgement in words, in both languages', () => {
    const decided = sampleLetter('findings', DEFAULT_SETTINGS);
    const words = (['well_founded', 'partly_well_founded', 'unfounded'] as const).flatMap((judgement) =>
      LANGUAGES.map((language) => {
        const complaint = { ...decided.complaint, decision: { ...decided.complaint.decision!, judgement } };
        const request = { ...decided.request, recipient: { ...decided.request.recipient, language } };
        return buildFacts(request, complaint, DEFAULT_SETTINGS, decided.now).judgement;
      }),
    );
    expect(words).toEqual([
      'gegrond',
      'well-founded',
      'deels gegrond',
      'partly well-founded',
      'ongegrond',
      'unfounded',
    ]);
  });

  it('layout: headings, paragraphs with their lines, lists; the text drops the heading marks', () => {
    const body = '# Kop\nregel een\nregel twee\n\n- een\n- twee\nna de lijst\n\n\n\nslot   ';
    expect(toBlocks(body)).toEqual([
      { type: 'heading', text: 'Kop' },
      { type: 'paragraph', lines: ['regel een', 'regel twee'] },
      { type: 'list', items: ['een', 'twee'] },
      { type: 'paragraph', lines: ['na de lijst'] },
      { type: 'paragraph', lines: ['slot'] },
    ]);
    expect(toPlainText(body)).toBe('Kop\nregel een\nregel twee\n\n- een\n- twee\nna de lijst\n\nslot');
  });
});
