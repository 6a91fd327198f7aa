/** The judgement form's fields: one text per question and part, named `trends_conclusions`, `trends_actions`, … */
import { type Conclusions, emptyConclusions, QUESTIONS, type Question } from '../../../analysis/judgement.ts';

export type ConclusionValues = Conclusions;

export const fieldName = (question: Question, part: 'conclusions' | 'actions') => `${question}_${part}`;

/** What was posted, as conclusions (missing fields are empty). */
export function conclusionsFrom(fields: Record<string, string | string[] | undefined>): Conclusions {
  const values = emptyConclusions();
  for (const question of QUESTIONS) {
    for (const part of ['conclusions', 'actions'] as const) {
      const value = fields[fieldName(question, part)];
      values[question][part] = typeof value === 'string' ? value : '';
    }
  }
  return values;
}

/** A domain error's field (`conclusions.trends.conclusions`) as the form's field name (`trends_conclusions`). */
export const formField = (field: string | undefined): string =>
  field?.startsWith('conclusions.')
    ? field.slice('conclusions.'.length).replace('.', '_')
    : (field ?? 'trends_conclusions');
