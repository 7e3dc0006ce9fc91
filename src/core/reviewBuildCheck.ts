/** What the build check says of a review request's latest changes: shared by the server that makes it and the review screen that shows it. */

export type BuildProblemKind = 'liquid' | 'yaml' | 'conflict' | 'build';

export interface BuildProblem {
  kind: BuildProblemKind;
  /** Whether it stops the build (the published site would not be updated). */
  fatal: boolean;
  /** The site file it is about, when the build names one. */
  file: string | null;
  message: string;
}

export interface BrokenLink {
  /** The address of the page the link is on, e.g. `/about-us/`. */
  page: string;
  /** What the page links to, as written. */
  href: string;
  /** The site address it leads to, without the site's baseurl. */
  target: string;
}

export type ReviewBuildCheck =
  | { state: 'unavailable'; message: string }
  | { state: 'checking'; commit: string }
  | {
      state: 'done';
      commit: string;
      /** `failed`: the site does not build with these changes; `warnings`: it builds, with problems. */
      outcome: 'passed' | 'warnings' | 'failed';
      /** Each marked when the published site has it already. */
      problems: (BuildProblem & { alreadyPublished: boolean })[];
      brokenLinks: (BrokenLink & { alreadyPublished: boolean })[];
      linksChecked: boolean;
      /** Includes the site does not have, taken to come from its theme (not checked offline). */
      themeIncludes: string[];
    };
