/**
 * Why the codemod leaves a site alone. Each reason has a fixed id (for `--fail-on`, the JSON
 * report and the `fleet-codemod-bailout` marker) and a message that says what to do.
 */

/** Reason ids, documented in docs/codemods/spawn-to-taskspec.md. */
export type BailReason =
  | 'unsupported-site'
  | 'in-helper'
  | 'interval'
  | 'timer-arguments'
  | 'no-name'
  | 'forbidden-capture'
  | 'lossy-capture'
  | 'written-inside'
  | 'module-local'
  | 'sync-function'
  | 'name-conflict'
  | 'not-found';

/** A site the codemod will not rewrite, with the reason and a hint. */
export interface Bail {
  readonly reason: BailReason;
  /** One sentence: what is wrong and what to do. */
  readonly message: string;
}

/** Builds a {@link Bail}. */
export function bail(reason: BailReason, message: string): Bail {
  return { reason, message };
}
