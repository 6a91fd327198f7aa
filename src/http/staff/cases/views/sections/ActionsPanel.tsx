/**
 * The actions this user may take now: exactly what the policy offers (actionsOffered), each a link to its
 * form. What is not offered is not shown; the server refuses it anyway.
 */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ActionName } from '../../../../../domain/lifecycle.ts';
import { actionSlug } from '../../../../pages/follow-up-actions.ts';
import { type CaseViewProps, casePath } from '../case-view.ts';

export function ActionsPanel({ ctx, t, c, offered }: Pick<CaseViewProps, 'ctx' | 't' | 'c' | 'offered'>) {
  const actions = [...offered] as ActionName[];
  return (
    <nav className="vp-panel vp-case-actions" aria-labelledby="actions-heading" id="actions">
      <Heading level={2} id="actions-heading">
        {t.actions.heading}
      </Heading>
      {actions.length === 0 ? (
        <Paragraph>{t.actions.none}</Paragraph>
      ) : (
        <ul className="vp-action-list">
          {actions.map((action) => (
            <li key={action} data-action={action}>
              <a className="utrecht-link" href={casePath(c.reference, `/actions/${actionSlug(action)}`)}>
                {ctx.t.actions[action]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
