/**
 * Moves branches through one long-lived `git update-ref --stdin`: each move is a transaction of its
 * own (start, update with the value the branch must still have, prepare, commit), so git locks the
 * branch, checks it and writes it, reflog included, as `git update-ref NEW OLD` does. A branch that
 * is not where it was expected makes git refuse and end; the move fails with what git said.
 */
import { GitPipe } from './gitPipe.ts';

/** Branches this updater moves (names are checked before they become branches). */
const REF = /^refs\/heads\/[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const ID = /^[0-9a-f]{40}$/;
const ANSWER = 'start: ok\nprepare: ok\ncommit: ok\n';

export class RefUpdater extends GitPipe<void> {
  /** `reflogMessage` is written in the reflog of every branch it moves. */
  constructor(cwd: string, reflogMessage: string, onSpawn?: (args: readonly string[], pid: number | undefined) => void) {
    super(cwd, ['update-ref', '--stdin', '-m', reflogMessage], onSpawn);
  }

  /** Moves `ref` to `to`, only if it is at `from` now. */
  update(ref: string, to: string, from: string): Promise<void> {
    if (!REF.test(ref) || !ID.test(to) || !ID.test(from)) return Promise.reject(new Error('not a branch or commit this updater accepts'));
    return this.ask(`start\nupdate ${ref} ${to} ${from}\nprepare\ncommit\n`);
  }

  protected parse(buffered: Buffer): { value: void; used: number } | null {
    if (buffered.length < ANSWER.length) return null;
    const got = buffered.toString('latin1', 0, ANSWER.length);
    if (got !== ANSWER) throw new Error(`git update-ref answered ${JSON.stringify(got)}`);
    return { value: undefined, used: ANSWER.length };
  }
}
