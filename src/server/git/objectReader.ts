/** Reads git objects (trees, a branch's commit) through one long-lived `git cat-file --batch`. */
import { GitPipe } from './gitPipe.ts';

export interface GitObject {
  id: string;
  type: string;
  body: Buffer;
}

/** Object names this reader accepts: an id, or a branch (names are checked before they become branches). */
const NAME = /^(?:[0-9a-f]{40}|refs\/heads\/[A-Za-z0-9][A-Za-z0-9._/-]*)$/;

export class ObjectReader extends GitPipe<GitObject | null> {
  constructor(cwd: string, onSpawn?: (args: readonly string[], pid: number | undefined) => void) {
    super(cwd, ['cat-file', '--batch'], onSpawn);
  }

  /** The object `name` names, or null when there is none. */
  read(name: string): Promise<GitObject | null> {
    if (!NAME.test(name)) return Promise.reject(new Error(`not an object name this reader accepts: ${JSON.stringify(name)}`));
    return this.ask(`${name}\n`);
  }

  protected parse(buffered: Buffer): { value: GitObject | null; used: number } | null {
    const eol = buffered.indexOf(0x0a);
    if (eol < 0) return null;
    const header = buffered.toString('latin1', 0, eol);
    if (/ missing$| ambiguous$/.test(header)) return { value: null, used: eol + 1 };
    const m = /^([0-9a-f]{40}) (\w+) (\d+)$/.exec(header);
    if (!m) throw new Error(`git cat-file answered ${JSON.stringify(header.slice(0, 80))}`);
    const end = eol + 1 + Number(m[3]);
    if (buffered.length < end + 1) return null;
    return { value: { id: m[1]!, type: m[2]!, body: Buffer.from(buffered.subarray(eol + 1, end)) }, used: end + 1 };
  }
}
