import { describe, expect, it } from 'vitest';
import { WorkerMetrics } from '../../src/worker/worker-metrics.js';

const lease = { id: 't', token: 'k' };

describe('WorkerMetrics', () => {
  it('keeps cumulative duration buckets: each bound at or above a duration counts it', () => {
    const metrics = new WorkerMetrics();
    for (const seconds of [0.003, 0.005, 0.02, 2, 1000]) metrics.observe('A', seconds);
    const text = metrics.render('fleet').join('\n');
    const bucket = (le: string) => new RegExp(`fleet_task_duration_seconds_bucket\\{task="A",le="${le}"\\} (\\d+)`).exec(text)?.[1];
    expect([bucket('0.005'), bucket('0.01'), bucket('0.025'), bucket('1'), bucket('2.5'), bucket('900'), bucket('\\+Inf')]).toEqual([
      '2',
      '2',
      '3',
      '3',
      '4',
      '4',
      '5',
    ]);
    expect(text).toContain('fleet_task_duration_seconds_count{task="A"} 5');
  });

  it('counts stored outcomes per task name and kind, and ignores hand-backs and deferrals', () => {
    const metrics = new WorkerMetrics();
    metrics.count('A', { ...lease, kind: 'done', result: null });
    metrics.count('A', { ...lease, kind: 'done', result: null });
    metrics.count('B', { ...lease, kind: 'done', result: null });
    metrics.count('A', { ...lease, kind: 'fail', error: 'x' });
    metrics.count('A', { ...lease, kind: 'release' });
    metrics.count('A', { ...lease, kind: 'defer', runAt: new Date(), reason: 'later' });
    expect([
      metrics.total('completed', 'A'),
      metrics.total('completed', 'B'),
      metrics.total('failed', 'A'),
      metrics.total('retried', 'A'),
    ]).toEqual([2, 1, 1, 0]);
    const text = metrics.render('fleet').join('\n');
    expect(text).toContain('fleet_tasks_completed_total{task="A"} 2\nfleet_tasks_completed_total{task="B"} 1');
    expect(text).toContain('fleet_tasks_failed_total{task="A"} 1');
    expect(text).not.toContain('fleet_tasks_retried_total{');
  });
});
