/** /staff/admin/settings: the sections of the organisation settings and every version, newest first. */
import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { AdminSettingsMessages } from '../../../../../i18n/staff/admin-settings.ts';
import { AdminLayout } from '../../components/AdminLayout.tsx';
import type { AdminPageContext } from '../../context.ts';
import type { HistoryRow } from '../../settings/history.ts';
import { SECTIONS } from '../../settings/sections.ts';
import { HistoryTable } from './HistoryTable.tsx';

export function SettingsIndexPage({
  ctx,
  s,
  version,
  history,
  names,
}: {
  ctx: AdminPageContext;
  s: AdminSettingsMessages;
  version: number;
  history: HistoryRow[];
  names: ReadonlyMap<string, string>;
}) {
  return (
    <AdminLayout ctx={ctx} title={s.title} crumbs={[]} intro={s.intro}>
      <Paragraph>{s.currentVersion(version)}</Paragraph>
      <nav aria-labelledby="sections-heading">
        <Heading level={2} id="sections-heading">
          {s.sectionsHeading}
        </Heading>
        <ul className="vp-admin-index">
          {SECTIONS.map((section) => (
            <li key={section.slug}>
              <a href={`/staff/admin/settings/${section.slug}`}>{s.sections[section.name].title}</a>
              <span className="vp-muted">{` – ${s.sections[section.name].intro}`}</span>
            </li>
          ))}
        </ul>
      </nav>
      <section className="vp-section" aria-labelledby="history-heading">
        <Heading level={2} id="history-heading">
          {s.history.heading}
        </Heading>
        <HistoryTable
          ctx={ctx}
          s={s}
          rows={history}
          names={names}
          caption={s.history.allCaption}
          showSections
        />
      </section>
    </AdminLayout>
  );
}
