// Issue 9 §10: `fleet scan --format json` in a repository with a legacy `.eslintignore` printed
// ESLint's ESLintIgnoreWarning on stderr: the JSON formatter's own ESLint instance was not filtered.
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/cli/format.js';
import { quietEslint } from '../../src/cli/quiet-eslint.js';
import { makeProject } from './helpers.js';

async function warningsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on('warning', onWarning);
  try {
    await run();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  return warnings;
}

describe('quietEslint', () => {
  it('formats JSON in a directory with .eslintignore without the ESLintIgnoreWarning', async () => {
    const root = makeProject({ '.eslintignore': 'dist\n', 'a.ts': 'export {};\n' });
    let json = '';
    const warnings = await warningsDuring(async () => {
      json = await formatJson({ root, results: [], typedFiles: 0, minifiedSkipped: 0 });
    });
    expect(warnings).not.toContain('ESLintIgnoreWarning');
    expect(JSON.parse(json)).toEqual([]);
  });

  it('lets other warnings through', async () => {
    const root = makeProject({ 'a.ts': 'export {};\n' });
    const warnings = await warningsDuring(() => {
      quietEslint({ cwd: root, overrideConfigFile: true });
      process.emitWarning('something else', 'FleetTestWarning');
      return Promise.resolve();
    });
    expect(warnings).toContain('FleetTestWarning');
  });
});
