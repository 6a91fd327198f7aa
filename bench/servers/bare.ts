/**
 * Comparison servers measured in the same run as the app, so every figure stands beside its ceiling:
 *
 *   bare.ts json                 POST /api/v1/complaints: parse the JSON body, answer 201 with JSON
 *   bare.ts sqlite normal|full F the same plus one better-sqlite3 INSERT (WAL) of the body into file F
 *   bare.ts page BYTES           GET /: a React page of about BYTES of HTML rendered per request
 *                                (renderToString, NODE_ENV=production), compressed like the app's pages
 *
 * Prints `listening <url>` once it listens on a free port of 127.0.0.1.
 */
import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';
import { createElement as h, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';

const [mode, arg, file] = process.argv.slice(2);
const app = Fastify({ logger: false });
const answer = (body: unknown) => ({
  reference: 'VP-2026-00001',
  status: 'registered',
  receivedAt: new Date().toISOString(),
  received: typeof body === 'object' && body !== null,
});

if (mode === 'json') {
  app.post('/api/v1/complaints', async (request, reply) => reply.status(201).send(answer(request.body)));
} else if (mode === 'sqlite') {
  if (arg !== 'normal' && arg !== 'full') throw new Error('sqlite needs normal or full');
  const db = new SqliteDatabase(file ?? 'bench-bare.sqlite');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${arg.toUpperCase()}`);
  db.exec(
    'create table if not exists complaints (id text primary key, received_at text not null, data text not null)',
  );
  const insert = db.prepare('insert into complaints (id, received_at, data) values (?, ?, ?)');
  app.post('/api/v1/complaints', async (request, reply) => {
    insert.run(randomUUID(), new Date().toISOString(), JSON.stringify(request.body));
    return reply.status(201).send(answer(request.body));
  });
} else if (mode === 'page') {
  const bytes = Number(arg ?? 20_000);
  // As many fields as make the HTML as large as asked (the first count that reaches it).
  let fields = 1;
  while (renderToString(page(fields)).length + 15 < bytes) fields++;
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  app.get('/', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(`<!DOCTYPE html>${renderToString(page(fields))}`),
  );
} else {
  throw new Error(`unknown mode ${mode}`);
}

/** A form-like page: `count` labelled fields with hints. */
function page(count: number): ReactElement {
  const fields: ReactElement[] = [];
  for (let i = 0; i < count; i++) {
    fields.push(
      h(
        'div',
        { key: i, className: 'utrecht-form-field utrecht-form-field--text' },
        h(
          'label',
          { className: 'utrecht-form-label', htmlFor: `field-${i}` },
          `Vraag ${i + 1}: wat is er gebeurd?`,
        ),
        h(
          'p',
          { className: 'utrecht-form-field-description', id: `hint-${i}` },
          'Schrijf het in uw eigen woorden.',
        ),
        h('input', {
          className: 'utrecht-textbox utrecht-textbox--html-input',
          id: `field-${i}`,
          name: `field${i}`,
          'aria-describedby': `hint-${i}`,
        }),
      ),
    );
  }
  return h(
    'html',
    { lang: 'nl' },
    h(
      'head',
      null,
      h('meta', { charSet: 'utf-8' }),
      h('title', null, 'Minimale pagina'),
      h('link', { rel: 'stylesheet', href: '/style.css' }),
    ),
    h(
      'body',
      { className: 'utrecht-theme' },
      h('main', null, h('h1', null, 'Vertel ons wat er misging'), h('form', { method: 'post' }, fields)),
    ),
  );
}

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(
  `listening http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`,
);
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
