/** Every section of the organisation settings, in the order the settings page lists them. */
import type { AdminSettingsMessages } from '../../../../i18n/staff/admin-settings.ts';
import { type ListSpec, listSection } from './lists.ts';
import { scalarSection } from './scalar.ts';
import type { SectionDef } from './types.ts';

const coded = (
  slug: string,
  name: ListSpec['name'],
  key: 'categories' | 'teams' | 'nonAdmissionGrounds',
  atLeastOne: boolean,
): SectionDef =>
  listSection({
    slug,
    name,
    key,
    atLeastOne,
    counted: true,
    columns: [
      { field: 'code', path: 'code', kind: 'text', fixed: true, required: true },
      { field: 'nl', path: 'label.nl', kind: 'text', required: true },
      { field: 'en', path: 'label.en', kind: 'text', required: true },
    ],
    incomplete: (s) => s.errors.newIncomplete,
    itemLabel: (s, item) => s.list.item(String(item.code)),
    columnLabel: (s, field) =>
      ({ code: s.list.code, nl: s.list.labelNl, en: s.list.labelEn })[field] ?? field,
  });

const appealColumnLabel = (s: AdminSettingsMessages, field: string): string =>
  ({
    order: s.appeal.order,
    code: s.list.code,
    nl: s.list.labelNl,
    en: s.list.labelEn,
    onlyFor: s.appeal.onlyFor,
    contact: s.appeal.contact,
    url: s.appeal.url,
  })[field] ?? field;

