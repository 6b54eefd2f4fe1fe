import { parseArgs } from 'node:util';
import { asJson, formatTasks } from '../format.js';
import { EXIT, UsageError, type Command } from '../io.js';

/** `dead list|redrive`. */
export const deadCommand: Command = {
  usage: `fleet-runtime dead list [--limit <n>] [--json]
fleet-runtime dead redrive <id>… | --all`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { all: { type: 'boolean' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    });
    const [action, ...ids] = positionals;
    if (action !== 'list' && action !== 'redrive')
      throw new UsageError(action === undefined ? 'dead needs an action.' : `dead ${action} is not an action.`);
    if (action === 'redrive' && ids.length === 0 && values.all !== true)
      throw new UsageError('dead redrive needs task ids, or --all to re-drive every dead task.');
    const store = await io.openStore();
    try {
      if (action === 'list') {
        const tasks = await store.list({ states: ['dead'], limit: Number(values.limit ?? 50) });
        io.out(values.json ? asJson(tasks) : formatTasks(tasks));
        return EXIT.ok;
      }
      const redriven = await store.redrive(values.all === true ? undefined : ids);
      io.out(`Re-drove ${String(redriven.length)} task${redriven.length === 1 ? '' : 's'}.`);
      const missing = ids.filter((id) => !redriven.includes(id));
      if (missing.length > 0) {
        io.err(`Not dead or failed (left alone): ${missing.join(', ')}.`);
        return EXIT.failed;
      }
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
