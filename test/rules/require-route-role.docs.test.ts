// Lints every ❌/✅ example of docs/rules/require-route-role.md (harness: manifest-doc-examples.ts).
import rule from '../../rules/require-route-role.js';
import { describeDocExamples } from './manifest-doc-examples.js';

describeDocExamples('require-route-role', rule, { manifestContains: 'role: ide-only', minReported: 6, minClean: 2 });
