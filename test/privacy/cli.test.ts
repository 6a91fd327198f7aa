/**
 * `verbeterpunt privacy find|export|erase` and `verbeterpunt retention run [--dry-run]` as real processes
 * against a real database (the test's clock puts the case in 2020, so it is past its term whatever today is).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { runCli, scratchDir } from '../cli/run-cli.ts';
import { act, addStandardUsers, call, createTestApp, type TestApp } from '../helpers/app.ts';
import { describeEachDialect } from '../helpers/databases.ts';

// Every step starts a process (seconds on a loaded machine).
vi.setConfig({ testTimeout: 120_000 });

describeEachDialect('privacy and retention CLI', (dialect) => {
  let t: TestApp;
  let databaseUrl = '';
  let reference = '';
  const scratch = scratchDir();
  const cli = (...args: string[]) => runCli(args, { cwd: scratch.dir, env: { DATABASE_URL: databaseUrl } });
  const person = ['--email', 'Finn.Visser@example.nl', '--as', 'admin@loket3.example', '--request', 'AVG-9'];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await addStandardUsers(t);
    if (t.db.schema) {
      const url = new URL(t.db.url);
      url.searchParams.set('options', `-c search_path=${t.db.schema}`);
      databaseUrl = url.toString();
    } else {
      databaseUrl = t.db.url;
    }
    t.setNow('2020-03-02T09:00:00.000Z');
    const submitted = await call(t, 'POST', '/api/v1/complaints', {
      body: {
        reporter: { name: 'Finn Visser', email: 'finn.visser@example.nl' },
        description: 'Mijn re-integratieplan klopt niet.',
      },
    });
    reference = submitted.json().reference;
    const ended = await act(t, 'qm', reference, 'not-take-up', {
      ground: 'not_about_us',
      motivation: 'Het plan is van de gemeente.',
    });
    expect(ended.statusCode, ended.body).toBe(200);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    scratch.remove();
  });

  it('finds, exports and erases through the same commands as the pages, as a named administrator', async () => {
    const found = await cli('privacy', 'find', ...person);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout.split('\n')[0]).toBe(
      'REFERENCE      AS        STATUS        RECEIVED    ENDED       LEGAL HOLD  ANONYMISED ON',
    );
    expect(found.stdout.split('\n')[1]).toBe(
      `${reference}  reporter  not_taken_up  2020-03-02  2020-03-02  no          2022-03-02`,
    );

    const notAdmin = await cli(
      'privacy',
      'find',
      '--email',
      'finn.visser@example.nl',
      '--as',
      'qm@loket3.example',
    );
    expect(notAdmin.code).toBe(1);
    expect(notAdmin.stderr).toBe('error: qm@loket3.example is not an administrator.\n');
    const twoKeys = await cli(
      'privacy',
      'find',
      '--email',
      'a@b.nl',
      '--name',
      'Finn',
      '--as',
      'admin@loket3.example',
    );
    expect(twoKeys.code).toBe(2);
    expect(twoKeys.stderr).toBe('error: give exactly one of --email, --phone or --name.\n');

    const out = path.join(scratch.dir, 'finn.json');
    const exported = await cli('privacy', 'export', ...person, '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(
      new RegExp(`^Wrote ${out} \\(\\d+ bytes\\): 1 complaint\\(s\\): ${reference}\\.\\n$`),
    );
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.complaints[0].form).toMatchObject({
      reference,
      description: 'Mijn re-integratieplan klopt niet.',
      status: 'not_taken_up',
    });

    const dry = await cli('retention', 'run', '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Cases would be anonymised: 1 (${reference})`);

    const unconfirmed = await cli('privacy', 'erase', ...person);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toBe('error: erasing cannot be undone; add --yes to go ahead.\n');
    const erased = await cli('privacy', 'erase', ...person, '--yes');
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toBe(`Erased 1 complaint(s): ${reference}.\n`);
    const form = (await call(t, 'GET', `/api/v1/staff/complaints/${reference}`, { as: 'qm' })).json();
    expect(form).toMatchObject({ description: '[verwijderd]', reporter: { name: null, email: null } });

    const run = await cli('retention', 'run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Cases anonymised: 0\n');
  });
});
