import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-codemod-bailout.js';

const ruleTester = new RuleTester();

ruleTester.run('no-codemod-bailout', rule, {
  valid: [
    { name: 'no marker', code: 'await enqueue(TaskSpec.NotifyOps({ message }));' },
    { name: 'the marker text in a string is not a comment', code: "const marker = 'fleet-codemod-bailout: lossy-capture';" },
    { name: 'a comment that only mentions markers in passing', code: '// see the fleet codemod docs about bailouts\nrun();' },
  ],
  invalid: [
    {
      name: 'line marker with a reason',
      code: '// fleet-codemod-bailout: forbidden-capture\nvoid notifyOps(req.body.message);',
      errors: [{ messageId: 'bailout', data: { reason: 'forbidden-capture' }, line: 1, column: 1, endLine: 1, endColumn: 44 }],
    },
    {
      name: 'indented marker inside a handler',
      code: 'app.post("/x", async (req, res) => {\n  // fleet-codemod-bailout: module-local\n  void audit(id);\n});',
      errors: [{ messageId: 'bailout', data: { reason: 'module-local' }, line: 2, column: 3 }],
    },
    {
      name: 'block marker without a reason',
      code: '/* fleet-codemod-bailout */\nvoid refresh();',
      errors: [{ messageId: 'bailoutWithoutReason', line: 1, column: 1, endColumn: 28 }],
    },
    {
      name: 'JSDoc-style block marker',
      code: '/**\n * fleet-codemod-bailout: name-conflict\n */\nvoid chargeCard(orderId, amount);',
      errors: [{ messageId: 'bailout', data: { reason: 'name-conflict' }, line: 1, column: 1 }],
    },
  ],
});
