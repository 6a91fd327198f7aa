/**
 * Privacy tests: a case worked through every step of the regulation through the real APIs (staff API, public
 * intake, the reporter's follow-up link), with personal data in every field that can hold it, and a scan of
 * every text, JSON and blob column of every table for those values.
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import { recordAudit } from '../../src/db/repositories/audit-log.ts';
import { insertSpotRecord } from '../../src/db/repositories/spot-records.ts';
import { act, call, type TestApp } from '../helpers/app.ts';
import { type TestDb, whileTestSchemasStay } from '../helpers/databases.ts';
import { pdf } from '../pages/helpers.ts';

/** What the person of a case wrote and what was written about them, each value unique to that case. */
export interface Person {
  first: string;
  last: string;
  email: string;
  phone: string;
  address: string;
  /** A diagnosis or other health fact the reporter mentions (special category data, AVG art. 9). */
  health: string;
  employee: string;
  thirdParty: { name: string; organisation: string; email: string; address: string; phone: string };
  employer: { name: string; contact: string };
  doctor: string;
  colleague: string;
  place: string;
}

export const MARIEKE: Person = {
  first: 'Marieke',
  last: 'Oosterhuis',
  email: 'marieke.oosterhuis@example.nl',
  phone: '06 98765432',
  address: 'Lindelaan 17, 3581 AB Utrecht',
  health: 'burn-out',
  employee: 'Kees Vermeulen',
  thirdParty: {
    name: 'Tamara Blom',
    organisation: 'Blom Coaching',
    email: 'tamara@blomcoaching.nl',
    address: 'Dorpsstraat 4, 3732 HJ De Bilt',
    phone: '06 11122233',
  },
  employer: { name: 'Bouwbedrijf Hendriks', contact: 'p.hendriks@bouwhendriks.nl' },
  doctor: 'dokter Verhoef',
  colleague: 'Ingrid Mol',
  place: 'Leidsche Rijn',
};

export const JOHAN: Person = {
  first: 'Johan',
  last: 'Kuipers',
  email: 'johan.kuipers@example.nl',
  phone: '06 24681357',
  address: 'Beukenlaan 2, 3521 CC Utrecht',
  health: 'hernia',
  employee: 'Wim Dekker',
  thirdParty: {
    name: 'Frits Zwart',
    organisation: 'Zwart Advies',
    email: 'frits@zwartadvies.nl',
    address: 'Kerkplein 9, 3811 AA Amersfoort',
    phone: '06 55566677',
  },
  employer: { name: 'Transport Visscher', contact: 'info@visschertransport.nl' },
  doctor: 'dokter Haverkamp',
  colleague: 'Els Koster',
  place: 'Overvecht',
};

export const ANNABEL: Person = {
  first: 'Annabel',
  last: 'Groenewoud',
  email: 'annabel.groenewoud@example.nl',
  phone: '06 31313131',
  address: 'Vondellaan 80, 3521 GH Utrecht',
  health: 'long covid',
  employee: 'Ruud Hoekstra',
  thirdParty: {
    name: 'Gerda Smits',
    organisation: 'Smits Loopbaan',
    email: 'gerda@smitsloopbaan.nl',
    address: 'Markt 12, 3431 AB Nieuwegein',
    phone: '06 77788899',
  },
  employer: { name: 'Gemeente Stichtse Vecht', contact: 'werk@stichtsevecht.example' },
  doctor: 'dokter Lammers',
  colleague: 'Bert Wolters',
  place: 'Kanaleneiland',
};

/** Every personal value of the person's case, as they might be searched for. */
export function personalValues(p: Person): string[] {
  return [
    p.first,
    p.last,
    p.email,
    p.phone,
    p.phone.replace(/\D/g, '').slice(2),
    p.address,
    p.address.split(' ')[0]!,
    p.health,
    p.employee,
    p.thirdParty.name,
    p.thirdParty.organisation,
    p.thirdParty.email,
    p.thirdParty.address.split(' ')[0]!,
    p.thirdParty.phone.replace(/\D/g, '').slice(2),
    p.employer.name,
    p.employer.contact,
    p.doctor,
    p.colleague,
    p.place,
  ];
}

export interface WorkedCase {
  reference: string;
  id: string;
  token: string;
}

const tokenOf = (url: string) => url.split('/').at(-1)!;

/**
 * A complaint submitted on the public API at `receivedAt` and taken through every step: mentions linked to a
 * user and a third party, a handler, summary, acknowledgement, a hearing, an attachment, the investigation
 * with an agreed reaction and a third party's agreement, a judgement, an offer rejected and a new one accepted,
 * an agreed measure, the written confirmation and final report, preventive measures (done and evaluated),
 * closing, an appeal, the reporter's own messages and survey, and a legal hold set and lifted. Each step is a
 * working day later, `closedAt` is the moment of closing.
 */
