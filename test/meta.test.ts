// Every rule ships as a unit: source file, index entry, test file, doc page, and the presets and
// README table that point at it. This test keeps those in step as rules are added.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeConfig } from './consumer/readme-config.js';
import plugin from '../src/index.js';
import { rules } from '../rules/index.js';

const root = join(import.meta.dirname, '..');
const ruleFiles = readdirSync(join(root, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -'.ts'.length));

describe('plugin meta', () => {
  it('registers at least one rule, and exactly the rule files in rules/', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
    expect(Object.keys(rules).sort()).toEqual([...ruleFiles].sort());
  });

  it('names itself from package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'fleet' });
  });

  it('puts every recommended rule in recommended, recommended-type-checked and strict', () => {
    for (const id of Object.keys(rules)) {
      expect(plugin.configs.strict.rules).toHaveProperty(`fleet/${id}`, 'error');
    }
    expect(plugin.configs['recommended-type-checked'][0]!.rules).toEqual(plugin.configs.recommended.rules);
  });

  it('lists exactly the recommended rules in the README oxlint config', () => {
    const oxlintrc = JSON.parse(readmeConfig('oxlintrc', 'json')) as { rules: Record<string, string> };
    expect(oxlintrc.rules).toEqual(plugin.configs.recommended.rules);
  });

  describe.each(ruleFiles)('rule %s', (id) => {
    const rule = rules[id]!;

    it('has a test file, a doc page and a docs url pointing at it', () => {
      expect(existsSync(join(root, 'test/rules', `${id}.test.ts`))).toBe(true);
      expect(existsSync(join(root, 'docs/rules', `${id}.md`))).toBe(true);
      expect(rule.meta.docs?.url).toBe(`https://github.com/fleet-dev/fleet/blob/main/docs/rules/${id}.md`);
    });

    it('describes itself with Enforce/Require/Disallow and no trailing period', () => {
      const description = rule.meta.docs?.description ?? '';
      expect(description).toMatch(/^(Enforce|Require|Disallow) /);
      expect(description.endsWith('.')).toBe(false);
    });

    it('writes messages as capitalised sentences ending in a period', () => {
      for (const message of Object.values(rule.meta.messages)) {
        expect(message).toMatch(/^[A-Z`]/);
        expect(message.trimEnd().endsWith('.')).toBe(true);
      }
    });

    it('is listed in the README rules table', () => {
      const readme = readFileSync(join(root, 'README.md'), 'utf8');
      expect(readme).toContain(`[${id}](docs/rules/${id}.md)`);
    });
  });
});
