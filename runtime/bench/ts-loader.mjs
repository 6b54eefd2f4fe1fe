/**
 * Lets Node 24 run the runtime's TypeScript sources directly (benchmarks, test child processes)
 * without a build: Node strips the types, and `ts-hooks.mjs` maps the `.js` import specifiers the
 * sources use (NodeNext style) to the `.ts` files.
 *
 *   node --experimental-transform-types --import ./runtime/bench/ts-loader.mjs script.ts
 */
import { register } from 'node:module';

register(new URL('./ts-hooks.mjs', import.meta.url));
