/**
 * Attachments on the public pages: the rules shown before anyone chooses a file, and each file's problems
 * before anything is stored (sizes found while reading, then empty files and types the attachment store
 * would refuse), each named so the reporter knows which file to change.
 */
import type { Upload } from '../../commands/take-action.ts';
import type { Config } from '../../config.ts';
import { ALLOWED_ATTACHMENT_TYPES, sniffContentType } from '../../db/attachment-content.ts';
import type { PageMessages } from '../../i18n/pages/index.ts';
import type { AttachmentRules } from '../../i18n/pages/nl.ts';
import { formatMegabytes } from './dates.ts';
import { type FileProblem, MAX_FILES } from './form-data.ts';
import type { FieldError } from './validate.ts';

type Limits = Pick<Config, 'attachmentMaxBytes' | 'attachmentsMaxTotalBytes'>;

export function attachmentRules(t: PageMessages, limits: Limits): AttachmentRules {
  return {
    types: t.form.attachmentTypes,
    maxFile: formatMegabytes(t, limits.attachmentMaxBytes),
    maxTotal: formatMegabytes(t, limits.attachmentsMaxTotalBytes),
    maxFiles: MAX_FILES,
  };
}

/** What the file picker offers; the server decides by the bytes, not by this. */
export const ACCEPTED_FILES =
  '.pdf,.jpg,.jpeg,.png,.heic,.heif,.eml,.msg,.txt,.doc,.docx,application/pdf,image/jpeg,image/png,image/heic,image/heif,message/rfc822,application/vnd.ms-outlook,text/plain,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function validateUploads(
  files: Upload[],
  problems: FileProblem[],
  t: PageMessages,
  limits: Limits,
  field = 'attachments',
): Promise<FieldError[]> {
  const rules = attachmentRules(t, limits);
  const messages: string[] = [];
  for (const problem of problems) {
    if (problem.kind === 'too_large')
      messages.push(t.form.errors.fileTooLarge({ name: problem.filename, max: rules.maxFile }));
    if (problem.kind === 'total_too_large') messages.push(t.form.errors.filesTooLarge(rules.maxTotal));
    if (problem.kind === 'too_many') messages.push(t.form.errors.tooManyFiles(rules.maxFiles));
  }
  for (const file of files) {
    if (file.content.length === 0) {
      messages.push(t.form.errors.fileEmpty(file.filename));
      continue;
    }
    const type = await sniffContentType(file.content);
    if (!type || !ALLOWED_ATTACHMENT_TYPES.includes(type)) {
      messages.push(t.form.errors.fileType({ name: file.filename, types: rules.types }));
    }
  }
  return messages.length ? [{ field, message: messages.join(' ') }] : [];
}
