/** Where staff open a case from an email: its page in the staff workspace. */
export function staffCaseUrl(publicUrl: string, reference: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/staff/complaints/${encodeURIComponent(reference)}`;
}
