/**
 * Several checkboxes under one question (a fieldset with a legend). Each box posts its own field
 * (`<name>-<value>` = "yes"), because the form reader keeps one value per field name. The first box has the
 * group's id (`field-<name>`), so the error summary's link lands on the group.
 */
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormLabel,
} from '@utrecht/component-library-react';
import { ErrorMessage } from '../../../pages/components/FieldText.tsx';
import { fieldClass } from '../../../pages/components/field-ids.ts';

interface Option {
  value: string;
  label: string;
  hint?: string | undefined;
}

interface Props {
  name: string;
  legend: string;
  hint?: string | undefined;
  checked: ReadonlySet<string>;
  options: Option[];
  error?: string | undefined;
  errorPrefix: string;
}

export const checkboxName = (name: string, value: string) => `${name}-${value}`;

export function CheckboxGroup({ name, legend, hint, checked, options, error, errorPrefix }: Props) {
  const hintId = `field-${name}-hint`;
  const errorId = `field-${name}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={fieldClass(error)}>
      <Fieldset invalid={Boolean(error)} aria-describedby={describedBy}>
        <FieldsetLegend className="vp-legend vp-legend--small">{legend}</FieldsetLegend>
        {hint && <FormFieldDescription id={hintId}>{hint}</FormFieldDescription>}
        {error && <ErrorMessage id={errorId} prefix={errorPrefix} message={error} />}
        {options.map((option, index) => {
          const id = index === 0 ? `field-${name}` : `field-${name}-${option.value}`;
          return (
            <div className="vp-choice" key={option.value}>
              <Checkbox
                id={id}
                name={checkboxName(name, option.value)}
                value="yes"
                defaultChecked={checked.has(option.value)}
                invalid={Boolean(error)}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                appearance="custom"
              />
              <div>
                <FormLabel htmlFor={id} type="checkbox">
                  {option.label}
                </FormLabel>
                {option.hint && <FormFieldDescription id={`${id}-hint`}>{option.hint}</FormFieldDescription>}
              </div>
            </div>
          );
        })}
      </Fieldset>
    </div>
  );
}

/** The values whose boxes were ticked in a posted form. */
export function checkedValues<T extends string>(
  fields: Record<string, string>,
  name: string,
  values: readonly T[],
): T[] {
  return values.filter((value) => fields[checkboxName(name, value)] === 'yes');
}
