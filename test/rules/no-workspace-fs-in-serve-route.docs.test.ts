// Lints every ❌/✅ example of docs/rules/no-workspace-fs-in-serve-route.md (harness: manifest-doc-examples.ts).
import rule from '../../rules/no-workspace-fs-in-serve-route.js';
import { describeDocExamples } from './manifest-doc-examples.js';

describeDocExamples('no-workspace-fs-in-serve-route', rule, { manifestContains: 'role: fleet-ok', minReported: 6, minClean: 4 });
