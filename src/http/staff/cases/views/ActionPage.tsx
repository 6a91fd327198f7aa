/**
 * GET/POST /staff/complaints/<reference>/actions/<action>: one action's form. It says what will happen and
 * which letter goes out, posts with the case's version (409 if the case moved on meanwhile), and after
 * invalid input comes back with an error summary, each message at its field and everything typed kept.
 */
import {
  Button,
  Heading,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { amsterdamDateOf } from '../../../../domain/calendar.ts';
import { deadlineOverview } from '../../../../domain/deadlines.ts';
import { ErrorSummary } from '../../../pages/components/ErrorSummary.tsx';
import { actionSlug } from '../../../pages/follow-up-actions.ts';
import type { FormLimits } from '../../../pages/form-data.ts';
import type { FieldError } from '../../../pages/validate.ts';
import { StaffLayout } from '../../components/StaffLayout.tsx';
import type { StaffPageContext } from '../../context.ts';
import type { ActionForm, FieldSpec, FormEnv, Values } from '../forms/types.ts';
import { casePath } from './case-view.ts';
import { FormFields } from './FormFields.tsx';
import { day, Light, termsOf } from './ui.tsx';

export interface ActionPageProps {
  ctx: StaffPageContext;
  env: FormEnv;
  form: ActionForm;
  values: Values;
  errors: FieldError[];
  /** A rule of the regulation that no field can show, in its own words. */
  formMessage?: string | undefined;
  /** The letters this action sends, in words. */
  letters: string[];
  /** Users who cannot be chosen, with why (the handler's neutrality, step 2). */
  notEligible?: { name: string; why: string[] }[] | undefined;
  limits: FormLimits;
}

/** The terms of the case in one line, each with its traffic light, and the reason of an extension. */
function DeadlineLine({ ctx, env }: { ctx: StaffPageContext; env: FormEnv }) {
  const { complaint } = env;
  const overview = deadlineOverview(complaint, amsterdamDateOf(ctx.now.toISOString()), env.calendar);
  const terms = termsOf(overview);
  return (
    <>
      <ul className="vp-inline-list" aria-label={env.page.deadlines.heading}>
        {terms.map(([term, { due, state }]) => (
          <li key={term}>
            {`${ctx.t.deadlines[term]} ${ctx.t.deadlines.due(day(ctx, due) ?? '')} `}
            <Light state={state} label={ctx.t.deadlines.states[state]} />
          </li>
        ))}
      </ul>
      {complaint.extension && (
        <Paragraph className="vp-text">
          {`${env.page.deadlines.extended(complaint.extension.workingDays, day(ctx, complaint.extension.previousResolveBy) ?? '')} ${complaint.extension.reason}`}
        </Paragraph>
      )}
    </>
  );
}

/** The summary names each field ("Motivering: Dit veld mag niet leeg zijn."); at the field the label already does. */
function namedErrors(fields: FieldSpec[], errors: FieldError[]): FieldError[] {
  const labels = new Map<string, string>();
  const collect = (list: FieldSpec[], legend: string | null) => {
    for (const f of list) {
      if (f.kind === 'group') collect(f.fields, f.legend);
      else labels.set(f.name, legend ? `${legend}, ${f.label.toLowerCase()}` : f.label);
    }
  };
  collect(fields, null);
  return errors.map((e) => {
    const label = labels.get(e.field);
    return label ? { ...e, message: `${label}: ${e.message}` } : e;
  });
}

export function ActionPage({
  ctx,
  env,
  form,
  values,
  errors,
  formMessage,
  letters,
  notEligible,
  limits,
}: ActionPageProps) {
  const { complaint } = env;
  const name = ctx.t.actions[form.name];
  const title = `${name} – ${complaint.reference}`;
  const unavailable = form.unavailable?.(env) ?? null;
  const fields = form.fields(env);
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Paragraph className="vp-muted">
        <Link href={casePath(complaint.reference)}>{`${env.t.form.back} ${complaint.reference}`}</Link>
      </Paragraph>
      <Heading level={1}>{name}</Heading>
      <Paragraph>{`${env.page.page.title(complaint.reference)} · ${env.page.page.status}: ${ctx.t.statuses[complaint.status]}`}</Paragraph>
      <DeadlineLine ctx={ctx} env={env} />
      {(errors.length > 0 || formMessage) && (
        <ErrorSummary
          heading={ctx.t.form.errorSummaryHeading}
          errors={namedErrors(fields, errors)}
          intro={formMessage}
        />
      )}
      {(form.intro?.(env) ?? []).map((text) => (
        <Paragraph key={text} className="vp-text">
          {text}
        </Paragraph>
      ))}
      {letters.length > 0 && <Paragraph>{env.t.form.letterGoes(letters.join('; '))}</Paragraph>}
      {notEligible && notEligible.length > 0 && (
        <div className="vp-panel">
          <Heading level={2}>{env.t.assignHandler.notEligible}</Heading>
          <UnorderedList>
            {notEligible.map((u) => (
              <UnorderedListItem key={u.name}>{`${u.name}: ${u.why.join(', ')}`}</UnorderedListItem>
            ))}
          </UnorderedList>
        </div>
      )}
      {unavailable ? (
        <Paragraph>{unavailable}</Paragraph>
      ) : (
        <form
          method="post"
          action={casePath(complaint.reference, `/actions/${actionSlug(form.name)}`)}
          encType={form.multipart ? 'multipart/form-data' : undefined}
          noValidate
        >
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="caseVersion" value={values.caseVersion ?? String(complaint.version)} />
          <FormFields
            fields={fields}
            values={values}
            errors={errors}
            common={ctx.t}
            chooseEmpty={env.t.form.chooseEmpty}
            limits={limits}
          />
          <div className="vp-button-row">
            <Button type="submit" appearance="primary-action-button">
              {form.submit?.(env) ?? name}
            </Button>
            <Link href={casePath(complaint.reference)}>{ctx.t.form.cancel}</Link>
          </div>
        </form>
      )}
    </StaffLayout>
  );
}
