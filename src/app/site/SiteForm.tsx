/** A form over the fields of a site data file (footer, settings), with help text and each field's rules. */
import { useMemo } from 'react';
import { checkFieldValue, type SiteField } from '../../site/siteField.ts';
import { fieldKey, readForm, writeFieldValue, type FieldValue } from '../../site/siteForm.ts';
import { ChooseImageButton } from './ChooseImageButton.tsx';

interface Props {
  text: string;
  original: string;
  fields: readonly SiteField[];
  edit: (next: (text: string) => string) => void;
}

export function SiteForm({ text, original, fields, edit }: Props) {
  const values = useMemo(() => readForm(text, fields), [text, fields]);
  const before = useMemo(() => readForm(original, fields), [original, fields]);
  const groups = [...new Set(fields.map((f) => f.group ?? ''))];
  const set = (field: SiteField, value: FieldValue) => edit((t) => writeFieldValue(t, field, value));
  return (
    <form className="site-form" onSubmit={(e) => e.preventDefault()}>
      {groups.map((group) => (
        <fieldset key={group} className="site-form__group">
          {group && <legend>{group}</legend>}
          {fields
            .filter((f) => (f.group ?? '') === group)
            .map((field) => {
              const key = fieldKey(field);
              const id = `site-field-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
              const value = values[key]!;
              // A value as it was read is not judged again: only what the person changes.
              const issues = value === before[key] ? [] : checkFieldValue(field, value);
              const errors = issues.filter((i) => i.severity === 'error');
              const warnings = issues.filter((i) => i.severity === 'warning');
              return (
                <div key={key} className={`field${errors.length ? ' field--error' : ''}`}>
                  {field.kind === 'boolean' ? (
                    <label className="site-form__switch">
                      <input id={id} type="checkbox" checked={value === true} aria-describedby={`${id}-help`} onChange={(e) => set(field, e.target.checked)} />
                      {field.label}
                    </label>
                  ) : (
                    <>
                      <label htmlFor={id} className="field__label">
                        {field.label}
                        {field.required && <span aria-hidden="true"> *</span>}
                      </label>
                      <div className="site-form__input-row">
                        {field.kind === 'colour' && <span className="site-form__swatch" style={{ background: /^#[0-9a-f]{3,6}$/i.test(String(value)) ? String(value) : 'transparent' }} aria-hidden="true" />}
                        <input
                          id={id}
                          className="field__input"
                          type="text"
                          value={String(value)}
                          required={field.required}
                          aria-invalid={errors.length > 0}
                          aria-describedby={`${id}-help${issues.length ? ` ${id}-issues` : ''}`}
                          onChange={(e) => set(field, e.target.value)}
                        />
                        {field.image && <ChooseImageButton label={field.label.toLowerCase()} onChoose={(src) => set(field, src)} />}
                      </div>
                    </>
                  )}
                  <p id={`${id}-help`} className="field__help">
                    {field.help}
                  </p>
                  {issues.length > 0 && (
                    <div id={`${id}-issues`}>
                      {errors.map((i, n) => (
                        <p key={`e${n}`} className="field__error">
                          {i.message}
                        </p>
                      ))}
                      {warnings.map((i, n) => (
                        <p key={`w${n}`} className="field__warning">
                          {i.message}
                        </p>
                      ))}
                    </div>
                  )}
                </div>
              );
            })}
        </fieldset>
      ))}
    </form>
  );
}
