// Child of the multi-process tests: `enqueue <key>` or `schedule <ms to run>`.
import { z } from 'zod';
import { connect } from '../../src/connect.js';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import { Scheduler } from '../../src/scheduler/scheduler.js';

const tasks = defineTasks({ Tick: { schema: z.object({ source: z.string() }) } });
const [mode, arg] = process.argv.slice(2);
const store = await connect({ attempts: 3 });
if (mode === 'enqueue') {
  const ids = await Promise.all(
    Array.from({ length: 5 }, () => enqueue(tasks.Tick({ source: String(process.pid) }), { key: arg ?? 'k', store })),
  );
  process.stdout.write(`${JSON.stringify(ids)}\n`);
} else {
  const scheduler = new Scheduler({
    store,
    schedules: [{ name: 'every-second', every: 1000, overlap: 'allow', task: tasks.Tick({ source: 'schedule' }) }],
    tickIntervalMs: 3_600_000,
    log: () => undefined,
  });
  await scheduler.start();
  let won = 0;
  const until = Date.now() + Number(arg ?? 3000);
  while (Date.now() < until) {
    won += await scheduler.tick();
    await new Promise((done) => setTimeout(done, 5 + Math.random() * 10));
  }
  await scheduler.stop();
  process.stdout.write(`${JSON.stringify({ won })}\n`);
}
await store.close();
