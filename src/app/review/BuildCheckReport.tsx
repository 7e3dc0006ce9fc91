/**
 * The build check on the review screen: whether the site builds with the changes, its build errors
 * and the links that lead to pages that do not exist. What the published site already has is listed
 * apart, so the reviewer sees first what these changes bring.
 */
import type { BuildCheck } from './reviewApi.ts';

type Done = Extract<BuildCheck, { state: 'done' }>;

const KIND_WORDS: Record<Done['problems'][number]['kind'], string> = { liquid: 'Liquid error', yaml: 'YAML error', conflict: 'Two files at one address', build: 'Build error' };

function Problems({ problems }: { problems: Done['problems'] }) {
  return (
    <ul>
      {problems.map((p, i) => (
        <li key={i}>
          <strong>{KIND_WORDS[p.kind]}</strong>
          {p.file && (
            <>
              {' '}
              in <code>{p.file}</code>
            </>
          )}
          : {p.message}
        </li>
      ))}
    </ul>
  );
}

function Links({ links }: { links: Done['brokenLinks'] }) {
  return (
    <ul>
      {links.map((l, i) => (
        <li key={i}>
          On <code>{l.page}</code>: a link to <code>{l.href}</code> leads to no page or file of the site.
        </li>
      ))}
    </ul>
  );
}

export function BuildCheckReport({ check }: { check: BuildCheck }) {
  if (check.state === 'unavailable') {
    return (
      <section className="review-build" aria-labelledby="review-build-title">
        <h3 id="review-build-title">Build check</h3>
        <p>{check.message}</p>
      </section>
    );
  }
  if (check.state === 'checking') {
    return (
      <section className="review-build" aria-labelledby="review-build-title" aria-busy="true">
        <h3 id="review-build-title">Build check</h3>
        <p>Building the site with these changes…</p>
      </section>
    );
  }
  const newProblems = check.problems.filter((p) => !p.alreadyPublished);
  const newLinks = check.brokenLinks.filter((l) => !l.alreadyPublished);
  const oldProblems = check.problems.filter((p) => p.alreadyPublished);
  const oldLinks = check.brokenLinks.filter((l) => l.alreadyPublished);
  const failed = check.outcome === 'failed';
  const warnings = newProblems.length + newLinks.length;
  return (
    <section className={`review-build${failed ? ' review-build--failed' : warnings ? ' review-build--warnings' : ''}`} aria-labelledby="review-build-title">
      <h3 id="review-build-title">Build check</h3>
      {failed ? (
        <p role="alert">
          <strong>The site does not build with these changes.</strong> Published as they are, the site would not update. Only an admin can publish it anyway.
        </p>
      ) : warnings ? (
        <p>
          The site builds with these changes, with {warnings} {warnings === 1 ? 'warning' : 'warnings'}.
        </p>
      ) : (
        <p>The site builds with these changes{check.linksChecked ? ', and every link to a page of the site leads somewhere' : ''}.</p>
      )}
      {newProblems.length > 0 && <Problems problems={newProblems} />}
      {newLinks.length > 0 && (
        <>
          <h4>Links to pages that do not exist</h4>
          <Links links={newLinks} />
        </>
      )}
      {oldProblems.length + oldLinks.length > 0 && (
        <details>
          <summary>
            {oldProblems.length + oldLinks.length} more {oldProblems.length + oldLinks.length === 1 ? 'problem is' : 'problems are'} on the published site already
          </summary>
          {oldProblems.length > 0 && <Problems problems={oldProblems} />}
          {oldLinks.length > 0 && <Links links={oldLinks} />}
        </details>
      )}
      <p className="review-build__note">
        Built without the site&rsquo;s theme and plugins, which need the network: the layouts are not checked
        {check.themeIncludes.length > 0 && <>, nor the theme&rsquo;s includes ({check.themeIncludes.join(', ')})</>}.
      </p>
    </section>
  );
}