export const SECTIONS: readonly SectionDef[] = [
  scalarSection('organisation', 'organisation', [
    { field: 'name', path: 'name', kind: 'text', label: 'name' },
    { field: 'street', path: 'address.street', kind: 'text', label: 'street' },
    { field: 'postalCode', path: 'address.postalCode', kind: 'text', label: 'postalCode' },
    { field: 'city', path: 'address.city', kind: 'text', label: 'city' },
    { field: 'country', path: 'address.country', kind: 'text', label: 'country' },
    { field: 'email', path: 'email', kind: 'email', label: 'email' },
    { field: 'phone', path: 'phone', kind: 'text', label: 'phone' },
    { field: 'website', path: 'website', kind: 'url', label: 'website', hint: 'websiteHint' },
    {
      field: 'privacyStatementUrl',
      path: 'privacyStatementUrl',
      kind: 'url',
      label: 'privacyStatementUrl',
      hint: 'websiteHint',
    },
  ]),
  scalarSection('branding', 'branding', [
    {
      field: 'primaryColor',
      path: 'branding.primaryColor',
      kind: 'text',
      label: 'primaryColor',
      hint: 'primaryColorHint',
    },
    { field: 'logoUrl', path: 'branding.logoUrl', kind: 'nullable', label: 'logoUrl', hint: 'logoUrlHint' },
  ]),
  scalarSection('terms', 'terms', [
    {
      field: 'acknowledgeWorkingDays',
      path: 'terms.acknowledgeWorkingDays',
      kind: 'integer',
      label: 'acknowledgeWorkingDays',
    },
    {
      field: 'resolveWorkingDays',
      path: 'terms.resolveWorkingDays',
      kind: 'integer',
      label: 'resolveWorkingDays',
      hint: 'resolveWorkingDaysHint',
    },
    {
      field: 'reportWorkingDays',
      path: 'terms.reportWorkingDays',
      kind: 'integer',
      label: 'reportWorkingDays',
    },
    {
      field: 'extensionAllowed',
      path: 'terms.extension.allowed',
      kind: 'boolean',
      label: 'extensionAllowed',
      hint: 'extensionAllowedHint',
    },
    {
      field: 'extensionMaxWorkingDays',
      path: 'terms.extension.maxWorkingDays',
      kind: 'integer',
      label: 'extensionMaxWorkingDays',
    },
  ]),
  scalarSection('calendar', 'calendar', [
    {
      field: 'followEquatedDays',
      path: 'calendar.followEquatedDays',
      kind: 'boolean',
      label: 'followEquatedDays',
      hint: 'followEquatedDaysHint',
    },
    {
      field: 'equatedDays',
      path: 'calendar.equatedDays',
      kind: 'dates',
      label: 'equatedDays',
      hint: 'datesHint',
    },
    {
      field: 'closingDays',
      path: 'calendar.closingDays',
      kind: 'dates',
      label: 'closingDays',
      hint: 'datesHint',
    },
  ]),
  coded('categories', 'categories', 'categories', true),
  coded('teams', 'teams', 'teams', false),
  coded('grounds', 'grounds', 'nonAdmissionGrounds', true),
  listSection({
    slug: 'appeal-routes',
    name: 'appealRoutes',
    key: 'appealRoutes',
    atLeastOne: true,
    sortBy: 'order',
    columns: [
      { field: 'code', path: 'code', kind: 'text', fixed: true, required: true },
      { field: 'order', path: 'order', kind: 'integer', required: true },
      { field: 'nl', path: 'label.nl', kind: 'text', required: true },
      { field: 'en', path: 'label.en', kind: 'text', required: true },
      { field: 'onlyFor', path: 'onlyFor', kind: 'partyType' },
      { field: 'contact', path: 'contact', kind: 'optional' },
      { field: 'url', path: 'url', kind: 'optional' },
    ],
    incomplete: (s) => s.errors.newAppealIncomplete,
    itemLabel: (s, item) => s.appeal.item(String(item.code)),
    columnLabel: appealColumnLabel,
  }),
  listSection({
    slug: 'advocacy-bodies',
    name: 'advocacyBodies',
    key: 'advocacyBodies',
    columns: [
      { field: 'name', path: 'name', kind: 'text', required: true },
      { field: 'nl', path: 'description.nl', kind: 'text', required: true },
      { field: 'en', path: 'description.en', kind: 'text', required: true },
      { field: 'url', path: 'url', kind: 'optional' },
    ],
    incomplete: (s) => s.errors.newAdvocacyIncomplete,
    itemLabel: (s, item) => s.advocacy.item(String(item.name)),
    columnLabel: (s, field) =>
      ({
        name: s.advocacy.name,
        nl: s.advocacy.descriptionNl,
        en: s.advocacy.descriptionEn,
        url: s.advocacy.url,
      })[field] ?? field,
  }),
  scalarSection('deputy', 'deputy', [
    {
      field: 'deputyQualityManagerEmail',
      path: 'deputyQualityManagerEmail',
      kind: 'user',
      label: 'deputyQualityManagerEmail',
      hint: 'deputyHint',
    },
  ]),
  scalarSection('follow-up', 'followUp', [
    {
      field: 'followUpLinkDaysAfterClosing',
      path: 'followUpLinkDaysAfterClosing',
      kind: 'integer',
      label: 'followUpLinkDaysAfterClosing',
    },
  ]),
  scalarSection('retention', 'retention', [
    {
      field: 'complaintYearsAfterClosing',
      path: 'retention.complaintYearsAfterClosing',
      kind: 'integer',
      label: 'complaintYearsAfterClosing',
    },
    { field: 'auditLogYears', path: 'retention.auditLogYears', kind: 'integer', label: 'auditLogYears' },
  ]),
  scalarSection('privacy-statement', 'privacyStatement', [
    {
      field: 'privacyStatementNl',
      path: 'privacyStatement.nl',
      kind: 'longtext',
      label: 'privacyStatementNl',
      hint: 'privacyStatementHint',
    },
    {
      field: 'privacyStatementEn',
      path: 'privacyStatement.en',
      kind: 'longtext',
      label: 'privacyStatementEn',
      hint: 'privacyStatementHint',
    },
  ]),
  scalarSection('security', 'security', [
    {
      field: 'twoFactorRequiredForRoles',
      path: 'security.twoFactorRequiredForRoles',
      kind: 'roles',
      label: 'twoFactorRequiredForRoles',
      hint: 'twoFactorHint',
    },
    {
      field: 'sessionIdleMinutes',
      path: 'security.sessionIdleMinutes',
      kind: 'integer',
      label: 'sessionIdleMinutes',
    },
    { field: 'sessionMaxHours', path: 'security.sessionMaxHours', kind: 'integer', label: 'sessionMaxHours' },
  ]),
];

export const sectionBySlug = (slug: string): SectionDef | undefined => SECTIONS.find((s) => s.slug === slug);
