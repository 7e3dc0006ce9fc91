/** Site rules (src/core) refuse with SiteRuleError; the server answers those as HTTP errors. */
import { SiteRuleError } from '../core/pageRules.ts';
import { HttpError } from './errors.ts';

/** Runs `fn`, turning a SiteRuleError into the HttpError with the same status, message and body. */
export function underRules<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SiteRuleError) throw new HttpError(err.status, err.message, err.body);
    throw err;
  }
}
