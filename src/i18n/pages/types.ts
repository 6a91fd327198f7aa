/** The shape of the pages' texts: the Dutch file, with strings widened so another language can fill them in. */
import type { Widen } from '../widen.ts';
import type { nl } from './nl.ts';

export type PageMessages = Widen<typeof nl> & { meta: { dir: 'ltr' | 'rtl' } };
