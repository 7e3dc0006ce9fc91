import { describe, expect, it } from 'vitest';
import { PathQueue } from './pathQueue.ts';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PathQueue', () => {
  it('runs operations on one key one after another, in order', async () => {
    const q = new PathQueue();
    const log: string[] = [];
    const op = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await delay(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([q.run('k', op('a', 30)), q.run('k', op('b', 1)), q.run('k', op('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    await delay(0);
    expect(q.size).toBe(0);
  });

  it('keeps going after a failure and runs different keys concurrently', async () => {
    const q = new PathQueue();
    const failed = q.run('k', async () => {
      throw new Error('boom');
    });
    const after = q.run('k', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(after).resolves.toBe('ok');

    const log: string[] = [];
    await Promise.all([
      q.run('x', async () => {
        log.push('x start');
        await delay(20);
        log.push('x end');
      }),
      q.run('y', async () => {
        log.push('y start');
      }),
    ]);
    expect(log).toEqual(['x start', 'y start', 'x end']);
  });
});
