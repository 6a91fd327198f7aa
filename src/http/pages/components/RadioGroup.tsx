/**
 * Radio buttons in a fieldset with a legend. The first radio has the field's id (`field-<name>`), so the
 * error summary's link lands on the group; the others are `field-<name>-<value>`.
 */
import {
  Fieldset,
  FieldsetLegend,
  FormFieldDescription,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { ErrorMessage } from './FieldText.tsx';
import { fieldClass } from './field-ids.ts';

interface Option {
  value: string;
  label: string;
  hint?: string | undefined;
}

interface Props {
  name: string;
  legend: string;
  value: string;
  options: Option[];
  error?: string | undefined;
  errorPrefix: string;
  /** Shown with a large legend, as a section's question. */
  large?: boolean;
}

export const radioId = (name: string, value: string, index: number) =>
  index === 0 ? `field-${name}` : `field-${name}-${value}`;

export function RadioGroup({ name, legend, value, options, error, errorPrefix, large }: Props) {
  const errorId = `field-${name}-error`;
  return (
    <div className={fieldClass(error)}>
      <Fieldset invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
        <FieldsetLegend className={large ? 'vp-legend' : 'vp-legend vp-legend--small'}>
          {legend}
        </FieldsetLegend>
        {error && <ErrorMessage id={errorId} prefix={errorPrefix} message={error} />}
        {options.map((option, index) => {
          const id = radioId(name, option.value, index);
          return (
            <div className="vp-choice" key={option.value}>
              <RadioButton
                id={id}
                name={name}
                value={option.value}
                defaultChecked={value === option.value}
                invalid={Boolean(error)}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
              />
              <div>
                <FormLabel htmlFor={id} type="radio">
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
