import type { presentForReporter } from '../../../api/presenters.ts';
import type { PageContext } from '../../context.ts';
import type { ReporterAction } from '../../follow-up-actions.ts';
import type { FieldError } from '../../validate.ts';

/** What the follow-up page shows of a complaint: exactly the API's reporter view. */
export type ReporterView = ReturnType<typeof presentForReporter>;

/** The state of the action forms: after a failed post, its errors and what was typed. */
export interface ActionFormState {
  ctx: PageContext;
  view: ReporterView;
  token: string;
  csrfToken: string;
  /** The action whose post failed: its form shows the errors and what was typed. */
  failed?: ReporterAction | undefined;
  errors: FieldError[];
  values: Record<string, string>;
}
