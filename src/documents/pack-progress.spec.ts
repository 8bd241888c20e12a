import { PackProgress, PROGRESS_KEPT_MS, PROGRESS_PER_USER } from './pack-progress.js';

describe('PackProgress', () => {
  it('tells files done of the total for the caller’s own session and token only', () => {
    let now = 0;
    const progress = new PackProgress(() => now);
    expect(progress.read('u1', 's1', 't1')).toEqual({ state: 'pending', done: 0, total: 0 });
    const tracker = progress.start('u1', 's1', 't1');
    tracker.update(0, 31);
    tracker.update(12, 31);
    expect(progress.read('u1', 's1', 't1')).toEqual({ state: 'running', done: 12, total: 31 });
    expect(progress.read('u2', 's1', 't1').state).toBe('pending');
    expect(progress.read('u1', 's2', 't1').state).toBe('pending');
    tracker.update(31, 31);
    tracker.finish('done');
    tracker.update(3, 31); // ignored once finished
    tracker.finish('failed');
    expect(progress.read('u1', 's1', 't1')).toEqual({ state: 'done', done: 31, total: 31 });
    now += PROGRESS_KEPT_MS + 1;
    expect(progress.read('u1', 's1', 't1').state).toBe('pending');
    expect(progress.size).toBe(0);
  });

  it('forgets the oldest finished packs beyond the cap per user', () => {
    let now = 0;
    const progress = new PackProgress(() => now);
    for (let i = 0; i < PROGRESS_PER_USER + 5; i++) {
      now++;
      progress.start('u1', 's1', `t${i}`).finish('done');
    }
    expect(progress.size).toBeLessThanOrEqual(PROGRESS_PER_USER);
    expect(progress.read('u1', 's1', 't0').state).toBe('pending');
    expect(progress.read('u1', 's1', `t${PROGRESS_PER_USER + 4}`).state).toBe('done');
  });
});
