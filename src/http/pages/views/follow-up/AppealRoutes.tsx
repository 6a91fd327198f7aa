/**
 * Step 9 in the regulation's order: the commissioning party of this trajectory with its contact (and, for UWV
 * trajectories, the UWV complaints office), then "in derde instantie" the Nationale Ombudsman or the
 * municipal ombudsman; beside them the advocacy bodies from the settings.
 */
import {
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { ExternalLink } from '../../components/ExternalLink.tsx';
import type { PageContext } from '../../context.ts';
import type { ReporterView } from './types.ts';

type Route = ReporterView['appealRoutes'][number];

const THIRD_INSTANCE = 3;

export function AppealRoutes({ ctx, view }: { ctx: PageContext; view: ReporterView }) {
  const { t, locale } = ctx;
  const a = t.followUp.appeal;
  const label = (text: { nl: string; en: string }) => (locale === 'nl' ? text.nl : text.en);
  const first = view.appealRoutes.filter((r) => r.order < THIRD_INSTANCE);
  const third = view.appealRoutes.filter((r) => r.order >= THIRD_INSTANCE);

  const partyText = (party: NonNullable<Route['party']>) => {
    const type = t.form.partyTypes[party.type as keyof typeof t.form.partyTypes] ?? party.type;
    const name = party.name ? ` (${party.name})` : '';
    const contact = party.contact ? `. ${a.partyContact} ${party.contact}` : '';
    return `${a.yourParty} ${type}${name}${contact}`;
  };

  const route = (r: Route) => (
    <>
      {r.url ? <ExternalLink href={r.url}>{label(r.label)}</ExternalLink> : <strong>{label(r.label)}</strong>}
      {r.party && <span className="vp-party">{` ${partyText(r.party)}`}</span>}
      {r.contact && <span>{` ${a.partyContact} ${r.contact}`}</span>}
    </>
  );

  return (
    <section aria-labelledby="appeal-heading" id="appeal">
      <Heading level={2} id="appeal-heading">
        {a.heading}
      </Heading>
      <Paragraph>{a.intro}</Paragraph>
      <OrderedList>
        {first.map((r) => (
          <OrderedListItem key={r.code} data-route={r.code}>
            {route(r)}
          </OrderedListItem>
        ))}
        {third.length > 0 && (
          <OrderedListItem>
            {a.thirdInstance}
            <UnorderedList>
              {third.map((r) => (
                <UnorderedListItem key={r.code} data-route={r.code}>
                  {route(r)}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </OrderedListItem>
        )}
      </OrderedList>

      <Heading level={3} id="advocacy-heading">
        {t.followUp.advocacy.heading}
      </Heading>
      <Paragraph>{t.followUp.advocacy.intro}</Paragraph>
      <UnorderedList aria-labelledby="advocacy-heading">
        {view.advocacyBodies.map((b) => (
          <UnorderedListItem key={b.name}>
            {b.url ? <ExternalLink href={b.url}>{b.name}</ExternalLink> : <strong>{b.name}</strong>}
            {` – ${label(b.description)}`}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
