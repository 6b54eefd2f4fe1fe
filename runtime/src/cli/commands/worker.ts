import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AnyTaskSpecs } from '../../define-tasks.js';
import { createFleet } from '../../fleet.js';
import { readRole } from '../../role.js';
import type { ScheduleSpec } from '../../scheduler/define-schedule.js';
import type { SideTask } from '../../side-task.js';
import type { Executors } from '../../worker/task-context.js';
import { EXIT, UsageError, type CliIo, type Command } from '../io.js';

/** What a `--tasks` module exports (named exports, or the same object as its default export). */
interface TasksModule {
  tasks?: AnyTaskSpecs;
  TaskSpec?: AnyTaskSpecs;
  executors?: Executors<AnyTaskSpecs>;
  schedules?: ScheduleSpec[];
  sideTasks?: SideTask[];
  /** Worker tuning (poll/reap intervals, claim batch); `--concurrency` overrides its concurrency. */
  worker?: { pollIntervalMs?: number; reapIntervalMs?: number; claimBatch?: number; claimAhead?: number; concurrency?: number };
}

async function load(path: string, io: CliIo): Promise<Required<Pick<TasksModule, 'executors'>> & TasksModule & { tasks: AnyTaskSpecs }> {
  const file = resolve(io.cwd, path);
  let loaded: TasksModule & { default?: TasksModule };
  try {
    loaded = (await import(pathToFileURL(file).href)) as TasksModule & { default?: TasksModule };
  } catch (error) {
    throw new UsageError(
      `Cannot load --tasks ${file}: ${error instanceof Error ? error.message : String(error)}. Pass a built JavaScript module (or run Node with a TypeScript loader).`,
    );
  }
  const module = { ...loaded.default, ...loaded };
  const tasks = module.tasks ?? module.TaskSpec;
  if (tasks === undefined || module.executors === undefined) {
    throw new UsageError(`${file} must export \`tasks\` (or \`TaskSpec\`, the defineTasks result) and \`executors\`.`);
  }
  return { ...module, tasks, executors: module.executors };
}

/** `worker --tasks <module>`: drain the queue until SIGTERM/SIGINT, then stop gracefully. */
export const workerCommand: Command = {
  usage: 'fleet-runtime worker --tasks <module> [--only <task>]… [--concurrency <n>] [--shutdown-timeout <ms>]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        tasks: { type: 'string' },
        only: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        'shutdown-timeout': { type: 'string' },
      },
    });
    if (values.tasks === undefined) throw new UsageError('worker needs --tasks <module> (the module exporting `tasks` and `executors`).');
    const module = await load(values.tasks, io);
    const concurrency = Number(values.concurrency ?? module.worker?.concurrency ?? 10);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new UsageError(`--concurrency ${String(values.concurrency)} must be a positive integer.`);
    const role = io.env.FLEET_ROLE === undefined ? 'worker' : readRole(io.env.FLEET_ROLE);
    if (role === 'serve') throw new UsageError('FLEET_ROLE=serve never claims tasks; unset it or set FLEET_ROLE=worker to run a worker.');
    let executors = module.executors as Record<string, unknown>;
    if (values.only !== undefined) {
      const unknown = values.only.filter((name) => !(name in executors));
      if (unknown.length > 0)
        throw new UsageError(`Unknown task ${unknown.join(', ')}; ${values.tasks} has executors for ${Object.keys(executors).join(', ')}.`);
      executors = Object.fromEntries(Object.entries(executors).filter(([name]) => values.only?.includes(name)));
    }
    const store = await io.openStore();
    const fleet = await createFleet({
      tasks: module.tasks,
      executors: executors as Executors<AnyTaskSpecs>,
      schedules: module.schedules ?? [],
      sideTasks: module.sideTasks ?? [],
      store,
      role,
      worker: { ...module.worker, concurrency },
    });
    io.out(
      `fleet-runtime worker ${fleet.worker?.owner ?? ''} draining ${Object.keys(executors).join(', ')} (role ${role}, ${store.kind}).`,
    );
    await new Promise<void>((done) => {
      let stopping = false;
      const stop = (signal: string): void => {
        if (stopping) {
          io.err(`${signal} again: exiting without waiting; running tasks are reclaimed when their leases expire.`);
          process.exit(EXIT.failed);
        }
        stopping = true;
        io.out(`${signal}: stopping; running tasks get ${values['shutdown-timeout'] ?? '25000'} ms, then are handed back.`);
        void fleet.stop({ deadlineMs: Number(values['shutdown-timeout'] ?? 25_000) }).then(async () => {
          await store.close();
          done();
        });
      };
      process.on('SIGTERM', () => {
        stop('SIGTERM');
      });
      process.on('SIGINT', () => {
        stop('SIGINT');
      });
    });
    io.out('Stopped.');
    return EXIT.ok;
  },
};
