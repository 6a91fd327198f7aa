/** My account: who I am here (name, email, job title, roles), and signing out everywhere. */
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { User } from '../../../db/repositories/users.ts';
import { StaffLayout } from '../components/StaffLayout.tsx';
import type { StaffPageContext } from '../context.ts';

export interface AccountPageProps {
  ctx: StaffPageContext;
  user: User;
  /** Sections other parts of the account add (second factor, sessions, API tokens). */
  children?: ReactNode;
}

export function AccountPage({ ctx, user, children }: AccountPageProps) {
  const { t } = ctx;
  const a = t.account;
  return (
    <StaffLayout ctx={ctx} title={a.title}>
      <Heading level={1}>{a.title}</Heading>
      <DataList>
        <DataListItem>
          <DataListKey>{a.name}</DataListKey>
          <DataListValue>{user.name}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{a.email}</DataListKey>
          <DataListValue>{user.email}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{a.jobTitle}</DataListKey>
          <DataListValue>{user.jobTitle}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{a.roles}</DataListKey>
          <DataListValue>
            {user.roles.length ? user.roles.map((r) => t.roles[r]).join(', ') : a.noRoles}
          </DataListValue>
        </DataListItem>
      </DataList>
      {children}
      <section className="vp-section" aria-labelledby="sign-out-everywhere-heading">
        <Heading level={2} id="sign-out-everywhere-heading">
          {a.signOutEverywhere.heading}
        </Heading>
        <Paragraph>{a.signOutEverywhere.text}</Paragraph>
        <form method="post" action="/staff/sign-out-everywhere">
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <Button type="submit" appearance="secondary-action-button">
            {a.signOutEverywhere.submit}
          </Button>
        </form>
      </section>
    </StaffLayout>
  );
}
