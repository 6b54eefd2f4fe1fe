// Middleware reaching a registration through another module's factory
// (`src/handlers/composed-registrations.ts`), on the cloudcmd-shaped app of test/fixtures/composed/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHandlerModel } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import { clearCrossModuleCaches, parse } from './parse.js';

const ROOT = path.resolve(import.meta.dirname, '../fixtures/composed');

beforeAll(clearCrossModuleCaches);
afterAll(clearCrossModuleCaches);

function handlersOf(file: string) {
  const filename = path.join(ROOT, file);
  const text = readFileSync(filename, 'utf8');
  const model = getHandlerModel({ ...parse(text, filename), filename, settings: readFleetSettings({}), projectRoot: ROOT });
  return model.handlers.map((handler) => ({
    kind: handler.kind,
    label: handler.label,
    via: handler.via,
    line: handler.node.loc.start.line,
  }));
}

const REGISTERED = '`appMiddleware()` registered with `.use()` on `express()` at server/server.js:6';

describe('middleware composed by a factory of another module', () => {
  it('the local middleware in the array a registered factory returns through a same-module factory and a `const`', () => {
    expect(handlersOf('server/app-middleware.js')).toEqual([
      { kind: 'middleware', label: 'middleware appMiddleware()', via: REGISTERED, line: 31 },
      { kind: 'middleware', label: 'middleware appMiddleware()', via: REGISTERED, line: 36 },
    ]);
  });

  it('a curried middleware called in that array (the factory was imported through a `#` subpath import)', () => {
    expect(handlersOf('server/user-menu.js')).toEqual([
      {
        kind: 'middleware',
        label: 'middleware userMenu()',
        via: `\`userMenu()\` returned by \`appMiddleware()\` (server/app-middleware.js:19), and ${REGISTERED}`,
        line: 3,
      },
    ]);
  });

  it('a factory called behind `config.rest &&` in that array', () => {
    expect(handlersOf('server/rest.js')).toEqual([
      {
        kind: 'middleware',
        label: 'middleware rest()',
        via: `\`rest()\` returned by \`appMiddleware()\` (server/app-middleware.js:22), and ${REGISTERED}`,
        line: 1,
      },
    ]);
  });

  it('a factory the composing module calls but does not return is no handler', () => {
    expect(handlersOf('server/unused.js')).toEqual([]);
  });
});
