/**
 * Fixture pairs for `spawn-to-taskspec`, discovered from `__testfixtures__`: each
 * `<case>.input.<ext>` is copied into the shared `_project` as `src/routes/<case>.<ext>` and
 * migrated; the file must equal `<case>.output.<ext>` byte for byte, every other file the run
 * created or changed must equal `<case>.generated/<path>` (and no more), and a second run on
 * the output must change nothing (idempotence).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../codemods/spawn-to-taskspec/__testfixtures__');
const WORK = path.resolve(import.meta.dirname, `../../bench/.work/codemod-fixtures-${process.pid}`);
const cases = readdirSync(FIXTURES).flatMap((name) => {
  const match = /^(.+)\.input\.([cm]?[jt]sx?)$/.exec(name);
  return match ? [{ name: match[1]!, ext: match[2]! }] : [];
});

afterAll(() => { rmSync(WORK, { recursive: true, force: true }); });

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => statSync(path.join(dir, entry)).isFile()).map((entry) => entry.split(path.sep).join('/')).sort();
}

/** `relative path → text` of the files under `dir`. */
function snapshot(dir: string): Map<string, string> {
  return new Map(files(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}

describe('spawn-to-taskspec fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { name, ext } of cases) {
    it(name, async () => {
      const project = path.join(WORK, name);
      rmSync(project, { recursive: true, force: true });
      mkdirSync(project, { recursive: true });
      cpSync(path.join(FIXTURES, '_project'), project, { recursive: true });
      const target = path.join(project, 'src/routes', `${name}.${ext}`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(path.join(FIXTURES, `${name}.input.${ext}`)));
      const before = snapshot(project);
      const args = ['codemod', 'spawn-to-taskspec', target, '--allow-dirty', '--mark-bailouts', '--no-types', '--fail-on', 'none'];
      const first = await runCli(args, { cwd: project });
      expect(first.stderr).not.toContain('internal error');
      expect(first.code).toBe(0);
      expect(readFileSync(target, 'utf8')).toBe(readFileSync(path.join(FIXTURES, `${name}.output.${ext}`), 'utf8'));

      const after = snapshot(project);
      const changed = [...after].filter(([file, text]) => file !== `src/routes/${name}.${ext}` && before.get(file) !== text);
      const expected = snapshot(path.join(FIXTURES, `${name}.generated`));
      expect(changed.map(([file]) => file).sort()).toEqual([...expected.keys()]);
      for (const [file, text] of changed) expect(text, file).toBe(expected.get(file));

      const second = await runCli(args, { cwd: project });
      expect(second.code).toBe(0);
      expect(snapshot(project)).toEqual(after);
    }, 240_000);
  }
});
