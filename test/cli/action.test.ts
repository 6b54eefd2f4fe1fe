import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers.js';

interface Step {
  name: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
const action = parse(readFileSync(path.join(import.meta.dirname, '../../action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; steps: Step[] };
};

/** The `--long` options a run script passes to the fleet CLI. */
function optionsOf(script: string): string[] {
  return [...script.matchAll(/[ (](--[a-z-]+)/g)]
    .map((match) => match[1]!)
    .filter((option) => option !== '--yes' && option !== '--package');
}

describe('action.yml', () => {
  it('is a composite action: gate, SARIF upload, review, then the gate verdict', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((step) => step.name)).toEqual([
      'Fleet gate (fleet scan)',
      'Upload SARIF to code scanning',
      'Fleet review (fleet review)',
      'Fail on new findings',
    ]);
    expect(action.runs.steps[1]!.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(action.runs.steps[1]!.with).toEqual({ sarif_file: '${{ inputs.sarif-file }}', category: '${{ inputs.sarif-category }}' });
    expect(action.runs.steps[2]!.if).toContain("github.event_name == 'pull_request'");
  });

  it('passes only options the CLI documents', async () => {
    const scanHelp = (await runCli(['scan', '--help'])).stdout;
    const reviewHelp = (await runCli(['review', '--help'])).stdout;
    const [gate, , review] = action.runs.steps;
    expect(optionsOf(gate!.run!)).toEqual(['--format', '--output', '--baseline']);
    expect(optionsOf(review!.run!)).toEqual(['--head', '--filter-mode', '--max-comments']);
    for (const option of optionsOf(gate!.run!)) expect(scanHelp).toContain(option);
    for (const option of optionsOf(review!.run!)) expect(reviewHelp).toContain(option);
  });

  it('describes every input', () => {
    expect(Object.entries(action.inputs).filter(([, input]) => input.description.length < 10)).toEqual([]);
  });
});
