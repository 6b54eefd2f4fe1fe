import { describe, expect, it } from 'vitest';
import { orphanedImportEdits } from '../../codemods/shared/orphaned-imports.js';
import { applyEdits } from '../../codemods/shared/text-edit.js';

/** `after` with the imports its rewrite (from `before`) orphaned removed. */
function prune(before: string, after: string, file = 'route.ts'): string {
  return applyEdits(after, orphanedImportEdits(file, before, after));
}

describe('orphanedImportEdits', () => {
  it('removes a whole import line whose only binding the rewrite stopped using, and nothing else', () => {
    const before = "// header\nimport { after } from 'next/server';\nimport { send } from './mail';\n\nafter(() => send(id));\n";
    const after = "// header\nimport { after } from 'next/server';\nimport { send } from './mail';\n\nawait enqueue(T({ id }));\n";
    expect(prune(before, after)).toBe('// header\n\nawait enqueue(T({ id }));\n');
  });

  it('keeps an import the user had already left unused, and imports still referenced', () => {
    const before = "import { unused } from './a';\nimport { send, keep } from './mail';\nsend(1);\nkeep();\n";
    const after = "import { unused } from './a';\nimport { send, keep } from './mail';\nenqueue(1);\nkeep();\n";
    expect(prune(before, after)).toBe("import { unused } from './a';\nimport { keep } from './mail';\nenqueue(1);\nkeep();\n");
  });

  it('removes the last, middle and consecutive named bindings with one comma each', () => {
    const before = "import { a, b, c, d, e } from './m';\na(); b(); c(); d(); e();\n";
    expect(prune(before, "import { a, b, c, d, e } from './m';\na(); c();\n")).toBe("import { a, c } from './m';\na(); c();\n");
    expect(prune(before, "import { a, b, c, d, e } from './m';\nc(); d(); e();\n")).toBe(
      "import { c, d, e } from './m';\nc(); d(); e();\n",
    );
  });

  it('keeps the default import when only the named ones go, and the named ones when only the default goes', () => {
    const before = "import cron, { schedule } from 'node-cron';\ncron.x(); schedule();\n";
    expect(prune(before, "import cron, { schedule } from 'node-cron';\ncron.x();\n")).toBe("import cron from 'node-cron';\ncron.x();\n");
    expect(prune(before, "import cron, { schedule } from 'node-cron';\nschedule();\n")).toBe(
      "import { schedule } from 'node-cron';\nschedule();\n",
    );
  });

  it('keeps CRLF line breaks and leaves type-only imports alone', () => {
    const before = "import type { Request } from 'express';\r\nimport { send } from './mail';\r\nsend();\r\nlet r: Request;\r\n";
    const after = "import type { Request } from 'express';\r\nimport { send } from './mail';\r\nenqueue();\r\nlet r: Request;\r\n";
    expect(prune(before, after)).toBe("import type { Request } from 'express';\r\nenqueue();\r\nlet r: Request;\r\n");
  });

  it('reads JavaScript with JSX too', () => {
    const before = "import { track } from './analytics';\nexport const A = () => <b onClick={() => track()} />;\n";
    const after = "import { track } from './analytics';\nexport const A = () => <b onClick={() => enqueue()} />;\n";
    expect(prune(before, after, 'a.jsx')).toBe('export const A = () => <b onClick={() => enqueue()} />;\n');
  });
});
