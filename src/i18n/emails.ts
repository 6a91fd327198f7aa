/** The short emails the foundation sends itself, in the reporter's language. Letters (issue 5) replace them. */
import type { Language } from '../domain/complaint.ts';

// Made once per language: constructing an Intl.DateTimeFormat is far dearer than using one.
const IN_WORDS = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', IN_WORDS),
  en: new Intl.DateTimeFormat('en-GB', IN_WORDS),
};

const formatDate = (iso: string, language: Language): string =>
  DATE_FORMATS[language === 'nl' ? 'nl' : 'en'].format(new Date(`${iso}T12:00:00Z`));

export interface FollowUpFacts {
  organisation: string;
  reference: string;
  acknowledgeBy: string;
  resolveBy: string;
  followUpUrl: string;
}

export function followUpMessage(language: Language, f: FollowUpFacts): { subject: string; text: string } {
  if (language === 'en') {
    return {
      subject: `We received your message (${f.reference})`,
      text: [
        'Thank you for telling us what went wrong. Your reference is ' + `${f.reference}.`,
        '',
        `You will hear from us by ${formatDate(f.acknowledgeBy, 'en')} at the latest.`,
        `We will have handled your complaint by ${formatDate(f.resolveBy, 'en')}.`,
        '',
        'Follow your complaint with this private link (do not share it):',
        f.followUpUrl,
        '',
        f.organisation,
      ].join('\n'),
    };
  }
  return {
    subject: `We hebben uw melding ontvangen (${f.reference})`,
    text: [
      `Bedankt dat u ons laat weten wat er mis ging. Uw kenmerk is ${f.reference}.`,
      '',
      `U hoort uiterlijk ${formatDate(f.acknowledgeBy, 'nl')} van ons.`,
      `Wij handelen uw klacht af vóór ${formatDate(f.resolveBy, 'nl')}.`,
      '',
      'Volg uw melding met deze persoonlijke link (deel hem niet met anderen):',
      f.followUpUrl,
      '',
      f.organisation,
    ].join('\n'),
  };
}

export interface ExtensionFacts {
  organisation: string;
  reference: string;
  reason: string;
  newResolveBy: string;
}

export function extensionMessage(language: Language, f: ExtensionFacts): { subject: string; text: string } {
  if (language === 'en') {
    return {
      subject: `More time needed for complaint ${f.reference}`,
      text: `We need more time to handle complaint ${f.reference}.\n\nReason: ${f.reason}\n\nYou will have our answer by ${formatDate(f.newResolveBy, 'en')} at the latest.\n\n${f.organisation}`,
    };
  }
  return {
    subject: `Meer tijd nodig voor klacht ${f.reference}`,
    text: `Wij hebben meer tijd nodig om klacht ${f.reference} af te handelen.\n\nReden: ${f.reason}\n\nU krijgt uiterlijk ${formatDate(f.newResolveBy, 'nl')} ons antwoord.\n\n${f.organisation}`,
  };
}
