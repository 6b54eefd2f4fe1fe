import { parseArgs } from 'node:util';
import { TASK_STATES, type TaskState } from '../../store.js';
import { asJson, formatEvents, formatTask, formatTaskPage } from '../format.js';
import { isBeforeArg, listBefore } from '../list-before.js';
import { EXIT, UsageError, type Command } from '../io.js';

const usage = `fleet-runtime tasks list [--state <state>]… [--name <task>] [--tenant <t>] [--limit <n>] [--before <cursor>] [--json]
                         (newest first; --before <cursor>: the page after the task with that cursor)
fleet-runtime tasks show <id> [--json]
fleet-runtime tasks events <id> [--json]
fleet-runtime tasks cancel <id>
fleet-runtime tasks retry <id>      (a waiting task runs now; a dead or failed one is re-driven)`;

function parseStates(values: string[] | undefined): TaskState[] | undefined {
  if (values === undefined) return undefined;
  for (const value of values) {
    if (!(TASK_STATES as readonly string[]).includes(value))
      throw new UsageError(`--state ${value} is not a state; use one of ${TASK_STATES.join(', ')}.`);
  }
  return values as TaskState[];
}

/** `tasks list|show|events|cancel|retry`. */
export const tasksCommand: Command = {
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        state: { type: 'string', multiple: true },
        name: { type: 'string' },
        tenant: { type: 'string' },
        limit: { type: 'string' },
        before: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const [action, id] = positionals;
    if (action === 'list') {
      const limit = values.limit === undefined ? 50 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${String(values.limit)} must be a positive integer.`);
      const states = parseStates(values.state);
      const before = listBefore(values.before);
      const store = await io.openStore();
      try {
        const tasks = await store.list({
          ...(states ? { states } : {}),
          ...(values.name ? { name: values.name } : {}),
          ...(values.tenant ? { tenant: values.tenant } : {}),
          ...(before === undefined ? {} : { before }),
          limit,
        });
        if (tasks.length === 0 && values.name !== undefined && (await store.list({ name: values.name, limit: 1 })).length === 0) {
          io.err(
            `No task named ${values.name} is stored; task names are the names given in defineTasks (see \`fleet-runtime stats\` for what is stored).`,
          );
          return EXIT.failed;
        }
        const again = ['fleet-runtime tasks', ...args.filter((_, i) => !isBeforeArg(args, i))].join(' ');
        io.out(values.json ? asJson(tasks) : formatTaskPage(tasks, limit, again));
        return EXIT.ok;
      } finally {
        await store.close();
      }
    }
    if (!['show', 'events', 'cancel', 'retry'].includes(action ?? ''))
      throw new UsageError(action === undefined ? 'tasks needs an action.' : `tasks ${action} is not an action.`);
    if (id === undefined) throw new UsageError(`tasks ${String(action)} needs a task id.`);
    const store = await io.openStore();
    try {
      const task = await store.get(id);
      if (task === null) {
        io.err(`No task ${id}; it may never have existed or was purged after its retention.`);
        return EXIT.failed;
      }
      if (action === 'show') io.out(values.json ? asJson(task) : formatTask(task));
      if (action === 'events') {
        const events = await store.events(id);
        io.out(values.json ? asJson(events) : formatEvents(events));
      }
      if (action === 'cancel') {
        if (!(await store.cancel(id))) {
          io.err(`Task ${id} is ${task.state}; only queued, running or retrying tasks can be cancelled.`);
          return EXIT.failed;
        }
        io.out(`Cancelled ${id}${task.state === 'running' ? ' (its worker aborts at the next heartbeat)' : ''}.`);
      }
      if (action === 'retry') {
        const ok = task.state === 'dead' || task.state === 'failed' ? (await store.redrive([id])).length === 1 : await store.retryNow(id);
        if (!ok) {
          io.err(`Task ${id} is ${task.state}; retry applies to queued, retrying, dead or failed tasks.`);
          return EXIT.failed;
        }
        io.out(`Task ${id} will run now.`);
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
