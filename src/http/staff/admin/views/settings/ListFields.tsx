/**
 * The fields of a list section: one group per item in force (its code shown, not editable; its texts;
 * a box to remove it, which says how many complaints use the code), then an empty group to add one.
 */
import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { COMMISSIONING_PARTY_TYPES, type OrganisationSettings } from '../../../../../domain/settings.ts';
import type { AdminSettingsMessages } from '../../../../../i18n/staff/admin-settings.ts';
import { CheckboxField } from '../../../../pages/components/CheckboxField.tsx';
import { SelectField } from '../../../../pages/components/SelectField.tsx';
import { TextField } from '../../../../pages/components/TextField.tsx';
import type { FieldError } from '../../../../pages/validate.ts';
import { errorAt } from '../../components/FormErrors.tsx';
import type { AdminPageContext } from '../../context.ts';
import { itemsOf, type ListColumn, type ListSpec } from '../../settings/lists.ts';
import type { FormValues } from '../../settings/types.ts';

interface Props {
  ctx: AdminPageContext;
  s: AdminSettingsMessages;
  spec: ListSpec;
  values: FormValues;
  errors: FieldError[];
  settings: OrganisationSettings;
  usage?: ReadonlyMap<string, number> | undefined;
}

function Column({
  ctx,
  s,
  spec,
  column,
  prefix,
  values,
  errors,
}: Omit<Props, 'settings' | 'usage'> & { column: ListColumn; prefix: string }) {
  const name = `${prefix}-${column.field}`;
  const label = spec.columnLabel(s, column.field);
  const common = {
    name,
    label,
    value: values[name] ?? '',
    error: errorAt(errors, name),
    errorPrefix: ctx.t.form.errorPrefix,
  };
  if (column.kind === 'partyType') {
    return (
      <SelectField
        {...common}
        empty={s.appeal.allTrajectories}
        options={COMMISSIONING_PARTY_TYPES.map((type) => ({ value: type, label: s.appeal.partyTypes[type] }))}
      />
    );
  }
  const hint =
    column.field === 'code' ? s.list.codeHint : column.field === 'order' ? s.appeal.orderHint : undefined;
  return (
    <TextField
      {...common}
      hint={prefix === 'new' ? hint : column.field === 'order' ? hint : undefined}
      short={column.kind === 'integer' || column.field === 'code'}
      autoComplete="off"
    />
  );
}

export function ListFields({ ctx, s, spec, values, errors, settings, usage }: Props) {
  const items = itemsOf(settings, spec.key);
  const identity = spec.columns[0]!;
  return (
    <>
      {items.map((item, i) => {
        const prefix = `item-${i}`;
        const code = String(item[identity.path] ?? '');
        const used = usage?.get(code) ?? 0;
        return (
          <Fieldset key={code} className="vp-list-item">
            <FieldsetLegend className="vp-legend vp-legend--small">{spec.itemLabel(s, item)}</FieldsetLegend>
            {spec.counted && (
              <Paragraph className="vp-muted">{used > 0 ? s.list.usedBy(used) : s.list.unused}</Paragraph>
            )}
            {spec.columns
              .filter((column) => !column.fixed)
              .map((column) => (
                <Column
                  key={column.field}
                  ctx={ctx}
                  s={s}
                  spec={spec}
                  column={column}
                  prefix={prefix}
                  values={values}
                  errors={errors}
                />
              ))}
            <CheckboxField
              name={`${prefix}-remove`}
              label={used > 0 ? s.list.removeUsed(used) : s.list.remove}
              checked={values[`${prefix}-remove`] === 'yes'}
              error={errorAt(errors, `${prefix}-remove`)}
              errorPrefix={ctx.t.form.errorPrefix}
            />
          </Fieldset>
        );
      })}
      <Fieldset className="vp-list-item" aria-describedby="new-item-hint">
        <FieldsetLegend className="vp-legend vp-legend--small">{s.list.newHeading}</FieldsetLegend>
        <Paragraph id="new-item-hint" className="vp-muted">
          {s.list.newHint}
        </Paragraph>
        {spec.columns.map((column) => (
          <Column
            key={column.field}
            ctx={ctx}
            s={s}
            spec={spec}
            column={column}
            prefix="new"
            values={values}
            errors={errors}
          />
        ))}
      </Fieldset>
    </>
  );
}
