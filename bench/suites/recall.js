import { score } from '../recall/score.js';
import { formatScores } from '../recall/format-scores.js';

/**
 * Precision and recall of `fleet scan` / `fleet routes` on the labelled real-code set
 * (bench/recall/labels.jsonl, repositories from bench/repos.json extracted by
 * `node bench/checkout-repos.js`). Options are those of `node bench/recall/score.js`.
 */
export default {
  name: 'recall',
  description: 'precision and recall per rule and framework on the labelled real-code set',
  /** @param {{ root: string, workDir: string, options: Record<string, string | true>, log: (message: string) => void }} ctx see bench/run.js */
  async run({ options, log }) {
    let result;
    try {
      result = await score(options, log);
    } catch (error) {
      if (error instanceof Error && /is not extracted/.test(error.message)) return { status: 'skipped', reason: error.message };
      throw error;
    }
    return { status: 'ok', date: new Date().toISOString(), ...result, summary: formatScores(result) };
  },
};
