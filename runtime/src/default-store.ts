import { connect } from './connect.js';
import type { Store } from './store.js';

let current: Promise<Store> | undefined;

/**
 * The store used by `enqueue` when none is passed: set by {@link useStore} (or `createFleet`),
 * otherwise opened once from `FLEET_DATABASE_URL` and migrated.
 */
export function defaultStore(): Promise<Store> {
  current ??= connect();
  return current;
}

/** Make `store` the default for `enqueue` calls without a `store` option. */
export function useStore(store: Store): void {
  current = Promise.resolve(store);
}

/** Forget the default store (tests, shutdown). Does not close it. */
export function resetDefaultStore(): void {
  current = undefined;
}
