/**
 * Step 8: "Loket3 beoordeelt of er trends zichtbaar zijn, of de corrigerende maatregel heeft geleid tot
 * tevredenheid, en of de preventieve maatregelen hebben geleid tot verbetering." The quality manager answers
 * each of the three questions with conclusions and actions; adopting the report needs a conclusion for each.
 */
import { DomainError } from '../domain/errors.ts';

export const QUESTIONS = ['trends', 'satisfaction', 'prevention'] as const;
export type Question = (typeof QUESTIONS)[number];

export interface Conclusion {
  conclusions: string;
  actions: string;
}

export type Conclusions = Record<Question, Conclusion>;

export const MAX_CONCLUSION_LENGTH = 5000;

export const emptyConclusions = (): Conclusions => ({
  trends: { conclusions: '', actions: '' },
  satisfaction: { conclusions: '', actions: '' },
  prevention: { conclusions: '', actions: '' },
});

const QUESTION_NAMES: Record<Question, { nl: string; en: string }> = {
  trends: { nl: 'trends', en: 'trends' },
  satisfaction: { nl: 'tevredenheid', en: 'satisfaction' },
  prevention: { nl: 'preventie', en: 'prevention' },
};

/**
 * The conclusions with surrounding white space trimmed. Too long a text is refused always; an empty conclusion
 * only when adopting (a draft may be incomplete). The error names the field, e.g. `conclusions.trends.conclusions`.
 */
export function normaliseConclusions(input: Conclusions, options: { forAdoption: boolean }): Conclusions {
  const result = emptyConclusions();
  for (const question of QUESTIONS) {
    for (const part of ['conclusions', 'actions'] as const) {
      const text = (input[question]?.[part] ?? '').replace(/\r\n?/g, '\n').trim();
      const field = `conclusions.${question}.${part}`;
      if (text.length > MAX_CONCLUSION_LENGTH) {
        throw new DomainError(
          'invalid_input',
          {
            nl: `Maak de tekst korter: ten hoogste ${MAX_CONCLUSION_LENGTH} tekens (${QUESTION_NAMES[question].nl}).`,
            en: `Make the text shorter: at most ${MAX_CONCLUSION_LENGTH} characters (${QUESTION_NAMES[question].en}).`,
          },
          { field },
        );
      }
      result[question][part] = text;
    }
    if (options.forAdoption && result[question].conclusions === '') {
      throw new DomainError(
        'invalid_input',
        {
          nl: `Schrijf een conclusie over ${QUESTION_NAMES[question].nl} voordat u de analyse vaststelt.`,
          en: `Write a conclusion on ${QUESTION_NAMES[question].en} before adopting the analysis.`,
        },
        { field: `conclusions.${question}.conclusions` },
      );
    }
  }
  return result;
}
