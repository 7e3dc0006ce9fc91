import type { ReactNode } from 'react';
import { FIELD_HELP, type FrontMatterIssue } from '../core/frontMatterSchema.ts';

interface FrontMatterFieldProps {
  name: string;
  value: string;
  onChange?: (value: string) => void;
  issues: FrontMatterIssue[];
  multiline?: boolean;
  /** Shown read-only with the reason from FIELD_HELP. */
  readOnly?: boolean;
  placeholder?: string;
  /** A button or two under the input, such as "Suggest from title". */
  actions?: ReactNode;
}

/** One page setting: label and help from FIELD_HELP, its input, and its errors and warnings. */
export function FrontMatterField({ name, value, onChange, issues, multiline, readOnly, placeholder, actions }: FrontMatterFieldProps) {
  const help = FIELD_HELP[name];
  const id = `fm-${name}`;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const describedBy = [`${id}-help`, errors.length > 0 ? `${id}-errors` : '', warnings.length > 0 ? `${id}-warnings` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    className: 'field__input',
    value,
    readOnly,
    placeholder,
    'aria-invalid': errors.length > 0,
    'aria-describedby': describedBy,
  };

  return (
    <div className={`field${errors.length > 0 ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {help?.label ?? name}
      </label>
      <p id={`${id}-help`} className="field__help">
        {readOnly && help?.derived ? `${help.help} ${help.derived}` : (help?.help ?? '')}
      </p>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange?.(event.target.value.replace(/\r?\n/g, ' '))} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange?.(event.target.value)} />
      )}
      {actions && <div className="field__actions">{actions}</div>}
      {errors.length > 0 && (
        <div id={`${id}-errors`} role="alert">
          {errors.map((e, i) => (
            <p key={i} className="field__error">
              {e.message}
            </p>
          ))}
        </div>
      )}
      {warnings.length > 0 && (
        <div id={`${id}-warnings`}>
          {warnings.map((w, i) => (
            <p key={i} className="field__warning">
              {w.message}
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
