import type { Store } from '../store.js';

/** Exit codes of `fleet-runtime`. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 3 } as const;

/** What a command may touch: output streams, environment, and a way to open the store. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Open and migrate the store of `FLEET_DATABASE_URL` (retrying while unreachable). */
  openStore: () => Promise<Store>;
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One CLI command: `run` returns the exit code. */
export interface Command {
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
