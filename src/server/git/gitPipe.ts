/**
 * One long-lived git process spoken to through its standard input and output, for commands git
 * answers line by line (`cat-file --batch`, `update-ref --stdin`). Starting a process costs the
 * server far more than a line on a pipe: forking a large Node process blocks it for milliseconds,
 * tens of them on a busy machine. Questions are answered in the order asked. If the process ends,
 * whatever was waiting fails with what git said, and the next question starts a new one.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { gitArgs, gitEnv } from './git.ts';

type Child = ChildProcessByStdio<Writable, Readable, Readable>;

interface Waiting<T> {
  resolve: (value: T) => void;
  reject: (e: Error) => void;
}

export abstract class GitPipe<T> {
  readonly #cwd: string;
  readonly #args: readonly string[];
  readonly #onSpawn: ((args: readonly string[], pid: number | undefined) => void) | undefined;
  #child: Child | null = null;
  #buffered: Buffer = Buffer.alloc(0);
  #stderr = '';
  #waiting: Waiting<T>[] = [];
  #closed = false;

  constructor(cwd: string, args: readonly string[], onSpawn?: (args: readonly string[], pid: number | undefined) => void) {
    this.#cwd = cwd;
    this.#args = args;
    this.#onSpawn = onSpawn;
  }

  /** Reads one answer from the front of `buffered`: its value and the bytes it took, or null for "not all here yet". */
  protected abstract parse(buffered: Buffer): { value: T; used: number } | null;

  /** Sends `input` (whole lines) and waits for its answer. */
  protected ask(input: string): Promise<T> {
    if (this.#closed) return Promise.reject(new Error(`git ${this.#args[0]} is closed`));
    const child = this.#child ?? this.#start();
    return new Promise((resolve, reject) => {
      if (this.#waiting.length === 0) hold(child, true);
      this.#waiting.push({ resolve, reject });
      child.stdin.write(input);
    });
  }

  close(): void {
    this.#closed = true;
    this.#child?.stdin.end();
  }

  #start(): Child {
    const child = spawn('git', gitArgs(this.#args), { cwd: this.#cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.#onSpawn?.(this.#args, child.pid);
    this.#child = child;
    this.#buffered = Buffer.alloc(0);
    this.#stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      this.#buffered = this.#buffered.length ? Buffer.concat([this.#buffered, chunk]) : chunk;
      this.#answer(child);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-2000);
    });
    const gone = (err?: Error) => {
      if (this.#child !== child) return;
      this.#child = null;
      const waiting = this.#waiting;
      this.#waiting = [];
      const said = this.#stderr.trim().split('\n').slice(-2).join(' ');
      for (const w of waiting) w.reject(err ?? new Error(`git ${this.#args[0]} stopped${said ? `: ${said}` : ''}`));
    };
    child.on('error', gone);
    child.on('close', () => gone());
    child.stdin.on('error', () => {}); // a write after the process ended: reported by 'close'
    hold(child, false);
    return child;
  }

  #answer(child: Child): void {
    while (this.#waiting.length > 0) {
      let parsed;
      try {
        parsed = this.parse(this.#buffered);
      } catch (err) {
        this.#stderr += `\n${(err as Error).message}`;
        child.kill();
        return;
      }
      if (!parsed) return;
      this.#buffered = this.#buffered.subarray(parsed.used);
      this.#waiting.shift()!.resolve(parsed.value);
    }
    hold(child, false);
  }
}

/** Keeps an idle process (nothing waiting for it) from holding the server open. */
function hold(child: Child, waiting: boolean): void {
  // The pipes are sockets; their ref() and unref() are not on the stream types.
  const pipes = [child.stdout, child.stderr] as (Readable & { ref?: () => void; unref?: () => void })[];
  if (waiting) {
    child.ref();
    for (const p of pipes) p.ref?.();
  } else {
    child.unref();
    for (const p of pipes) p.unref?.();
  }
}
