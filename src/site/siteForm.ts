/** Reading and writing the fields of a data file's form: only a field whose value changed touches the text. */
import { checkFieldValue, type FieldIssue, type SiteField } from './siteField.ts';
import { parseSiteYaml, setValue } from './yamlTextEdit.ts';

export type FieldValue = string | boolean;

/** The field's value as the form shows it: text ('' when absent or empty) or a switch. */
export function readFieldValue(text: string, field: SiteField): FieldValue {
  const value: unknown = parseSiteYaml(text).getIn(field.path);
  if (field.kind === 'boolean') return value === undefined || value === null ? (field.absent ?? false) : value === true;
  return value === undefined || value === null ? '' : String(value);
}

/** Every field's value, keyed by its dotted path. */
export function readForm(text: string, fields: readonly SiteField[]): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((f) => [fieldKey(f), readFieldValue(text, f)]));
}

export const fieldKey = (field: SiteField) => field.path.join('.');

/**
 * Writes one field. A blank text field that is absent stays absent; one that exists becomes `""`
 * (the key is kept, as the theme reads both alike). An unchanged value leaves the text as it is.
 */
export function writeFieldValue(text: string, field: SiteField, value: FieldValue): string {
  if (readFieldValue(text, field) === value) return text;
  const present = parseSiteYaml(text).hasIn(field.path);
  if (value === '' && !present) return text;
  // A switch left as the theme reads its absence stays absent.
  if (typeof value === 'boolean' && !present && value === (field.absent ?? false)) return text;
  return setValue(text, field.path, value);
}

/** A field's issue, marked when its value is as the file was read (a mistake already in the file). */
export interface FormIssue extends FieldIssue {
  field: SiteField;
  inFile: boolean;
}

/**
 * Every issue of the form's fields, changed or not, so mistakes the file came with are stated before
 * saving. Those (`inFile`) never block a save: only what the editor changed is held to the rules.
 */
export function formIssues(text: string, original: string, fields: readonly SiteField[]): FormIssue[] {
  return fields.flatMap((field) => {
    const value = readFieldValue(text, field);
    const inFile = readFieldValue(original, field) === value;
    return checkFieldValue(field, value).map((issue) => ({ ...issue, field, inFile }));
  });
}
