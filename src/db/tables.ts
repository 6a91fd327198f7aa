/**
 * Row types per table, as Kysely sees them. These are the storage shapes; repositories map them to domain
 * types at the edge. Normalisation across dialects (see src/db/normalise.ts):
 * - timestamps: ISO 8601 text in UTC ('2026-04-30T10:00:00.000Z'); `timestamptz` on PostgreSQL, text on SQLite;
 * - dates: 'YYYY-MM-DD'; `date` on PostgreSQL, text on SQLite;
 * - booleans: written as 0/1; `boolean` on PostgreSQL (returned true/false), integer on SQLite (0/1);
 * - JSON: written as JSON text; `jsonb` on PostgreSQL (returned parsed), text on SQLite (returned as text);
 * - blobs: `bytea` / `blob`, returned as Buffer.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = string;
type IsoDate = string;
/** Written as 0 | 1, read back as boolean (PostgreSQL) or number (SQLite). */
type Bool = ColumnType<boolean | number, number, number>;
/** Written as JSON text, read back as parsed value (PostgreSQL) or text (SQLite). */
type Json = ColumnType<unknown, string, string>;
/** A column with a database default: optional on insert. */
type Fact<T> = ColumnType<T, T | undefined, T>;

export interface ComplaintsTable {
  id: string;
  reference: string;
  status: string;
  /** Optimistic locking: every write checks and increments it. */
  version: number;
  channel: string;
  received_at: Timestamp;
  registered_at: Timestamp;
  receiver_id: string | null;
  language: string;
  anonymous: Bool;
  reporter_name: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_role: string | null;
  description: string;
  category: string | null;
  team: string | null;
  handler_id: string | null;
  acknowledge_by: IsoDate;
  resolve_by: IsoDate;
  report_by: IsoDate | null;
  /** The calendar (WorkingDayCalendar.id) the deadlines were computed with. */
  calendar_id: string;
  acknowledged_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  follow_up_token_hash: string;
  /** The rest of the improvement form (see src/domain/complaint.ts ComplaintData). */
  data: Json;
  updated_at: Timestamp;
  /**
   * The dashboard's sort key (migration 0004): the nearest open term, '9999-12-31' when none runs, null once
   * the case is finished (src/domain/dashboard.ts dashboardDue). Written by toRow; optional on insert.
   */
  next_due: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  // The annual analysis's facts (migration 0006), derived from the form on every write by toRow
  // (src/db/repositories/analysis-columns.ts). Optional on insert: the database has defaults.
  received_year: Fact<number | null>;
  received_month: Fact<number | null>;
  received_on: Fact<IsoDate | null>;
  acknowledged_on: Fact<IsoDate | null>;
  resolved_on: Fact<IsoDate | null>;
  final_report_on: Fact<IsoDate | null>;
  judgement: Fact<string | null>;
  offer_count: Fact<number>;
  first_offer_reaction: Fact<string | null>;
  final_offer_reaction: Fact<string | null>;
  /** A set of codes as '|a|b|' ('' for none). */
  measure_kinds: Fact<string>;
  agreed_count: Fact<number>;
  agreed_done: Fact<number>;
  agreed_done_on_time: Fact<number>;
  extension_working_days: Fact<number | null>;
  escalation_count: Fact<number>;
  /** A set of appeal route codes as '|a|b|' ('' for none). */
  escalation_routes: Fact<string>;
  commissioning_party_type: Fact<string | null>;
  not_taken_up_ground: Fact<string | null>;
  reopen_count: Fact<number>;
  prevention_decision: Fact<string | null>;
  preventive_count: Fact<number>;
  preventive_done: Fact<number>;
  preventive_done_on_time: Fact<number>;
  preventive_evaluated: Fact<number>;
  preventive_effective: Fact<number>;
  preventive_first_done_on: Fact<IsoDate | null>;
  survey_handled_well: Fact<string | null>;
  survey_on_time: Fact<string | null>;
}

/** The quality manager's judgement of a year (step 8) and, once adopted, its frozen figures and PDFs. */
export interface AnnualAnalysesTable {
  year: number;
  conclusions: Json;
  updated_by: string | null;
  updated_at: Timestamp;
  version: number;
  adopted_at: Timestamp | null;
  adopted_by: string | null;
  adopted_by_name: string | null;
  figures: Json | null;
  publishable_figures: Json | null;
  pdf: Buffer | null;
  publishable_pdf: Buffer | null;
}

export interface ComplaintEventsTable {
  id: string;
  complaint_id: string;
  /** 1, 2, 3 … per complaint; unique together with complaint_id. */
  seq: number;
  at: Timestamp;
  actor_id: string | null;
  /** Who acted, as shown in the timeline (a user's name, 'reporter', 'system'). */
  actor_label: string;
  action: string;
  from_status: string | null;
  to_status: string;
  /** { field: { before, after } } of every changed field. */
  changes: Json;
  note: string | null;
}

