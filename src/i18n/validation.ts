/**
 * Validation messages per JSON Schema keyword, in Dutch (default) and English. The API names the field and
 * says what is wrong in the user's language; clients may show the message as is.
 */
export type Locale = 'nl' | 'en';

type Params = Record<string, unknown>;
type Message = (params: Params) => string;

const nl: Record<string, Message> = {
  required: () => 'Dit veld is verplicht.',
  empty: () => 'Dit veld mag niet leeg zijn.',
  minLength: (p) => `Vul minimaal ${p.limit} teken(s) in.`,
  maxLength: (p) => `Dit veld mag maximaal ${p.limit} tekens lang zijn.`,
  pattern: () => 'Dit veld heeft een ongeldige vorm.',
  type: (p) => `Verkeerd type: verwacht ${typeName(p.type, 'nl')}.`,
  email: () => 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
  date: () => 'Vul een geldige datum in als JJJJ-MM-DD, bijvoorbeeld 2026-04-30.',
  'date-time': () => 'Vul een geldig tijdstip in, bijvoorbeeld 2026-04-30T10:00:00+02:00.',
  format: () => 'Dit veld heeft een ongeldige vorm.',
  additionalProperties: () => 'Dit veld is onbekend.',
  choice: () => 'Kies een van de toegestane waarden.',
  minimum: (p) => `De waarde moet minimaal ${p.limit} zijn.`,
  maximum: (p) => `De waarde mag maximaal ${p.limit} zijn.`,
  minItems: (p) => `Geef minimaal ${p.limit} waarde(n).`,
  maxItems: (p) => `Geef maximaal ${p.limit} waarden.`,
  body: () => 'De inhoud van het verzoek ontbreekt of is geen geldige JSON.',
  invalid: () => 'Deze waarde is ongeldig.',
  text: () => 'Dit veld bevat tekens die niet in tekst horen (zoals een nul-teken).',
};

const en: Record<string, Message> = {
  required: () => 'This field is required.',
  empty: () => 'This field cannot be empty.',
  minLength: (p) => `Enter at least ${p.limit} character(s).`,
  maxLength: (p) => `This field can be at most ${p.limit} characters long.`,
  pattern: () => 'This field has an invalid form.',
  type: (p) => `Wrong type: expected ${typeName(p.type, 'en')}.`,
  email: () => 'Enter a valid email address, for example name@example.com.',
  date: () => 'Enter a valid date as YYYY-MM-DD, for example 2026-04-30.',
  'date-time': () => 'Enter a valid time, for example 2026-04-30T10:00:00+02:00.',
  format: () => 'This field has an invalid form.',
  additionalProperties: () => 'This field is unknown.',
  choice: () => 'Choose one of the allowed values.',
  minimum: (p) => `The value must be at least ${p.limit}.`,
  maximum: (p) => `The value can be at most ${p.limit}.`,
  minItems: (p) => `Give at least ${p.limit} value(s).`,
  maxItems: (p) => `Give at most ${p.limit} values.`,
  body: () => 'The request body is missing or is not valid JSON.',
  invalid: () => 'This value is invalid.',
  text: () => 'This field contains characters that do not belong in text (such as a NUL character).',
};

function typeName(type: unknown, locale: Locale): string {
  const names: Record<string, [string, string]> = {
    string: ['tekst', 'text'],
    integer: ['een geheel getal', 'a whole number'],
    number: ['een getal', 'a number'],
    boolean: ['waar of onwaar', 'true or false'],
    object: ['een object', 'an object'],
    array: ['een lijst', 'a list'],
    null: ['leeg (null)', 'empty (null)'],
  };
  const pair = names[String(type).split(',')[0] ?? ''];
  return pair ? pair[locale === 'nl' ? 0 : 1] : String(type);
}

export function validationMessage(locale: Locale, key: string, params: Params = {}): string {
  const table = locale === 'en' ? en : nl;
  return (table[key] ?? table.invalid!)(params);
}

/** Titles of problem documents, per error code. */
const titles: Record<Locale, Record<string, string>> = {
  nl: {
    validation_failed: 'De invoer is niet geldig.',
    illegal_transition: 'Deze stap is nu niet toegestaan.',
    guard_failed: 'Aan een voorwaarde van het klachtenreglement is niet voldaan.',
    handler_not_neutral: 'De behandelaar moet neutraal zijn.',
    version_conflict: 'Iemand anders heeft de klacht intussen gewijzigd.',
    extension_not_allowed: 'Verlenging is niet toegestaan.',
    not_found: 'Niet gevonden.',
    forbidden: 'U heeft geen toegang tot deze handeling.',
    unauthorized: 'Log in met een geldig toegangstoken.',
    invalid_input: 'De invoer is niet geldig.',
    payload_too_large: 'Het verzoek is te groot.',
    rate_limited: 'Te veel verzoeken. Probeer het over een minuut opnieuw.',
    unsupported_media_type: 'Dit inhoudstype wordt niet ondersteund; stuur JSON.',
    internal: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  },
  en: {
    validation_failed: 'The input is not valid.',
    illegal_transition: 'This step is not allowed now.',
    guard_failed: 'A condition of the complaints regulation is not met.',
    handler_not_neutral: 'The handler must be neutral.',
    version_conflict: 'Someone else changed the complaint in the meantime.',
    extension_not_allowed: 'An extension is not allowed.',
    not_found: 'Not found.',
    forbidden: 'You may not do this.',
    unauthorized: 'Sign in with a valid access token.',
    invalid_input: 'The input is not valid.',
    payload_too_large: 'The request is too large.',
    rate_limited: 'Too many requests. Try again in a minute.',
    unsupported_media_type: 'This content type is not supported; send JSON.',
    internal: 'Something went wrong on our side. Please try again later.',
  },
};

export const problemTitle = (locale: Locale, code: string): string => titles[locale][code] ?? titles[locale].internal!;
