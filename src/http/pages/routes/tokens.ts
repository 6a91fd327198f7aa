/** Follow-up tokens in page URLs: the shape checked before any database lookup. */
import { DomainError } from '../../../domain/errors.ts';

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

export const validToken = (token: string): boolean => TOKEN.test(token);

/** The same error an unknown token gets from the command, so both show the same 404 page. */
export const unknownLink = () =>
  new DomainError('not_found', {
    en: 'This link does not open a complaint.',
    nl: 'Deze link hoort niet bij een klacht.',
  });
