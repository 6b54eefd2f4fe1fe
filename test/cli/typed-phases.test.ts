// Issue 9 §9: a typed scan lints every file without types, then gives types only to the
// type-aware rules in the files that hold handlers, and loses no finding of the one-pass typed scan.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules as fleetRules } from '../../rules/index.js';
import type { ScanRules } from '../../src/cli/eslint-config.js';
import { lintProject } from '../../src/cli/lint-project.js';
import type { ScanPhase } from '../../src/cli/lint-project.js';
import { makeProject } from './helpers.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, target: 'es2022', module: 'nodenext', skipLibCheck: true },
  include: ['src'],
});
// `deliver()` returns a promise only by its declared type: found with types, not without.
const APP = `import express from 'express';
declare const mailer: { deliver(to: string): Promise<void> };
const app = express();
app.post('/signup', (req, res) => {
  mailer.deliver('a@b.c');
  setTimeout(() => undefined, 1000);
  res.end();
});
`;
const LIB = `declare const mailer: { deliver(to: string): Promise<void> };
export function later() {
  mailer.deliver('x');
}
`;

function findings(root: string, results: { filePath: string; messages: { ruleId: string | null; line: number }[] }[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}`));
}

describe('typed scan in two phases', () => {
  const root = makeProject({ 'tsconfig.json': TSCONFIG, 'src/app.ts': APP, 'src/lib.ts': LIB });
  const files = [path.join(root, 'src/app.ts'), path.join(root, 'src/lib.ts')];
  const ruleIds = ['no-floating-work-in-handler', 'no-workspace-fs-in-serve-route'];

  it('gives types only to the file with handlers, and finds what types reveal there', async () => {
    const phases: string[] = [];
    const outcome = await lintProject({
      root,
      files,
      ruleIds,
      types: true,
      onProgress: (done: number, total: number, phase: ScanPhase) => phases.push(`${phase} ${done}/${total}`),
    });
    expect(findings(root, outcome.results)).toEqual([
      'src/app.ts:5 fleet/no-floating-work-in-handler',
      'src/app.ts:6 fleet/no-floating-work-in-handler',
    ]);
    expect(outcome.typedFiles).toBe(1);
    expect(phases).toEqual(['syntax 2/2', 'types 1/1']);
  });

  it('finds exactly what the one-pass typed scan finds', async () => {
    const onePass = await lintProject({ root, files, ruleIds, types: true, rules: fleetRules as unknown as ScanRules });
    const twoPhases = await lintProject({ root, files, ruleIds, types: true });
    expect(findings(root, twoPhases.results)).toEqual(findings(root, onePass.results));
    expect(onePass.typedFiles).toBe(2);
  });

  it('without types finds only the timer (the promise needs its declared type)', async () => {
    const outcome = await lintProject({ root, files, ruleIds, types: false });
    expect(findings(root, outcome.results)).toEqual(['src/app.ts:6 fleet/no-floating-work-in-handler']);
    expect(outcome.typedFiles).toBe(0);
  });
});
