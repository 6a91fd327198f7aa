/**
 * What an attachment really is: its content type sniffed from the bytes (never the client's word) and a file
 * name that is safe to store and to offer for download again.
 */
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

export const ALLOWED_ATTACHMENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  // HEIF photos with the 'mif1' brand (many Android phones) are the same format as HEIC to us.
  'image/heif',
  'message/rfc822',
  // An Outlook message saved as a file (.msg): how a complaint received by email is often kept.
  'application/vnd.ms-outlook',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
];

/**
 * The content type of the bytes: magic numbers first (file-type), then the text formats file-type does not
 * know (e-mail, plain text). Undefined when it is neither a known binary format nor clean text.
 */
export async function sniffContentType(content: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) {
    // An OLE compound file is a .doc, but also an .xls, .msg or .msi installer: keep only Word documents,
    // which have a stream named "WordDocument" in their directory, and Outlook messages (__substg1.0_ streams).
    if (detected.mime === 'application/x-cfb') {
      if (isWordDocument(content)) return 'application/msword';
      return isOutlookMessage(content) ? 'application/vnd.ms-outlook' : detected.mime;
    }
    return detected.mime;
  }
  if (content.includes(0)) return undefined;
  // Checked before UTF-8: a mail's body may be in another 8-bit charset, its header block is ASCII.
  if (looksLikeEmail(content)) return 'message/rfc822';
  return isUtf8(content) ? 'text/plain' : undefined;
}

/** The base name only: no directories, no control or bidirectional-override characters, at most 200 chars. */
export function sanitiseFilename(filename: string): string {
  const base = path.posix.basename(filename.replaceAll('\\', '/'));
  const cleaned = base
    .normalize('NFC')
    // C0/C1 controls, and the bidi controls that make 'cod.exe' display as 'exe.doc'.
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'attachment';
  return truncateKeepingExtension(cleaned, 200);
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const ext = path.extname(name);
  const extChars = ext.length > 1 && ext.length <= 16 ? [...ext] : [];
  return chars.slice(0, max - extChars.length).join('') + extChars.join('');
}

function isWordDocument(content: Buffer): boolean {
  return content.includes(Buffer.from('WordDocument', 'utf16le'));
}

function isOutlookMessage(content: Buffer): boolean {
  return content.includes(Buffer.from('__substg1.0_', 'utf16le'));
}

const HEADER_LINE = /^[!-9;-~]+:/;
const MAIL_HEADERS = /^(from|received|mime-version|return-path|message-id):/i;

/**
 * An RFC 5322 message starts with a header block: ASCII lines `Name: value` (or folded continuations) up to
 * the first empty line, with at least one header only mail has. A note that merely begins with "From: …" and
 * goes on in prose fails the second line and stays text/plain.
 */
function looksLikeEmail(content: Buffer): boolean {
  const head = content.subarray(0, 64 * 1024).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const block = end === -1 ? head : head.slice(0, end);
  if (!/^[\t\r\n\x20-\x7e]*$/.test(block)) return false;
  const lines = block.split(/\r?\n/);
  // mbox exports start with a "From sender date" separator line.
  if (lines[0]?.startsWith('From ')) lines.shift();
  if (lines.length === 0 || !HEADER_LINE.test(lines[0] ?? '')) return false;
  const valid = lines.every((line) => HEADER_LINE.test(line) || /^[ \t]/.test(line));
  return valid && lines.some((line) => MAIL_HEADERS.test(line));
}
