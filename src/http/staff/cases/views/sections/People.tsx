/**
 * Steps 1 and 2: the people the reporter mentioned and what each is linked to, the involved people (users
 * and third parties with their contact details), who delivered the service, and the neutral handler with
 * name and job title, and every handler before, with the reason for each change.
 */
import { Link, Paragraph, TableBody, TableCell, TableRow } from '@utrecht/component-library-react';
import { actionSlug } from '../../../../pages/follow-up-actions.ts';
import { type CaseViewProps, casePath } from '../case-view.ts';
import { Facts, Muted, Section, SubHeading, TableBox, TableHead, when } from '../ui.tsx';

export function People(props: CaseViewProps) {
  const { t, c, offered } = props;
  const p = t.people;
  const personName = (id: string) => c.involved.find((x) => x.id === id)?.name ?? id;
  return (
    <Section id="people" title={p.heading}>
      <SubHeading>{p.mentions}</SubHeading>
      {c.mentions.length === 0 ? (
        <Muted>{p.noMentions}</Muted>
      ) : (
        <TableBox id="mentions-table" caption={p.mentions} hiddenCaption>
          <TableHead columns={[p.mention, p.linkedTo]} />
          <TableBody>
            {c.mentions.map((m) => (
              <TableRow key={m.id}>
                <TableCell>{m.name}</TableCell>
                <TableCell>
                  {m.linkedTo === null ? (
                    offered.has('linkMention') ? (
                      <Link
                        href={casePath(
                          c.reference,
                          `/actions/${actionSlug('linkMention')}?mention=${encodeURIComponent(m.id)}`,
                        )}
                      >
                        {`${p.notLinked}: ${props.ctx.t.actions.linkMention}`}
                      </Link>
                    ) : (
                      p.notLinked
                    )
                  ) : m.linkedTo === 'nobody' ? (
                    p.nobody
                  ) : (
                    personName(m.linkedTo.involvedPersonId)
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableBox>
      )}
      <SubHeading>{p.involved}</SubHeading>
      {c.involved.length === 0 ? (
        <Muted>{p.noInvolved}</Muted>
      ) : (
        <TableBox id="involved-table" caption={p.involved} hiddenCaption>
          <TableHead columns={[t.handler.name, p.kind, p.contact]} />
          <TableBody>
            {c.involved.map((person) => {
              const user = person.kind === 'user' ? props.users.get(person.userId) : undefined;
              return (
                <TableRow key={person.id}>
                  <TableCell>
                    {person.name}
                    {c.serviceProvidedBy === person.id && <strong>{` (${p.serviceProvider})`}</strong>}
                  </TableCell>
                  <TableCell>
                    {person.kind === 'user'
                      ? `${p.user}${user ? `, ${user.jobTitle}` : ''}`
                      : `${p.thirdParty}${person.organisation ? `, ${person.organisation}` : ''}`}
                  </TableCell>
                  <TableCell className="vp-text">
                    {person.kind === 'user'
                      ? (user?.email ?? '')
                      : [person.email, person.postalAddress].filter(Boolean).join('\n')}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </TableBox>
      )}
      <Facts
        t={t}
        rows={[[p.serviceProvidedBy, c.serviceProvidedBy ? personName(c.serviceProvidedBy) : null]]}
      />
    </Section>
  );
}

export function Handler(props: CaseViewProps) {
  const { ctx, t, c, kase } = props;
  const h = t.handler;
  return (
    <Section id="handler" title={h.heading}>
      {c.handler ? (
        <Facts
          t={t}
          rows={[
            [h.name, c.handler.name],
            [h.jobTitle, c.handler.jobTitle],
            [h.assignedAt, when(ctx, c.handler.assignedAt)],
          ]}
        />
      ) : (
        <Paragraph>{h.none}</Paragraph>
      )}
      {kase.view === 'full' && c.handlerHistory.length > 0 && (
        <TableBox id="handler-history" caption={h.history}>
          <TableHead columns={[h.name, h.jobTitle, h.assignedAt, h.reason]} />
          <TableBody>
            {c.handlerHistory.map((entry) => (
              <TableRow key={`${entry.userId}-${entry.assignedAt}`}>
                <TableCell>{entry.name}</TableCell>
                <TableCell>{entry.jobTitle}</TableCell>
                <TableCell>{when(ctx, entry.assignedAt)}</TableCell>
                <TableCell className="vp-text">{entry.reason ?? h.first}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </TableBox>
      )}
    </Section>
  );
}
