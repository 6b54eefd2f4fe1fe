import { AsyncLocalStorage } from 'node:async_hooks';
import type { Declaration } from 'fleet-routes';

/** The request a piece of code runs for, as the role guard classified it. */
export interface RequestScope {
  /** Upper-case method of the request. */
  readonly method: string;
  /** Request path as the framework saw it (no query string). */
  readonly path: string;
  /** The manifest declaration that classifies it, or `undefined` for an undeclared route. */
  readonly declaration: Declaration | undefined;
  /** Manifest file, for messages. */
  readonly manifestFile: string;
}

// One store for the process: the role guard's middleware enters it for each request, the
// workspace guard reads it from inside `fs` to name the route that is reading. Kept on a global
// symbol so that copies of this module (a bundler's per-route chunks, two installed versions)
// share it: the `fs` hook installed by one copy must see the scope entered by another.
const key = Symbol.for('fleet-runtime.request-scope');
const holder = globalThis as { [key]?: AsyncLocalStorage<RequestScope> };
const storage = (holder[key] ??= new AsyncLocalStorage<RequestScope>());

/** Run `fn` (a request's downstream handlers) inside `scope`; promises it creates keep the scope. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The request the current code runs for, or `undefined` outside any guarded request (start-up code, timers set up at start). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
