/** A form over the fields of a site data file (footer, settings), with help text and each field's rules. */
import { useMemo } from 'react';
import type { SiteField } from '../../site/siteField.ts';
import { fieldKey, formIssues, readForm, writeFieldValue, type FieldValue } from '../../site/siteForm.ts';
import { ChooseImageButton } from './ChooseImageButton.tsx';

interface Props {
  text: string;
  original: string;
  fields: readonly SiteField[];
  edit: (next: (text: string) => string) => void;
}

export function SiteForm({ text, original, fields, edit }: Props) {
  const values = useMemo(() => readForm(text, fields), [text, fields]);
  // Every field is judged, changed or not: mistakes the file came with are stated before saving too.
  const allIssues = useMemo(() => formIssues(text, original, fields), [text, original, fields]);
  const inFile = allIssues.filter((i) => i.inFile && i.severity === 'error');
  const groups = [...new Set(fields.map((f) => f.group ?? ''))];
  const set = (field: SiteField, value: FieldValue) => edit((t) => writeFieldValue(t, field, value));
  return (
    <form className="site-form" onSubmit={(e) => e.preventDefault()}>
      {inFile.length > 0 && (
        <div className="notice notice--warning site-form__in-file" role="region" aria-label="Mistakes already in the file">
          <p>
            The file already has {inFile.length === 1 ? 'a mistake' : `${inFile.length} mistakes`}. Other changes can still be saved; fix
            {inFile.length === 1 ? ' it' : ' them'} below to get the site right:
          </p>
          <ul>
            {inFile.map((i, n) => (
              <li key={n}>
                <a href={`#${fieldId(i.field)}`}>{i.field.label}</a>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {groups.map((group) => (
        <fieldset key={group} className="site-form__group">
          {group && <legend>{group}</legend>}
          {fields
            .filter((f) => (f.group ?? '') === group)
            .map((field) => {
              const key = fieldKey(field);
              const id = fieldId(field);
              const value = values[key]!;
              const issues = allIssues.filter((i) => i.field === field);
              const kept = issues.some((i) => i.inFile);
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
                      {kept && errors.length > 0 && <p className="field__help">Already in the file (saving other changes is allowed):</p>}
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

const fieldId = (field: SiteField) => `site-field-${fieldKey(field).replace(/[^a-zA-Z0-9-]/g, '-')}`;
