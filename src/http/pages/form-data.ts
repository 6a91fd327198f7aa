/**
 * Reads a posted form, multipart or urlencoded, into text fields and the files of the `attachments` field.
 * Runs as a preValidation hook so that the CSRF check (a preHandler) finds `_csrf` in `request.body`.
 * Size problems do not abort the request: the files over a limit are dropped and named, so the form can
 * be shown again with everything that was typed and a message at the attachments field.
 */
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Upload } from '../../commands/take-action.ts';
import { MalformedBodyError } from '../problems.ts';

/** At most this many files per submission (the brief's limit; busboy stops at twice as many). */
export const MAX_FILES = 5;

export type FileProblem =
  | { kind: 'too_large'; filename: string }
  | { kind: 'total_too_large' }
  | { kind: 'too_many' };

export interface PostedForm {
  fields: Record<string, string>;
  files: Upload[];
  fileProblems: FileProblem[];
}

const forms = new WeakMap<FastifyRequest, PostedForm>();

/** Browsers send line breaks in text as CRLF (HTML form submission); they are stored as they were typed: LF. */
const newlines = (value: string): string => value.replace(/\r\n?/g, '\n');

export interface FormLimits {
  attachmentMaxBytes: number;
  attachmentsMaxTotalBytes: number;
}

/** The preValidation hook: parses the body once and keeps the result for `postedForm`. */
export function formReader(limits: FormLimits) {
  return async function readForm(request: FastifyRequest): Promise<void> {
    const form: PostedForm = { fields: Object.create(null), files: [], fileProblems: [] };
    if (request.isMultipart()) {
      try {
        await readParts(request, form, limits);
      } catch (error) {
        // Busboy's own errors (a body cut short, no boundary) are the client's; the plugin's limits carry
        // their status (413) already.
        if ((error as { statusCode?: number }).statusCode) throw error;
        throw new MalformedBodyError((error as Error).message);
      }
    } else if (request.body && typeof request.body === 'object') {
      for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) {
        const first = Array.isArray(value) ? value[0] : value;
        if (typeof first === 'string') form.fields[name] = newlines(first);
      }
    }
    forms.set(request, form);
    request.body = form.fields;
  };
}

/** The parts of a multipart body: text fields, and the files of `attachments` within the limits. */
async function readParts(request: FastifyRequest, form: PostedForm, limits: FormLimits): Promise<void> {
  let total = 0;
  const problem = (p: FileProblem) => {
    if (!form.fileProblems.some((q) => q.kind === p.kind && p.kind !== 'too_large'))
      form.fileProblems.push(p);
  };
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (!(part.fieldname in form.fields)) form.fields[part.fieldname] = newlines(String(part.value ?? ''));
      continue;
    }
    // An empty file input still sends a part, without a file name.
    if (part.fieldname !== 'attachments' || !part.filename) {
      part.file.resume();
      continue;
    }
    if (form.files.length >= MAX_FILES) {
      problem({ kind: 'too_many' });
      part.file.resume();
      continue;
    }
    const content = await part.toBuffer();
    if (part.file.truncated) {
      problem({ kind: 'too_large', filename: part.filename });
      continue;
    }
    total += content.length;
    if (total > limits.attachmentsMaxTotalBytes) {
      problem({ kind: 'total_too_large' });
      continue;
    }
    form.files.push({ filename: part.filename, content });
  }
}

/** The form read by `formReader`; empty when nothing was posted. */
export function postedForm(request: FastifyRequest): PostedForm {
  return forms.get(request) ?? { fields: Object.create(null), files: [], fileProblems: [] };
}

/** Multipart limits for @fastify/multipart: files over the size are truncated (and reported), not fatal. */
export function multipartLimits(limits: FormLimits) {
  return {
    fileSize: limits.attachmentMaxBytes,
    files: MAX_FILES * 2,
    fields: 40,
    fieldSize: 64 * 1024,
    parts: 60,
  };
}
