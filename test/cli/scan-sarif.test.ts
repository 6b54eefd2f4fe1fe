import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { defaultRuleIds } from '../../src/cli/eslint-config.js';
import { APP } from './ci-project.js';
import { makeProject, runCli } from './helpers.js';

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
// Both are CommonJS modules whose class/function is their `default` export.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

interface SarifResult {
  ruleId: string;
  level: string;
  partialFingerprints: Record<string, string>;
  baselineState?: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string }[] } };
    invocations: { executionSuccessful: boolean; exitCode: number; toolExecutionNotifications: { message: { text: string } }[] }[];
    results: SarifResult[];
  }[];
}

async function sarifOf(files: Record<string, string>): Promise<SarifLog> {
  const run = await runCli(['scan', makeProject(files), '--format', 'sarif', '--no-types']);
  expect(run.code).toBeLessThan(2);
  const log = JSON.parse(run.stdout) as SarifLog;
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return log;
}

describe('fleet scan --format sarif', () => {
  it('is valid SARIF 2.1.0 with the rules, their docs, the results and the invocation', async () => {
    const log = await sarifOf({ 'src/app.ts': APP });
    const [run] = log.runs;
    // Every rule the scan ran (the recommended ones), in id order.
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toEqual(defaultRuleIds().map((id) => `fleet/${id}`));
    expect(run!.tool.driver.rules.map((rule) => rule.id)).toContain('fleet/no-floating-work-in-handler');
    const rule = run!.tool.driver.rules.find((entry) => entry.id === 'fleet/no-floating-work-in-handler')!;
    expect(rule.shortDescription.text).toBe('Disallow work started in a request handler that can outlive the response.');
    expect(rule.fullDescription.text).toMatch(/^A request handler's process may be frozen \(serverless\)/);
    expect(rule.helpUri).toBe('https://github.com/fleet-dev/fleet/blob/main/docs/rules/no-floating-work-in-handler.md');
    expect(run!.invocations).toEqual([{ executionSuccessful: true, exitCode: 1, toolExecutionNotifications: [] }]);
    expect(
      run!.results.map((result) => [
        result.ruleId,
        result.level,
        result.locations[0]!.physicalLocation.artifactLocation.uri,
        result.locations[0]!.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ['fleet/no-floating-work-in-handler', 'error', 'src/app.ts', 10],
      ['fleet/no-floating-work-in-handler', 'error', 'src/app.ts', 15],
    ]);
    expect(run!.results[0]!.baselineState).toBeUndefined();
  });

  it('is checked by a validator that rejects a run without a tool', () => {
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('keeps partialFingerprints when lines are inserted above and the code around is reformatted', async () => {
    const before = await sarifOf({ 'src/app.ts': APP });
    const shifted = APP.replace(
      "import express from 'express';\n",
      "import express from 'express';\n\n// a comment\nconst unrelated = 1;\nexport { unrelated };\n",
    )
      .replace(
        "app.post('/a', async (req, res) => {\n  void send('a');",
        "app.post(\n  '/a',\n  async (req, res) => {\n        void   send( 'a' );",
      )
      .replace("  res.sendStatus(202);\n});\n\napp.post('/b'", "  res.sendStatus(202);\n  },\n);\n\napp.post('/b'");
    const after = await sarifOf({ 'src/app.ts': shifted });
    const lines = (log: SarifLog) => log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.region.startLine);
    expect(lines(before)).toEqual([10, 15]);
    expect(lines(after)).toEqual([16, 22]);
    const prints = (log: SarifLog) => log.runs[0]!.results.map((result) => result.partialFingerprints['fleet/v1']);
    expect(prints(after)).toEqual(prints(before));
    expect(new Set(prints(before)).size).toBe(2);
  });

  it('changes the fingerprint when the flagged code changes', async () => {
    const before = await sarifOf({ 'src/app.ts': APP });
    const after = await sarifOf({ 'src/app.ts': APP.replace("void send('a')", "void send('c')") });
    expect(after.runs[0]!.results[0]!.partialFingerprints).not.toEqual(before.runs[0]!.results[0]!.partialFingerprints);
    expect(after.runs[0]!.results[1]!.partialFingerprints).toEqual(before.runs[0]!.results[1]!.partialFingerprints);
  });

  it('reports a file that fails to parse as a tool notification and an unsuccessful execution', async () => {
    const log = await sarifOf({ 'src/broken.ts': 'export const = ;\n' });
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((note) => note.message.text)).toEqual([
      'Parsing error: Variable declaration expected.',
    ]);
  });
});
