// Lets child processes run the TypeScript sources directly: Node 24 strips types from .ts files,
// and this hook maps the `.js` import specifiers of our sources (NodeNext style) to the `.ts` files.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const source = new URL('../../src/index.ts', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    // The examples import the package by name; run them against the sources, not a build.
    if (specifier === 'fleet-runtime') return nextResolve(source, context);
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      const url = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
      if (existsSync(fileURLToPath(url))) return nextResolve(url.href, context);
    }
    return nextResolve(specifier, context);
  },
});
