/**
 * A form for each action the reporter may take now. Each posts with its CSRF token to
 * `/follow-up/<token>/<action>` and comes back here (303) with `?done=<action>`. After a failed post, only
 * that action's form shows the errors and what was typed.
 */
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { CheckboxField } from '../../components/CheckboxField.tsx';
import { FileField } from '../../components/FileField.tsx';
import { RadioGroup } from '../../components/RadioGroup.tsx';
import { TextareaField } from '../../components/TextareaField.tsx';
import { actionSlug, type ReporterAction } from '../../follow-up-actions.ts';
import { attachmentRules } from '../../uploads.ts';
import type { ActionFormState } from './types.ts';

interface FormProps {
  state: ActionFormState;
  action: string;
  multipart?: boolean;
  children: ReactNode;
}

function ActionForm({ state, action, multipart, children }: FormProps) {
  const slug = actionSlug(action);
  return (
    <section className="vp-section" aria-labelledby={`${slug}-heading`} id={`action-${slug}`}>
      <form
        method="post"
        action={`/follow-up/${state.token}/${slug}`}
        encType={multipart ? 'multipart/form-data' : undefined}
        noValidate
      >
        <input type="hidden" name="_csrf" value={state.csrfToken} />
        {children}
      </form>
    </section>
  );
}

export interface ActionFormsProps {
  state: ActionFormState;
  limits: { attachmentMaxBytes: number; attachmentsMaxTotalBytes: number };
}

export function ActionForms({ state, limits }: ActionFormsProps) {
  const { ctx, view } = state;
  const { t } = ctx;
  const f = t.followUp;
  const prefix = t.form.errorTitlePrefix;
  // Only the form that was posted shows errors and what was typed.
  const errorOf = (action: ReporterAction, field: string) =>
    state.failed === action ? state.errors.find((e) => e.field === field)?.message : undefined;
  const typedValue = (action: ReporterAction, field: string) =>
    state.failed === action ? (state.values[field] ?? '') : '';
  const allowed = new Set(view.allowedActions);
  const forms: ReactNode[] = [];

  // Two forms, one per answer, each with its own reaction field: the one without a mouse finds both.
  for (const action of ['recordOfferAccepted', 'recordOfferRejected'] as const) {
    if (!allowed.has(action)) continue;
    const accepted = action === 'recordOfferAccepted';
    const idName = accepted ? 'reaction' : 'reaction-rejected';
    forms.push(
      <ActionForm key={action} state={state} action={action}>
        <Heading level={3} id={`${actionSlug(action)}-heading`}>
          {accepted ? f.offerReaction.accept : f.offerReaction.reject}
        </Heading>
        <TextareaField
          name="reaction"
          idName={idName}
          label={f.offerReaction.reaction.label}
          value={typedValue(action, 'reaction')}
          error={errorOf(action, idName)}
          errorPrefix={prefix}
          maxLength={4000}
          rows={3}
        />
        <Button type="submit" appearance={accepted ? 'primary-action-button' : 'secondary-action-button'}>
          {accepted ? f.offerReaction.submitAccept : f.offerReaction.submitReject}
        </Button>
      </ActionForm>,
    );
  }

  if (allowed.has('addInformation')) {
    forms.push(
      <ActionForm key="add" state={state} action="addInformation" multipart>
        <Heading level={3} id="add-information-heading">
          {f.addInformation.heading}
        </Heading>
        <TextareaField
          name="text"
          label={f.addInformation.text.label}
          value={typedValue('addInformation', 'text')}
          error={errorOf('addInformation', 'text')}
          errorPrefix={prefix}
          required
          maxLength={10_000}
          rows={5}
        />
        <FileField
          name="attachments"
          label={f.addInformation.attachments.label}
          hint={t.form.fields.attachments.hint(attachmentRules(t, limits))}
          error={errorOf('addInformation', 'attachments')}
          errorPrefix={prefix}
        />
        <Button type="submit" appearance="primary-action-button">
          {f.addInformation.submit}
        </Button>
      </ActionForm>,
    );
  }

  if (allowed.has('requestHearing') && !view.hearingRequested) {
    forms.push(
      <ActionForm key="hearing" state={state} action="requestHearing">
        <Heading level={3} id="request-hearing-heading">
          {f.requestHearing.heading}
        </Heading>
        <Paragraph>{f.requestHearing.intro}</Paragraph>
        <Button type="submit" appearance="secondary-action-button">
          {f.requestHearing.submit}
        </Button>
      </ActionForm>,
    );
  }

  if (allowed.has('answerSurvey') && !view.survey) {
    const s = f.survey;
    forms.push(
      <ActionForm key="survey" state={state} action="answerSurvey">
        <Heading level={3} id="answer-survey-heading">
          {s.heading}
        </Heading>
        <Paragraph>{s.intro}</Paragraph>
        <RadioGroup
          name="handledWell"
          legend={s.handledWell.legend}
          value={typedValue('answerSurvey', 'handledWell')}
          error={errorOf('answerSurvey', 'handledWell')}
          errorPrefix={prefix}
          options={(['yes', 'partly', 'no'] as const).map((v) => ({ value: v, label: s.handledWell[v] }))}
        />
        <RadioGroup
          name="onTime"
          legend={s.onTime.legend}
          value={typedValue('answerSurvey', 'onTime')}
          error={errorOf('answerSurvey', 'onTime')}
          errorPrefix={prefix}
          options={(['yes', 'no', 'unknown'] as const).map((v) => ({ value: v, label: s.onTime[v] }))}
        />
        <TextareaField
          name="comment"
          label={s.comment.label}
          value={typedValue('answerSurvey', 'comment')}
          error={errorOf('answerSurvey', 'comment')}
          errorPrefix={prefix}
          maxLength={4000}
          rows={3}
        />
        <Button type="submit" appearance="primary-action-button">
          {s.submit}
        </Button>
      </ActionForm>,
    );
  }

  if (allowed.has('withdraw')) {
    forms.push(
      <ActionForm key="withdraw" state={state} action="withdraw">
        <Heading level={3} id="withdraw-heading">
          {f.withdraw.heading}
        </Heading>
        <Paragraph>{f.withdraw.intro}</Paragraph>
        <TextareaField
          name="reason"
          label={f.withdraw.reason.label}
          value={typedValue('withdraw', 'reason')}
          error={errorOf('withdraw', 'reason')}
          errorPrefix={prefix}
          maxLength={2000}
          rows={3}
        />
        <CheckboxField
          name="confirm"
          label={f.withdraw.confirm.label}
          checked={Boolean(typedValue('withdraw', 'confirm'))}
          error={errorOf('withdraw', 'confirm')}
          errorPrefix={prefix}
        />
        <Button type="submit" appearance="secondary-action-button">
          {f.withdraw.submit}
        </Button>
      </ActionForm>,
    );
  }

  return (
    <section aria-labelledby="actions-heading">
      <Heading level={2} id="actions-heading">
        {f.actionsHeading}
      </Heading>
      {forms.length > 0 ? forms : <Paragraph>{f.noActions}</Paragraph>}
    </section>
  );
}
