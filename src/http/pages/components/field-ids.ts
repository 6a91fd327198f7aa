/** Element ids of a form field (`field-<name>`), its hint and its error, and what describes the input. */
export function fieldIds(name: string, hasHint: boolean, error: string | undefined) {
  const id = `field-${name}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy =
    [hasHint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

export const fieldClass = (error: string | undefined, extra?: string) =>
  ['vp-field', error ? 'vp-field--invalid' : null, extra].filter(Boolean).join(' ');
