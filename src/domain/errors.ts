/**
 * The one catalogue of coded errors the domain can raise. HTTP maps each code to a status and a
 * problem-details document (src/http/problems.ts); the CLI prints the message. Codes are stable API.
 */
export const DOMAIN_ERROR_STATUS = {
  /** The action is not allowed in the complaint's current state (the lifecycle table says no). */
  illegal_transition: 409,
  /** A guard of the regulation is not met, e.g. acknowledging without a summary. */
  guard_failed: 409,
  /** The handler would be an involved person or the one who delivered the service (step 2). */
  handler_not_neutral: 409,
  /** Someone else changed the complaint since it was read (optimistic locking). */
  version_conflict: 409,
  /** An extension is switched off, already used, or too long. */
  extension_not_allowed: 409,
  /** The referenced thing (complaint, user, mention, measure) does not exist. */
  not_found: 404,
  /** A follow-up link that worked once but has expired (after the case ended) or was revoked. */
  link_expired: 410,
  /** The actor may not do this (deny by default). */
  forbidden: 403,
  /** Input that passed the schema but breaks a domain rule (e.g. an unknown category). */
  invalid_input: 400,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

/** A message in both languages the product speaks; the API picks the caller's. */
export interface LocalisedMessage {
  en: string;
  nl: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field the error is about, where there is one (JSON pointer-ish dotted path). */
  readonly field: string | undefined;
  /** Extra machine-readable facts (e.g. the current state) that clients may show. */
  readonly details: Record<string, unknown> | undefined;
  /** The Dutch text; `message` is the English one. */
  readonly messageNl: string;

  constructor(
    code: DomainErrorCode,
    message: string | LocalisedMessage,
    options: { field?: string; details?: Record<string, unknown> } = {},
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.messageNl = typeof message === 'string' ? message : message.nl;
    this.name = 'DomainError';
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
