/**
 * Configuration from the environment (and a `.env` file), parsed and validated once at start, then frozen.
 * Every variable is documented in the README. An invalid value stops the start with a message naming it.
 */
import path from 'node:path';
import dotenv from 'dotenv';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
}

/** Single sign-on with OpenID Connect (e.g. Microsoft Entra ID): all three of issuer, client id and secret, or none. */
export interface OidcConfig {
  /** OIDC_ISSUER: the provider's issuer URL (https; plain http only for a provider on this machine). */
  issuer: string;
  /** OIDC_CLIENT_ID */
  clientId: string;
  /** OIDC_CLIENT_SECRET */
  clientSecret: string;
  /** OIDC_DISPLAY_NAME (default "Microsoft"): "Sign in with …" on the sign-in page. */
  displayName: string;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  publicUrl: string;
  /** null: no SMTP, mail stays in the local outbox that administrators can read. */
  smtp: SmtpConfig | null;
  mailFrom: string;
  organisationSettingsPath: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Deliver the outbox from this process. Switch off where a separate worker runs. */
  outboxWorker: boolean;
  /** DEADLINE_WATCH (default true): run the deadline watch in this process. Several instances may run it safely. */
  deadlineWatch: boolean;
  /** RETENTION_JOB (default true): anonymise cases past their retention term in this process. Safe on several instances. */
  retentionJob: boolean;
  /** REMINDER_WORKING_DAYS (default 2, 0-20): a deadline within this many working days gets a 'near' reminder. */
  reminderWorkingDays: number;
  publicRateLimitPerMinute: number;
  attachmentMaxBytes: number;
  attachmentsMaxTotalBytes: number;
  trustProxy: boolean;
  /** SQLITE_SYNCHRONOUS (default normal): SQLite's durability per commit; see docs/adr/0002-sqlite-durability.md. */
  sqliteSynchronous: SqliteSynchronous;
  /** DATABASE_POOL_SIZE (default 10, 1-100): PostgreSQL connections this process may open (docs/deploy.md). */
  databasePoolSize: number;
  /** null: no single sign-on; the sign-in page offers email and password only. */
  oidc: OidcConfig | null;
}

export type SqliteSynchronous = 'normal' | 'full';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads `.env` from the working directory without overriding variables that are already set. */
export function loadDotEnv(file = path.resolve('.env')): void {
  dotenv.config({ path: file, quiet: true });
}

export function parseConfig(env: Env): Readonly<Config> {
  const problems: string[] = [];
  const read = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? fallback : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name, String(fallback));
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got '${raw}').`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name, String(fallback)).toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got '${raw}').`);
    return fallback;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = read('HOST', 'localhost');
  const databaseUrl = read('DATABASE_URL', 'sqlite:./data/verbeterpunt.sqlite');
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be 'sqlite:<path>' or 'postgres://…' (got '${databaseUrl}').`);
  }
  const publicUrl = read('PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, '');
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol)) {
    problems.push(`PUBLIC_URL must be an http(s) URL (got '${publicUrl}').`);
  }
  const smtpHost = read('SMTP_HOST', '');
  const smtp: SmtpConfig | null = smtpHost
    ? {
        host: smtpHost,
        port: integer('SMTP_PORT', 587, 1, 65535),
        secure: boolean('SMTP_SECURE', false),
        user: read('SMTP_USER', '') || null,
        password: read('SMTP_PASSWORD', '') || null,
      }
    : null;
  const mailFrom = read('MAIL_FROM', 'Verbeterpunt <noreply@localhost>');
  const logLevel = read('LOG_LEVEL', 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got '${logLevel}').`,
    );
  }
  const sqliteSynchronous = read('SQLITE_SYNCHRONOUS', 'normal').toLowerCase() as SqliteSynchronous;
  if (sqliteSynchronous !== 'normal' && sqliteSynchronous !== 'full') {
    problems.push(`SQLITE_SYNCHRONOUS must be normal or full (got '${sqliteSynchronous}').`);
  }
  const oidc = readOidc(read, problems);
  const config: Config = {
    port,
    host,
    databaseUrl,
    publicUrl,
    smtp,
    mailFrom,
    organisationSettingsPath: path.resolve(read('ORGANISATION_SETTINGS', './config/organisation.json')),
    logLevel,
    outboxWorker: boolean('OUTBOX_WORKER', true),
    deadlineWatch: boolean('DEADLINE_WATCH', true),
    retentionJob: boolean('RETENTION_JOB', true),
    reminderWorkingDays: integer('REMINDER_WORKING_DAYS', 2, 0, 20),
    publicRateLimitPerMinute: integer('PUBLIC_RATE_LIMIT_PER_MINUTE', 10, 1, 1_000_000),
    attachmentMaxBytes: integer('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    attachmentsMaxTotalBytes: integer(
      'ATTACHMENTS_MAX_TOTAL_BYTES',
      25 * 1024 * 1024,
      1024,
      500 * 1024 * 1024,
    ),
    trustProxy: boolean('TRUST_PROXY', false),
    sqliteSynchronous,
    databasePoolSize: integer('DATABASE_POOL_SIZE', 10, 1, 100),
    oidc,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none of them. */
function readOidc(read: (name: string, fallback: string) => string, problems: string[]): OidcConfig | null {
  const names = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const [issuer, clientId, clientSecret] = names.map((name) => read(name, ''));
  const given = names.filter((_, i) => [issuer, clientId, clientSecret][i] !== '');
  if (given.length === 0) return null;
  if (given.length < names.length) {
    const missing = names.filter((name) => !given.includes(name));
    problems.push(`Single sign-on needs ${names.join(', ')} together; missing: ${missing.join(', ')}.`);
    return null;
  }
  const url = URL.canParse(issuer!) ? new URL(issuer!) : null;
  const local = url !== null && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
    problems.push(
      `OIDC_ISSUER must be an https URL (plain http only for a provider on this machine) (got '${issuer}').`,
    );
    return null;
  }
  return {
    issuer: issuer!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    displayName: read('OIDC_DISPLAY_NAME', 'Microsoft'),
  };
}
