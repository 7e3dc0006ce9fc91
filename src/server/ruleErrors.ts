/** Site rules (src/core) refuse with SiteRuleError; the server answers those as HTTP errors. */
import { SiteRuleError } from '../core/pageRules.ts';
import { HttpError } from './errors.ts';

/** A SiteRuleError as the HttpError with the same status, message and body; anything else as it is. */
function asHttpError(err: unknown): unknown {
  return err instanceof SiteRuleError ? new HttpError(err.status, err.message, err.body) : err;
}

/** Runs `fn`, turning a SiteRuleError into the HttpError with the same status, message and body. */
export function underRules<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw asHttpError(err);
  }
}

/** `underRules` for rules that wait (such as the SVG check, which loads its parser). */
export async function underRulesAsync<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw asHttpError(err);
  }
}
