import { parseArgs } from 'node:util';
import { asJson, formatTaskPage } from '../format.js';
import { isBeforeArg, listBefore } from '../list-before.js';
import { EXIT, UsageError, type Command } from '../io.js';

/** `dead list|redrive`. */
export const deadCommand: Command = {
  usage: `fleet-runtime dead list [--limit <n>] [--before <cursor>] [--json]
fleet-runtime dead redrive <id>… | --all`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { all: { type: 'boolean' }, limit: { type: 'string' }, before: { type: 'string' }, json: { type: 'boolean' } },
    });
    const [action, ...ids] = positionals;
    if (action !== 'list' && action !== 'redrive')
      throw new UsageError(action === undefined ? 'dead needs an action.' : `dead ${action} is not an action.`);
    if (action === 'redrive' && ids.length === 0 && values.all !== true)
      throw new UsageError('dead redrive needs task ids, or --all to re-drive every dead task.');
    const limit = Number(values.limit ?? 50);
    if (action === 'list' && (!Number.isInteger(limit) || limit < 1))
      throw new UsageError(`--limit ${String(values.limit)} must be a positive integer.`);
    const before = listBefore(values.before);
    const store = await io.openStore();
    try {
      if (action === 'list') {
        const tasks = await store.list({ states: ['dead'], limit, ...(before === undefined ? {} : { before }) });
        const again = ['fleet-runtime dead', ...args.filter((_, i) => !isBeforeArg(args, i))].join(' ');
        io.out(values.json ? asJson(tasks) : formatTaskPage(tasks, limit, again));
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
