import { Linter } from 'eslint';
import type { Rule } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import type { HandlerModelContext } from '../../src/handlers/model.js';
import { handlerModelFor } from '../../src/handlers/model.js';

// A probe rule: reports every handler's label and the handlers reaching each `probe()` call.
const probe: Rule.RuleModule = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const model = handlerModelFor(context as unknown as HandlerModelContext);
    return {
      Program() {
        for (const handler of model.handlers) context.report({ loc: handler.node.loc, message: `${handler.framework} ${handler.label}` });
      },
      'CallExpression[callee.name="probe"]'(node: Rule.Node) {
        const reaches = model.reachesOf(node as never).map((reach) => [reach.handler.label, ...reach.chain].join(' <- '));
        context.report({ node, message: `reached by ${reaches.join('; ')}` });
      },
    };
  },
};

function lint(code: string, filename: string, settings: Record<string, unknown> = {}): string[] {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { test: { rules: { probe } } },
      rules: { 'test/probe': 'error' },
      settings,
      languageOptions: { sourceType: 'module', globals: { require: 'readonly', module: 'writable' } },
    },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  ];
  return linter.verify(code, config, { filename }).map((message) => `${message.line}: ${message.message}`);
}

describe('handlerModelFor inside ESLint', () => {
  it('works on espree-parsed CommonJS with configured globals', () => {
    expect(
      lint(
        `const express = require('express');
const router = express.Router();
function save() { probe(); }
router.post('/save', (req, res) => { save(); res.end(); });
module.exports = router;
`,
        'src/routes.js',
      ),
    ).toEqual(['3: reached by POST /save <- save', '4: express POST /save']);
  });

  it('works with the TypeScript parser and reads settings.fleet', () => {
    const code = `import { Hono } from 'hono';
const app = new Hono();
app.get('/x', (c) => { probe(); return c.text('x'); });
`;
    expect(lint(code, 'src/app.ts')).toEqual(['3: hono GET /x', '3: reached by GET /x']);
    expect(lint(code, 'src/other.ts', { fleet: { frameworks: ['express'] } })).toEqual(['3: reached by ']);
    expect(() => lint(code, 'src/bad.ts', { fleet: { callDepth: 'deep' } })).toThrow('Invalid settings.fleet.callDepth');
  });
});
