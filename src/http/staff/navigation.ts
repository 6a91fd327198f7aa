/** The main menu of the staff workspace: each item with who sees it (the server checks again on every page). */
import type { Role } from '../../domain/action-context.ts';
import { mayRegister, maySeeAllCases } from '../../domain/policy.ts';
import type { StaffMessages } from '../../i18n/staff/common.ts';

export type NavKey = keyof StaffMessages['layout']['nav'];

export const STAFF_NAV: readonly { key: NavKey; href: string; visible: (roles: Role[]) => boolean }[] = [
  { key: 'dashboard', href: '/staff', visible: () => true },
  {
    key: 'register',
    href: '/staff/complaints/new',
    visible: (roles) => mayRegister({ userId: null, name: '', roles }),
  },
  {
    key: 'spotRecords',
    href: '/staff/spot-records',
    visible: (roles) => mayRegister({ userId: null, name: '', roles }),
  },
  {
    key: 'analysis',
    href: '/staff/analysis',
    visible: (roles) => maySeeAllCases({ userId: null, name: '', roles }),
  },
  { key: 'admin', href: '/staff/admin', visible: (roles) => roles.includes('administrator') },
];
