/** /staff/admin/letters: every letter per kind and language, with the version in force and its last change. */
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { StoredTemplate } from '../../../../letters/template-store.ts';
import { formatDateTime } from '../../../pages/dates.ts';
import { AdminLayout } from '../components/AdminLayout.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import type { AdminPageContext } from '../context.ts';

export function LettersPage({
  ctx,
  templates,
  names,
}: {
  ctx: AdminPageContext;
  templates: StoredTemplate[];
  names: ReadonlyMap<string, string>;
}) {
  const { a } = ctx;
  const l = a.letters;
  return (
    <AdminLayout ctx={ctx} title={l.title} crumbs={[]} intro={l.intro}>
      <TableWrap labelledBy="letters-caption">
        <Table>
          <TableCaption id="letters-caption">{l.caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{l.columns.kind}</TableHeaderCell>
              <TableHeaderCell scope="col">{l.columns.language}</TableHeaderCell>
              <TableHeaderCell scope="col">{l.columns.version}</TableHeaderCell>
              <TableHeaderCell scope="col">{l.columns.changed}</TableHeaderCell>
              <TableHeaderCell scope="col">{l.columns.action}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {templates.map((template) => {
              const kind = l.kinds[template.kind];
              const language = l.languages[template.language];
              return (
                <TableRow key={`${template.kind}/${template.language}`}>
                  <TableHeaderCell scope="row">{kind}</TableHeaderCell>
                  <TableCell>{language}</TableCell>
                  <TableCell>{template.version === 0 ? l.builtIn : String(template.version)}</TableCell>
                  <TableCell>
                    {template.changedAt
                      ? `${formatDateTime(ctx.t, template.changedAt)}, ${
                          (template.changedBy && names.get(template.changedBy)) ?? a.common.unknownUser
                        }`
                      : '–'}
                  </TableCell>
                  <TableCell>
                    <a
                      href={`/staff/admin/letters/${template.kind}/${template.language}`}
                      aria-label={l.edit(kind, language)}
                    >
                      {l.editShort}
                    </a>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableWrap>
    </AdminLayout>
  );
}
