/**
 * Runs plain `git` as a child process: no shell, hooks and pagers off, pathspecs taken literally
 * (page names may hold `?`, `*` or `[`), never a prompt. Callers put `--` before every path.
 */
import { execFile } from 'node:child_process';

export class GitError extends Error {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  constructor(args: readonly string[], exitCode: number | null, stdout: string, stderr: string) {
    super(`git ${args[0] ?? ''} failed (${exitCode ?? 'killed'}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
    this.name = 'GitError';
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

export interface GitOptions {
  /** Extra environment (author identity, index file …). */
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (e.g. 1 for merge-tree conflicts). */
  okCodes?: number[];
  /** Called with the child's pid as soon as it starts (tests stop it mid-way). */
  onSpawn?: (pid: number | undefined) => void;
}

export interface GitResult {
  stdout: string;
  exitCode: number;
}

// autocrlf off: pages keep their bytes exactly as the editor wrote them, whatever the machine's settings.
const BASE_ARGS = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.autocrlf=false', '-c', 'core.quotePath=false', '-c', 'commit.gpgSign=false', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];

/** The arguments every git process of the server starts with. */
export function gitArgs(args: readonly string[]): string[] {
  return [...BASE_ARGS, ...args];
}

/** The environment every git process of the server runs in, plus `extra`. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // GIT_DIR, GIT_INDEX_FILE … inherited from whoever started the server would point git elsewhere.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
  return {
    ...inherited,
    GIT_LITERAL_PATHSPECS: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_CONFIG_NOSYSTEM: '1',
    LC_ALL: 'C',
    ...extra,
  };
}

export function git(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<GitResult> {
  const env = gitEnv(opts.env);
  return new Promise((resolve, reject) => {
    const child = execFile('git', gitArgs(args), { cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      if (code === 0 || (code !== null && opts.okCodes?.includes(code))) resolve({ stdout, exitCode: code });
      else reject(new GitError(args, code, stdout, stderr));
    });
    opts.onSpawn?.(child.pid);
  });
}

/** A file's bytes at a revision (images, documents), or null when the revision has no such file. */
export async function gitBlob(cwd: string, rev: string, rel: string): Promise<Buffer | null> {
  const exists = await git(cwd, ['cat-file', '-e', `${rev}:${rel}`], { okCodes: [1, 128] });
  if (exists.exitCode !== 0) return null;
  return new Promise((resolve, reject) => {
    execFile('git', [...BASE_ARGS, 'cat-file', 'blob', `${rev}:${rel}`], { cwd, env: gitEnv(undefined), maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' }, (err, stdout, stderr) => {
      if (err) reject(new GitError(['cat-file'], null, '', stderr.toString('utf8')));
      else resolve(stdout);
    });
  });
}

/** NUL-separated output without the trailing empty field. */
export function splitZ(out: string): string[] {
  const parts = out.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}
