// Zero-setup entry: one process serves HTTP and, unless FLEET_ROLE=serve, drains the queue and
// fires the schedules. SQLite at .fleet/fleet.db by default; FLEET_DATABASE_URL=postgres://… for a fleet.
import { createFleet } from 'fleet-runtime';
import { listen } from './server.js';
import { executors, schedules, TaskSpec } from './tasks.js';

const fleet = await createFleet({ tasks: TaskSpec, executors, schedules, worker: { concurrency: 4, pollIntervalMs: 200 } });
const server = await listen();
console.log(`example listening on :${server.address().port} (role ${fleet.role}, store ${fleet.store.kind})`);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, async () => {
    server.close();
    await fleet.stop({ deadlineMs: 10_000 });
    process.exit(0);
  });
}