export interface AttachmentsTable {
  id: string;
  complaint_id: string;
  filename: string;
  /** Sniffed from the bytes, never trusted from the client. */
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_at: Timestamp;
  uploaded_by: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  job_title: string;
  /** JSON array of role codes. */
  roles: Json;
  password_hash: string | null;
  active: Bool;
  created_at: Timestamp;
  /** Consecutive failed sign-ins since the last success (back-off and lockout). */
  failed_sign_ins: Generated<number>;
  last_failed_sign_in_at: Timestamp | null;
  locked_until: Timestamp | null;
  password_changed_at: Timestamp | null;
  /** Base32 TOTP secret; in force once totp_enabled_at is set. */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
  /** `<issuer> <subject>` of the linked OpenID Connect identity. */
  oidc_subject: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface OrganisationSettingsTable {
  /** 1, 2, 3 …: the highest is in force. */
  version: number;
  data: Json;
  changed_by: string | null;
  changed_at: Timestamp;
  note: string | null;
}

export interface EmailOutboxTable {
  id: string;
  /** Stable across retries, so a receiver can drop duplicates of an at-least-once delivery. */
  message_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  kind: string;
  complaint_id: string | null;
  /** pending | sent | failed | local (kept in the local outbox because no SMTP is configured) */
  status: string;
  attempts: number;
  next_attempt_at: Timestamp;
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  last_error: string | null;
  smtp_response: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** The letter this email carries as a PDF attachment, if any. */
  letter_id: string | null;
}

export interface SpotRecordsTable {
  id: string;
  received_at: Timestamp;
  channel: string;
  category: string | null;
  /** One line, no identity. */
  summary: string;
  recorded_by: string | null;
  created_at: Timestamp;
  converted_complaint_id: string | null;
}

/** Who has what to do on which case (migration 0004; src/domain/dashboard.ts workItemsOf). */
export interface ComplaintWorkItemsTable {
  complaint_id: string;
  user_id: string;
  /** involved | agree | agreed_measure | preventive_measure */
  kind: string;
  /** The involved person's or the measure's id. */
  item_id: string;
  due_on: IsoDate | null;
}

export interface ReferenceCountersTable {
  year: number;
  last_number: number;
}

export interface LettersTable {
  id: string;
  complaint_id: string;
  kind: string;
  language: string;
  /** reporter | involved */
  recipient_role: string;
  recipient_name: string | null;
  /** The email or postal address the letter went to; null on the follow-up page only. */
  recipient_address: string | null;
  /** email | post | follow_up_page */
  delivery: string;
  subject: string;
  body_text: string;
  /** The exact PDF that was sent; never changed afterwards. */
  pdf: Buffer;
  sha256: string;
  template_version: number;
  created_at: Timestamp;
  created_by: string | null;
  posted_at: Timestamp | null;
}

export interface LetterTemplatesTable {
  kind: string;
  language: string;
  version: number;
  subject: string;
  body: string;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface RemindersTable {
  id: string;
  complaint_id: string;
  subject: string;
  stage: string;
  due: IsoDate;
  sent_at: Timestamp;
}

export interface StaffSessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: string;
  /** complete | second_factor | enrol_second_factor */
  stage: string;
  /** password | oidc */
  method: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute timeout. */
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetsTable {
  /** SHA-256 of the emailed token. */
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** reset | invite (migration 0005). */
  purpose: ColumnType<string, string | undefined, string>;
}

/** Failure counters of sign-in attempts with an email address that has no account (migration 0005). */
export interface SignInThrottlesTable {
  /** SHA-256 of the lowercased email address. */
  key: string;
  failed_sign_ins: Generated<number>;
  last_failed_at: Timestamp | null;
  locked_until: Timestamp | null;
}

/** One-time recovery codes of the second factor (migration 0005). */
export interface TwoFactorRecoveryCodesTable {
  id: string;
  user_id: string;
  /** SHA-256 of the code. */
  code_hash: string;
  created_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Json;
}

/** Every anonymisation and pruning run (migration 0009): what was removed, never the removed data. */
export interface DeletionLogTable {
  id: string;
  at: Timestamp;
  complaint_id: string | null;
  reference: string | null;
  /** retention | data_subject_request */
  reason: string;
  actor_id: string | null;
  actor_label: string;
  /** JSON array of category codes. */
  categories: Json;
  /** JSON object: rows deleted or blanked per category. */
  counts: Json;
  request_reference: string | null;
  note: string | null;
}

/** A legal hold suspends the anonymisation of a case; at most one is in force (lifted_at null) per case. */
export interface LegalHoldsTable {
  id: string;
  complaint_id: string;
  set_at: Timestamp;
  set_by: string | null;
  set_by_label: string;
  reason: string;
  lifted_at: Timestamp | null;
  lifted_by: string | null;
  lifted_by_label: string | null;
  lift_reason: string | null;
}

/** Rate-limit counters shared by the instances on PostgreSQL (src/http/rate-limit-store.ts). */
export interface RateLimitsTable {
  key: string;
  count: number;
  /** Milliseconds since the epoch, by the database's clock. */
  window_ends_at: number;
}

export interface Database {
  complaints: ComplaintsTable;
  complaint_work_items: ComplaintWorkItemsTable;
  complaint_events: ComplaintEventsTable;
  attachments: AttachmentsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  organisation_settings: OrganisationSettingsTable;
  email_outbox: EmailOutboxTable;
  spot_records: SpotRecordsTable;
  reference_counters: ReferenceCountersTable;
  letters: LettersTable;
  letter_templates: LetterTemplatesTable;
  reminders: RemindersTable;
  annual_analyses: AnnualAnalysesTable;
  staff_sessions: StaffSessionsTable;
  password_resets: PasswordResetsTable;
  audit_log: AuditLogTable;
  sign_in_throttles: SignInThrottlesTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  deletion_log: DeletionLogTable;
  legal_holds: LegalHoldsTable;
  rate_limits: RateLimitsTable;
}

export type { Generated };
