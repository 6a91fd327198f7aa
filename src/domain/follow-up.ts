/**
 * The reporter's private follow-up link and what it shows: when it stops working, and the appeal routes of
 * step 9 in the regulation's order for this complaint's trajectory.
 */
import type { Complaint } from './complaint.ts';
import type { AppealRoute, OrganisationSettings } from './settings.ts';

/** When the case ended: closed, withdrawn or not taken up; null while it runs. */
export function endedAt(
  complaint: Pick<Complaint, 'status' | 'closedAt' | 'withdrawal' | 'notTakenUp'>,
): string | null {
  if (complaint.status === 'closed') return complaint.closedAt;
  if (complaint.status === 'withdrawn') return complaint.withdrawal?.at ?? null;
  if (complaint.status === 'not_taken_up') return complaint.notTakenUp?.at ?? null;
  return null;
}

/** The instant the link stops working, or null while the case runs (a reopened case revives it). */
export function followUpLinkExpiresAt(
  complaint: Pick<Complaint, 'status' | 'closedAt' | 'withdrawal' | 'notTakenUp'>,
  settings: Pick<OrganisationSettings, 'followUpLinkDaysAfterClosing'>,
): string | null {
  const ended = endedAt(complaint);
  if (!ended) return null;
  return new Date(Date.parse(ended) + settings.followUpLinkDaysAfterClosing * 86_400_000).toISOString();
}

export interface AppealStep {
  route: AppealRoute;
  /** For the commissioning party: who it is for this trajectory, and how to reach them. */
  party: { type: string; name: string | null; contact: string | null } | null;
}

/**
 * Step 9 in order: first the commissioning party of this trajectory (and, for UWV trajectories, the UWV
 * complaints office), then ("in derde instantie") the Nationale Ombudsman or the municipal ombudsman.
 * Routes meant for another kind of trajectory are left out.
 */
export function appealRoutesFor(
  complaint: Pick<Complaint, 'trajectory'>,
  settings: Pick<OrganisationSettings, 'appealRoutes'>,
): AppealStep[] {
  const party = complaint.trajectory.commissioningParty;
  return settings.appealRoutes
    .filter((route) => !route.onlyFor || route.onlyFor === party?.type)
    .toSorted((a, b) => a.order - b.order)
    .map((route) => ({
      route,
      party:
        route.code === 'commissioning_party' && party
          ? { type: party.type, name: party.name, contact: party.contact }
          : null,
    }));
}
