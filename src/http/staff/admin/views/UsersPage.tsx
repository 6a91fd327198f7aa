/** /staff/admin/users: every user with roles, whether active, second factor, lock and last sign-in. */
import {
  ButtonLink,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { UserOverview } from '../../../../db/repositories/admin.ts';
import { formatDateTime } from '../../../pages/dates.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import type { AdminPageContext } from '../context.ts';

export function isLocked(user: { lockedUntil: string | null }, now: Date): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime();
}

export function UsersPage({ ctx, users }: { ctx: AdminPageContext; users: UserOverview[] }) {
  const { a, t } = ctx;
  const u = a.users;
  return (
    <AdminLayout ctx={ctx} title={u.title} crumbs={[]} intro={u.intro}>
      <Paragraph>
        <ButtonLink href="/staff/admin/users/new" appearance="primary-action-button">
          {u.newUser}
        </ButtonLink>
      </Paragraph>
      <TableWrap labelledBy="users-caption">
        <Table>
          <TableCaption id="users-caption">{`${u.caption} (${u.count(users.length)})`}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{u.columns.name}</TableHeaderCell>
              <TableHeaderCell scope="col">{u.columns.email}</TableHeaderCell>
              <TableHeaderCell scope="col">{u.columns.jobTitle}</TableHeaderCell>
              <TableHeaderCell scope="col">{u.columns.roles}</TableHeaderCell>
              <TableHeaderCell scope="col">{u.columns.active}</TableHeaderCell>
              <TableHeaderCell scope="col">{u.columns.secondFactor}</TableHeaderCell>
              <TableHeaderCell scope="col">{u.columns.locked}</TableHeaderCell>
              <TableHeaderCell scope="col">{u.columns.lastSignIn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((user) => (
              <TableRow key={user.id}>
                <TableHeaderCell scope="row">
                  <a href={`/staff/admin/users/${user.id}`}>{user.name}</a>
                </TableHeaderCell>
                <TableCell className="vp-break">{user.email}</TableCell>
                <TableCell>{user.jobTitle}</TableCell>
                <TableCell>
                  {user.roles.length ? user.roles.map((r) => t.roles[r]).join(', ') : u.noRoles}
                </TableCell>
                <TableCell>{user.active ? u.active : u.inactive}</TableCell>
                <TableCell>{user.secondFactor ? u.secondFactorOn : u.secondFactorOff}</TableCell>
                <TableCell>
                  {isLocked(user, ctx.now) && user.lockedUntil
                    ? u.lockedUntil(formatDateTime(t, user.lockedUntil))
                    : u.notLocked}
                </TableCell>
                <TableCell>
                  {user.lastSignInAt ? formatDateTime(t, user.lastSignInAt) : a.common.never}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableWrap>
    </AdminLayout>
  );
}