export async function workThroughEveryStep(
  t: TestApp,
  p: Person,
  times: { receivedAt: string; closedAt: string },
): Promise<WorkedCase> {
  const name = `${p.first} ${p.last}`;
  let clock = Date.parse(times.receivedAt);
  const tick = () => {
    clock += 3_600_000;
    t.setNow(new Date(clock).toISOString());
  };
  t.setNow(times.receivedAt);
  const submitted = await call(t, 'POST', '/api/v1/complaints', {
    body: {
      reporter: {
        name,
        email: p.email,
        phone: p.phone,
        postalAddress: p.address,
        role: 'candidate',
        consentToContact: true,
      },
      description: `Mijn jobcoach ${p.employee} besprak mijn ${p.health} met ${p.employer.name} zonder mijn toestemming.`,
      desiredOutcome: `Excuses van ${p.employee} en een andere jobcoach.`,
      event: {
        date: times.receivedAt.slice(0, 10),
        place: `Kantoor ${p.place}`,
        circumstances: `Driegesprek met ${p.employer.name}.`,
      },
      involvedEmployees: [p.employee, p.thirdParty.name],
      commissioningParty: { type: 'employer', name: p.employer.name, contact: p.employer.contact },
    },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  const reference = submitted.json().reference as string;
  const token = tokenOf(submitted.json().followUpUrl);
  const step = async (as: string, action: string, body: unknown = {}) => {
    tick();
    const response = await act(t, as, reference, action, body);
    expect(response.statusCode, `${action}: ${response.body}`).toBe(200);
    return response.json();
  };
  const reporter = async (action: string, body: unknown) => {
    tick();
    const response = await call(t, 'POST', `/api/v1/follow-up/${token}/${action}`, { body });
    expect(response.statusCode, `${action}: ${response.body}`).toBeLessThan(300);
  };
  const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
  const [employeeMention, thirdPartyMention] = form.mentions as { id: string }[];
  await step('qm', 'link-mention', {
    mentionId: employeeMention!.id,
    link: { kind: 'user', userId: t.users.coach!.id },
  });
  const linked = await step('qm', 'link-mention', {
    mentionId: thirdPartyMention!.id,
    link: {
      kind: 'third_party',
      thirdParty: {
        name: p.thirdParty.name,
        organisation: p.thirdParty.organisation,
        email: p.thirdParty.email,
        postalAddress: p.thirdParty.address,
      },
    },
  });
  const [coach, third] = linked.involved as { id: string }[];
  await step('qm', 'assign-handler', { handlerId: t.users.handler!.id });
  await reporter('add-information', { text: `Aanvulling: mijn ${p.health} is bevestigd door ${p.doctor}.` });
  await step('handler', 'record-summary', {
    summary: `${p.employee} besprak de ${p.health} van mevrouw ${p.last} met de werkgever.`,
  });
  await step('handler', 'acknowledge');
  const offered = await step('handler', 'offer-hearing', { method: 'phone' });
  await step('handler', 'record-hearing-answer', {
    hearingOfferId: offered.hearingOffers[0].id,
    answer: 'accepted',
  });
  await step('handler', 'record-hearing', {
    report: `Gesprek met ${p.first}: zij is onder behandeling van ${p.doctor}.`,
  });
  await step('handler', 'add-attachment', {
    filename: `verslag-${p.last.toLowerCase()}.pdf`,
    contentBase64: pdf(`Gespreksverslag ${name}, ${p.address}`).toString('base64'),
  });
  await step('handler', 'start-investigation');
  await step('handler', 'record-reaction', {
    involvedPersonId: coach!.id,
    summary: `${p.employee}: ik dacht dat ${p.first} het goed vond.`,
  });
  await step('coach', 'agree-reaction', { involvedPersonId: coach!.id, version: 1 });
  await step('handler', 'record-reaction', {
    involvedPersonId: third!.id,
    summary: `${p.thirdParty.name} was er niet bij.`,
  });
  await step('handler', 'record-third-party-agreement', {
    involvedPersonId: third!.id,
    version: 1,
    method: `Telefonisch akkoord van ${p.thirdParty.name} op ${p.thirdParty.phone}`,
  });
  await step('handler', 'decide', {
    judgement: 'partly_well_founded',
    reasons: `${p.employee} deelde medische informatie over ${p.first}.`,
    findings: `De ${p.health} van ${p.first} ${p.last} is met ${p.employer.name} besproken.`,
    severity: 'high',
    cause: `${p.employee} kende de regels niet.`,
    responsibleParty: `Team ${p.place}`,
  });
  await step('handler', 'make-offer', {
    method: 'phone',
    measures: [{ kind: 'redress', description: `Excuses van ${p.employee} aan ${p.first}.` }],
  });
  await step('handler', 'record-offer-rejected', {
    reaction: `${p.first} wil een andere coach, niet alleen excuses.`,
  });
  await step('handler', 'make-offer', {
    method: 'phone',
    reason: `Nieuwe coach aangeboden aan ${p.first}.`,
    measures: [{ kind: 'replacement_service', description: `Nieuwe jobcoach voor ${p.first} ${p.last}.` }],
  });
  await step('handler', 'record-offer-accepted', { reaction: `${p.first} is akkoord.` });
  const agreed = await step('handler', 'add-agreed-measure', {
    kind: 'replacement_service',
    description: `Dossier van ${p.first} overdragen`,
    ownerId: t.users.handler!.id,
    dueDate: new Date(clock + 20 * 86_400_000).toISOString().slice(0, 10),
  });
  await step('handler', 'send-written-confirmation');
  await step('handler', 'send-final-report');
  const prevention = await step('handler', 'decide-preventive-measures', {
    measures: [
      {
        description: `Training beroepsgeheim voor ${p.employee}`,
        ownerId: t.users.qm!.id,
        consulted: `Teamleider ${p.colleague}`,
        dueDate: new Date(clock + 30 * 86_400_000).toISOString().slice(0, 10),
      },
    ],
  });
  await step('handler', 'complete-agreed-measure', { measureId: agreed.agreedMeasures[0].id });
  await step('handler', 'complete-preventive-measure', { measureId: prevention.preventiveMeasures[0].id });
  await step('handler', 'evaluate-preventive-measure', {
    measureId: prevention.preventiveMeasures[0].id,
    effective: true,
    note: `${p.employee} past het toe.`,
  });
  t.setNow(times.closedAt);
  clock = Date.parse(times.closedAt);
  const closed = await act(t, 'handler', reference, 'close', { reason: `Afgerond met ${p.first}.` });
  expect(closed.statusCode, closed.body).toBe(200);
  await reporter('answer-survey', {
    handledWell: 'partly',
    onTime: 'no',
    comment: `Traag, zegt ${p.first} ${p.last}.`,
  });
  await step('handler', 'escalate', {
    route: 'national_ombudsman',
    note: `${p.first} stapte naar de ombudsman.`,
  });
  // A legal hold once set and lifted: its reasons name the person.
  tick();
  const set = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/legal-hold`, {
    as: 'qm',
    body: { hold: true, reason: `Rechtszaak ${p.last} tegen de organisatie` },
  });
  expect(set.statusCode, set.body).toBe(200);
  tick();
  const lifted = await call(t, 'POST', `/api/v1/staff/complaints/${reference}/legal-hold`, {
    as: 'qm',
    body: { hold: false, reason: `Rechtszaak ${p.last} geschikt` },
  });
  expect(lifted.statusCode, lifted.body).toBe(200);
  // A view of the case by someone without an account (details are facts, but an entry is kept for years).
  await recordAudit(t.db.kysely, {
    at: new Date(clock),
    actorId: null,
    actorLabel: 'reporter',
    action: 'complaint_viewed',
    targetType: 'complaint',
    targetId: linked.id,
    ip: '192.0.2.44',
    details: { via: 'follow_up', view: 'reporter', remark: `${p.first} keek` },
  });
  return { reference, id: linked.id as string, token };
}

/** A spot record, as staff log one resolved on the spot. */
export async function addSpotRecord(t: TestApp, receivedAt: string, summary: string): Promise<void> {
  await insertSpotRecord(t.db.kysely, {
    receivedAt,
    channel: 'phone',
    category: null,
    summary,
    recordedBy: null,
    now: new Date(receivedAt),
  });
}

export interface Hit {
  table: string;
  column: string;
  value: string;
}

/**
 * Every place in the database that holds one of `values` (case-insensitive): each text, JSON and blob column
 * of each table, read in full. Blobs are searched as UTF-8 and Latin-1 bytes.
 */
export async function findInDatabase(db: TestDb, values: string[]): Promise<Hit[]> {
  const tables = (await whileTestSchemasStay(() => db.kysely.introspection.getTables())).filter(
    (table) =>
      !table.isView &&
      (db.schema === null || table.schema === db.schema) &&
      !table.name.startsWith('kysely_'),
  );
  const hits: Hit[] = [];
  const needles = values.map((v) => v.toLowerCase());
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(
      db.kysely,
    );
    for (const row of rows.rows) {
      for (const [column, cell] of Object.entries(row)) {
        const texts = textsOf(cell);
        for (const [i, needle] of needles.entries()) {
          if (texts.some((text) => text.includes(needle)))
            hits.push({ table: table.name, column, value: values[i]! });
        }
      }
    }
  }
  return hits;
}

function textsOf(cell: unknown): string[] {
  if (cell === null || cell === undefined) return [];
  if (Buffer.isBuffer(cell) || cell instanceof Uint8Array) {
    const buffer = Buffer.from(cell);
    return [buffer.toString('utf8').toLowerCase(), buffer.toString('latin1').toLowerCase()];
  }
  if (typeof cell === 'object') return [JSON.stringify(cell).toLowerCase()];
  return [String(cell).toLowerCase()];
}
