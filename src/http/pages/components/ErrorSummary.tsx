/**
 * The errors at the top of a page: announced (role="alert"), focused on load (autofocus works without
 * JavaScript), each message a link to its field.
 */
import { Heading, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { FieldError } from '../validate.ts';

interface Props {
  heading: string;
  errors: FieldError[];
  /** A message for the whole form, before the field messages. */
  intro?: string | undefined;
}

export function ErrorSummary({ heading, errors, intro }: Props) {
  return (
    <div
      className="vp-error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      // biome-ignore lint/a11y/noAutofocus: focus on the error summary is the pattern people rely on; without JavaScript only autofocus can move it.
      autoFocus
      id="error-summary"
    >
      <Heading level={2} id="error-summary-title">
        {heading}
      </Heading>
      {intro && <p className="utrecht-paragraph">{intro}</p>}
      {errors.length > 0 && (
        <UnorderedList>
          {errors.map((error) => (
            <UnorderedListItem key={error.field}>
              <Link href={`#field-${error.field}`}>{error.message}</Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </div>
  );
}
