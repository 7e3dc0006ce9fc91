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

const BASE_ARGS = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.quotePath=false', '-c', 'commit.gpgSign=false', '-c', 'gc.auto=0', '-c', 'maintenance.auto=false'];

export function git(cwd: string, args: readonly string[], opts: GitOptions = {}): Promise<GitResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_LITERAL_PATHSPECS: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_CONFIG_NOSYSTEM: '1',
    LC_ALL: 'C',
    ...opts.env,
  };
  return new Promise((resolve, reject) => {
    const child = execFile('git', [...BASE_ARGS, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : null) : 0;
      if (code === 0 || (code !== null && opts.okCodes?.includes(code))) resolve({ stdout, exitCode: code });
      else reject(new GitError(args, code, stdout, stderr));
    });
    opts.onSpawn?.(child.pid);
  });
}

/** NUL-separated output without the trailing empty field. */
export function splitZ(out: string): string[] {
  const parts = out.split('\0');
  if (parts.at(-1) === '') parts.pop();
  return parts;
}
