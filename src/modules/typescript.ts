/**
 * The `typescript` module, loaded through `require`. `@typescript-eslint/parser` has already
 * required it, so this is a cache hit; an ESM `import` of the same CommonJS file would instead
 * scan its 9 MB source for export names (measured: +50 ms and +36 MB of memory per process).
 */
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

export const ts = createRequire(import.meta.url)('typescript') as typeof TS;
