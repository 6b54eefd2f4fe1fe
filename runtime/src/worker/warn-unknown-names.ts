import { describeThrown } from '../describe-thrown.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store.js';

/**
 * Warn (once per name and process) about ready tasks whose name no task in the app's `tasks`
 * declares, typically a task renamed or removed while rows were queued: no worker will ever claim
 * them, and they inflate the ready-depth and oldest-age numbers of `store.stats()` (`fleet.stats()`
 * counts them apart, as `undeclaredReady`).
 * Names declared in `tasks` but run by another worker pool (`--only`) are not reported.
 */
export async function warnUnknownNames(store: Store, known: ReadonlySet<string>, warned: Set<string>, log: Logger): Promise<void> {
  try {
    for (const entry of await store.readyByName()) {
      if (known.has(entry.name) || warned.has(entry.name)) continue;
      warned.add(entry.name);
      log(
        'warn',
        `${String(entry.ready)} ready tasks are named ${JSON.stringify(entry.name)}, which no task in \`tasks\` declares (renamed or removed?); no worker will run them and they count in the queue-depth metrics unless those read \`fleet.stats()\`. Cancel them (\`fleet-runtime tasks list --name ${entry.name}\`) or declare the task again.`,
      );
    }
  } catch (error) {
    log('error', `checking for ready tasks of undeclared names failed: ${describeThrown(error)}`);
  }
}
