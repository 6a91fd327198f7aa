/** Fills the foundation's emails from a complaint. */
import type { Complaint } from '../domain/complaint.ts';
import type { OrganisationSettings } from '../domain/settings.ts';
import { extensionMessage, followUpMessage } from '../i18n/emails.ts';

export function followUpEmail(complaint: Complaint, followUpUrl: string, settings: OrganisationSettings) {
  return followUpMessage(complaint.reporter.language, {
    organisation: settings.name,
    reference: complaint.reference,
    acknowledgeBy: complaint.deadlines.acknowledgeBy,
    resolveBy: complaint.deadlines.resolveBy,
    followUpUrl,
  });
}

export function extensionEmail(complaint: Complaint, settings: OrganisationSettings, language = complaint.reporter.language) {
  return extensionMessage(language, {
    organisation: settings.name,
    reference: complaint.reference,
    reason: complaint.extension?.reason ?? '',
    newResolveBy: complaint.deadlines.resolveBy,
  });
}
