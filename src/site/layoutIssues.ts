import { contactUsIssues } from './contactUs.ts';
import { homepageIssues, type FieldIssue } from './homepage.ts';
import type { SiteLayout } from './siteLayout.ts';

export { siteLayoutOf, type SiteLayout } from './siteLayout.ts';

export function layoutIssues(layout: SiteLayout, data: Record<string, unknown>): FieldIssue[] {
  return layout === 'homepage' ? homepageIssues(data) : contactUsIssues(data);
}

function issueKey(issue: FieldIssue, data: Record<string, unknown>): string {
  let value: unknown = data;
  for (const step of issue.path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return `${issue.message}\u0000${JSON.stringify(value ?? null)}`;
}

/**
 * The errors that block a save: those the edits brought in. Mistakes already in the file are shown but
 * do not stop an editor from saving another change (the official CMS blocks the save then).
 */
export function newLayoutErrors(layout: SiteLayout, before: Record<string, unknown>, after: Record<string, unknown>): FieldIssue[] {
  const old = new Set(layoutIssues(layout, before).filter((i) => i.severity === 'error').map((i) => issueKey(i, before)));
  return layoutIssues(layout, after).filter((i) => i.severity === 'error' && !old.has(issueKey(i, after)));
}
