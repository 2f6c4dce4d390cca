import { SnapshotCache } from './snapshot-cache';

function counter(): { compute: () => Promise<number>; calls: () => number } {
  let calls = 0;
  return { compute: () => Promise.resolve(++calls), calls: () => calls };
}

describe('SnapshotCache', () => {
  it('computes once per key while the snapshot stays the same', async () => {
    const cache = new SnapshotCache<number>(10);
    const source = counter();
    expect(await cache.answer({ snapshot: '10:10:', key: 'overview', compute: source.compute })).toBe(1);
    expect(await cache.answer({ snapshot: '10:10:', key: 'overview', compute: source.compute })).toBe(1);
    expect(await cache.answer({ snapshot: '10:10:', key: 'waste', compute: source.compute })).toBe(2);
    expect(source.calls()).toBe(2);
  });

  it('forgets every answer when a write has ended and the snapshot moved', async () => {
    const cache = new SnapshotCache<number>(10);
    const source = counter();
    await cache.answer({ snapshot: '10:10:', key: 'overview', compute: source.compute });
    expect(await cache.answer({ snapshot: '10:12:11', key: 'overview', compute: source.compute })).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('lets concurrent requests for one key share one computation', async () => {
    const cache = new SnapshotCache<string>(10);
    let release: (value: string) => void = () => undefined;
    let calls = 0;
    const compute = () => {
      calls += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.answer({ snapshot: 's', key: 'k', compute })));
    release('panel');
    expect(await answers).toEqual(Array.from({ length: 50 }, () => 'panel'));
    expect(calls).toBe(1);
  });

  it('does not remember a failure', async () => {
    const cache = new SnapshotCache<number>(10);
    await expect(cache.answer({ snapshot: 's', key: 'k', compute: () => Promise.reject(new Error('canteen 9 is not one of yours')) })).rejects.toThrow('not one of yours');
    expect(await cache.answer({ snapshot: 's', key: 'k', compute: () => Promise.resolve(7) })).toBe(7);
  });

  it('stays within its size and computes every time when switched off', async () => {
    const cache = new SnapshotCache<number>(2);
    const source = counter();
    for (const key of ['a', 'b', 'c']) await cache.answer({ snapshot: 's', key, compute: source.compute });
    expect(cache.size).toBeLessThanOrEqual(2);
    const off = new SnapshotCache<number>(0);
    await off.answer({ snapshot: 's', key: 'a', compute: source.compute });
    await off.answer({ snapshot: 's', key: 'a', compute: source.compute });
    expect(source.calls()).toBe(5);
    expect(off.size).toBe(0);
  });
});
