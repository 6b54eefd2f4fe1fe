import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { guidanceFor, rulesWithGuidance } from '../../src/review/guidance.js';

describe('review guidance', () => {
  it('has guidance for every rule and for parse errors', () => {
    expect(rulesWithGuidance()).toEqual([...Object.keys(rules).map((id) => `fleet/${id}`), 'parse-error'].sort());
  });

  it('gives only the guidance when the codemod command is switched off', () => {
    expect(guidanceFor('fleet/no-floating-work-in-handler', 'src/app.ts', false)).not.toContain('npx fleet codemod');
  });

  it('names the codemod by default, now that `fleet codemod spawn-to-taskspec` ships', () => {
    expect(guidanceFor('fleet/no-floating-work-in-handler', 'src/app.ts')).toContain('npx fleet codemod spawn-to-taskspec src/app.ts');
  });

  it('adds the codemod command for the file once the capability is on', () => {
    expect(guidanceFor('fleet/no-floating-work-in-handler', 'src/app.ts', true)).toMatch(
      /\n\nTo rewrite the spawn sites of this file into durable tasks \(TaskSpec, executor and test are generated\):\n\n```sh\nnpx fleet codemod spawn-to-taskspec src\/app\.ts\n```$/,
    );
    expect(guidanceFor('fleet/require-route-role', 'src/app.ts', true)).not.toContain('npx fleet codemod');
  });
});
