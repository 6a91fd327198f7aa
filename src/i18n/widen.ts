/**
 * The shape of a text catalogue in another language: the Dutch catalogue with its strings widened, so that the
 * type checker says which keys a translation misses while accepting other words.
 */
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer E)[]
      ? Widen<E>[]
      : T extends object
        ? { [K in keyof T]: Widen<T[K]> }
        : T;
