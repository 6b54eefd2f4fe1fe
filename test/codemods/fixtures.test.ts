/**
 * Fixture pairs of every codemod, discovered from `codemods/<name>/__testfixtures__`: each
 * `<case>.input.<ext>` is copied into the shared `_project` as `src/routes/<case>.<ext>` and
 * migrated; the file must equal `<case>.output.<ext>` byte for byte, every other file the run
 * created or changed must equal `<case>.generated/<path>` (and no more), and a second run on
 * the output must change nothing (idempotence).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

const CODEMODS = path.resolve(import.meta.dirname, '../../codemods');
const WORK = path.resolve(import.meta.dirname, `../../bench/.work/codemod-fixtures-${process.pid}`);
const cases = readdirSync(CODEMODS)
  .filter((codemod) => existsSync(path.join(CODEMODS, codemod, '__testfixtures__')))
  .flatMap((codemod) =>
    readdirSync(path.join(CODEMODS, codemod, '__testfixtures__')).flatMap((name) => {
      const match = /^(.+)\.input\.([cm]?[jt]sx?)$/.exec(name);
      return match ? [{ codemod, name: match[1]!, ext: match[2]! }] : [];
    }),
  );

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => statSync(path.join(dir, entry)).isFile())
    .map((entry) => entry.split(path.sep).join('/'))
    .sort();
}

/** `relative path → text` of the files under `dir`. */
function snapshot(dir: string): Map<string, string> {
  return new Map(files(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));
}

describe('codemod fixtures', () => {
  it('has cases for both codemods', () => {
    expect(new Set(cases.map((entry) => entry.codemod))).toEqual(new Set(['spawn-to-taskspec', 'interval-to-schedule']));
  });

  for (const { codemod, name, ext } of cases) {
    const FIXTURES = path.join(CODEMODS, codemod, '__testfixtures__');
    it(`${codemod}: ${name}`, async () => {
      const project = path.join(WORK, codemod, name);
      rmSync(project, { recursive: true, force: true });
      mkdirSync(project, { recursive: true });
      cpSync(path.join(FIXTURES, '_project'), project, { recursive: true });
      const target = path.join(project, 'src/routes', `${name}.${ext}`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(path.join(FIXTURES, `${name}.input.${ext}`)));
      const before = snapshot(project);
      const args = ['codemod', codemod, target, '--allow-dirty', '--mark-bailouts', '--no-types', '--fail-on', 'none'];
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
