import { parseArgs } from 'node:util';
import { renderMetrics } from '../../metrics.js';
import { TASK_STATES } from '../../store.js';
import { asJson } from '../format.js';
import { EXIT, type Command } from '../io.js';

/** `stats`: per-state counts, ready depth, oldest ready age. */
export const statsCommand: Command = {
  usage: 'fleet-runtime stats [--json | --prometheus]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, prometheus: { type: 'boolean' } } });
    const store = await io.openStore();
    try {
      const stats = await store.stats();
      if (values.prometheus) io.out(renderMetrics(stats).trimEnd());
      else if (values.json) io.out(asJson(stats));
      else
        io.out(
          [
            ...TASK_STATES.map((state) => `${state.padEnd(10)}${String(stats.counts[state])}`),
            `${'ready'.padEnd(10)}${String(stats.ready)}`,
            `oldest ready age: ${(stats.oldestReadyAgeMs / 1000).toFixed(1)} s`,
          ].join('\n'),
        );
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
