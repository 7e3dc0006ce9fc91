/**
 * The build check a review request shows before publishing: the change set's head built with Jekyll,
 * its problems and broken links each marked when the published site already has them (so a reviewer
 * sees first what these changes bring).
 */
import type { BuildChecks } from '../build/buildChecks.ts';
import type { BrokenLink, BuildProblem, ReviewBuildCheck } from '../../core/reviewBuildCheck.ts';

export type { ReviewBuildCheck };

const problemKey = (p: BuildProblem) => `${p.kind}\n${p.file ?? ''}\n${p.message}`;
const linkKey = (l: BrokenLink) => `${l.page}\n${l.href}`;

export async function reviewBuildCheck(checks: BuildChecks, head: string, publishedTip: string): Promise<ReviewBuildCheck> {
  const [mine, published] = await Promise.all([checks.status(head), checks.status(publishedTip)]);
  if (mine.state !== 'done') return mine;
  // Problems the published site has too are told apart, so both builds are waited for.
  if (published.state === 'checking') return { state: 'checking', commit: head };
  const before = published.state === 'done' ? published.report : null;
  const oldProblems = new Set(before?.problems.map(problemKey));
  const oldLinks = new Set(before?.brokenLinks.map(linkKey));
  const { report } = mine;
  return {
    state: 'done',
    commit: head,
    outcome: report.outcome,
    problems: report.problems.map((p) => ({ ...p, alreadyPublished: oldProblems.has(problemKey(p)) })),
    brokenLinks: report.brokenLinks.map((l) => ({ ...l, alreadyPublished: oldLinks.has(linkKey(l)) })),
    linksChecked: report.linksChecked,
    themeIncludes: report.themeIncludes,
  };
}
