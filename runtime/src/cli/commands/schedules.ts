import { parseArgs } from 'node:util';
import { asJson, formatSchedules } from '../format.js';
import { EXIT, UsageError, type Command } from '../io.js';

/** `schedules list`. */
export const schedulesCommand: Command = {
  usage: 'fleet-runtime schedules list [--json]',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (positionals[0] !== 'list')
      throw new UsageError(positionals[0] === undefined ? 'schedules needs an action.' : `schedules ${positionals[0]} is not an action.`);
    const store = await io.openStore();
    try {
      const schedules = await store.listSchedules();
      io.out(values.json ? asJson(schedules) : formatSchedules(schedules));
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
