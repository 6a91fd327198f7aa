/**
 * Where staff open a case from an email. There are no staff pages yet, so it is the staff API's URL of the
 * case; when the pages exist, this is the one line to change.
 */
export function staffCaseUrl(publicUrl: string, reference: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/v1/staff/complaints/${encodeURIComponent(reference)}`;
}
