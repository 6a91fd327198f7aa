/**
 * The involved person's own part of step 4: the handler's summary of their reaction, the version they
 * agreed to, a button to agree to this version, and a comment to the handler when they do not agree.
 */
import { Button } from '@utrecht/component-library-react';
import { isReactionAgreed } from '../../../../../domain/complaint.ts';
import { TextareaField } from '../../../../pages/components/TextareaField.tsx';
import { actionSlug } from '../../../../pages/follow-up-actions.ts';
import type { FieldError } from '../../../../pages/validate.ts';
import { type CaseViewProps, casePath } from '../case-view.ts';
import { ActionButton, Muted, Section, SubHeading } from '../ui.tsx';
import { Comments, ReactionText } from './Handling.tsx';

export interface CommentFormState {
  errors: FieldError[];
  values: Record<string, string>;
}

export function OwnReaction(props: CaseViewProps & { comment?: CommentFormState | undefined }) {
  const { ctx, t, ta, c, kase, offered, comments } = props;
  const r = t.reactions;
  const reaction = c.reactions.find((x) => kase.relation.involvedPersonIds.includes(x.involvedPersonId));
  const investigating = c.status === 'investigating';
  return (
    <Section id="own-reaction" title={r.own}>
      {!reaction ? (
        <Muted>{r.noneOwn}</Muted>
      ) : (
        <>
          <ReactionText ctx={ctx} t={t} reaction={reaction} />
          {offered.has('agreeReaction') && !isReactionAgreed(reaction) && (
            <ActionButton
              ctx={ctx}
              href={casePath(c.reference, `/actions/${actionSlug('agreeReaction')}`)}
              version={c.version}
              fields={{
                involvedPersonId: reaction.involvedPersonId,
                version: String(reaction.summaryVersion),
              }}
              label={ta.agreeReaction.submit}
            />
          )}
          <Comments ctx={ctx} t={t} comments={comments} />
          {investigating && (
            <form method="post" action={casePath(c.reference, '/comment')} noValidate className="vp-panel">
              <SubHeading>{ta.comment.heading}</SubHeading>
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="caseVersion" value={String(c.version)} />
              <input type="hidden" name="involvedPersonId" value={reaction.involvedPersonId} />
              <TextareaField
                name="text"
                label={ta.comment.comment}
                hint={ta.comment.commentHint}
                value={props.comment?.values.text ?? ''}
                error={props.comment?.errors.find((e) => e.field === 'text')?.message}
                errorPrefix={ctx.t.form.errorPrefix}
                maxLength={4000}
                rows={4}
              />
              <Button type="submit" appearance="secondary-action-button">
                {ta.comment.submit}
              </Button>
            </form>
          )}
        </>
      )}
    </Section>
  );
}
