/**
 * The build checks of one site: run in the background, one at a time, each commit's result kept by
 * its tree (a commit that only brings a change set up to date with the same files is not built again).
 */
import { git } from '../git/git.ts';
import { PathQueue } from '../pathQueue.ts';
import { buildCommit, jekyllInstalled, JEKYLL, type BuildOptions, type BuildReport } from './jekyllBuild.ts';

export type BuildCheckStatus =
  | { state: 'unavailable'; message: string }
  | { state: 'checking'; commit: string }
  | { state: 'done'; commit: string; report: BuildReport };

const KEEP = 100;

export class BuildChecks {
  readonly #siteDir: string;
  readonly #opts: BuildOptions;
  readonly #queue = new PathQueue();
  /** Tree id → the build of it (pending or done), oldest first. */
  readonly #byTree = new Map<string, Promise<BuildReport>>();
  readonly #done = new Map<string, BuildReport>();

  constructor(siteDir: string, opts: BuildOptions = {}) {
    this.#siteDir = siteDir;
    this.#opts = opts;
  }

  get available(): boolean {
    return jekyllInstalled(this.#opts.jekyll ?? JEKYLL);
  }

  async #tree(commit: string): Promise<string> {
    return (await git(this.#siteDir, ['rev-parse', '--verify', `${commit}^{tree}`])).stdout.trim();
  }

  /** The build of `commit`, started (behind any other build of the site) when it is not known yet. */
  async check(commit: string): Promise<BuildReport> {
    const tree = await this.#tree(commit);
    let pending = this.#byTree.get(tree);
    if (!pending) {
      pending = this.#queue.run('build', () => buildCommit(this.#siteDir, commit, this.#opts));
      this.#byTree.set(tree, pending);
      pending.then(
        (report) => void this.#done.set(tree, report),
        () => void this.#byTree.delete(tree),
      );
      while (this.#byTree.size > KEEP) {
        const oldest = this.#byTree.keys().next().value!;
        this.#byTree.delete(oldest);
        this.#done.delete(oldest);
      }
    }
    return { ...(await pending), commit };
  }

  /** Where the check of `commit` stands, starting it in the background when needed. */
  async status(commit: string): Promise<BuildCheckStatus> {
    if (!this.available) {
      return { state: 'unavailable', message: `The build check is off: Jekyll is not installed on the server (Debian: apt-get install jekyll).` };
    }
    const tree = await this.#tree(commit);
    const report = this.#done.get(tree);
    if (report) return { state: 'done', commit, report: { ...report, commit } };
    this.check(commit).catch((err: unknown) => console.error('[build check]', err instanceof Error ? err.message : 'failed'));
    return { state: 'checking', commit };
  }
}
