/** YAML data files of a site (`_config.yml`, `_data/*.yml`, `collection.yml`), read without throwing or logging. */
import { parseDocument } from 'yaml';

/** Parses a YAML document that should be a mapping (or empty). Never throws, never logs. */
export function parseYamlMapping(source: string): { data: Record<string, unknown> | null; error: boolean } {
  try {
    const doc = parseDocument(source, { logLevel: 'silent', prettyErrors: false });
    if (doc.errors.length) return { data: null, error: true };
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return { data: {}, error: false };
    if (typeof value !== 'object' || Array.isArray(value)) return { data: null, error: true };
    return { data: value as Record<string, unknown>, error: false };
  } catch {
    return { data: null, error: true };
  }
}

/** Parses any YAML document (e.g. navigation.yml, which may be a list). Returns undefined on error. */
export function parseYamlAny(source: string): unknown {
  try {
    const doc = parseDocument(source, { logLevel: 'silent', prettyErrors: false });
    if (doc.errors.length) return undefined;
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}
