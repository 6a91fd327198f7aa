/** The shape of the pages' texts: the Dutch file, with strings widened so another language can fill them in. */
import type { nl } from './nl.ts';

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer E)[]
      ? Widen<E>[]
      : T extends object
        ? { [K in keyof T]: Widen<T[K]> }
        : T;

export type PageMessages = Widen<typeof nl> & { meta: { dir: 'ltr' | 'rtl' } };
