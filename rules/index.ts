import type { TSESLint } from '@typescript-eslint/utils';
import noCodemodBailout from './no-codemod-bailout.js';
import noFloatingWorkInHandler from './no-floating-work-in-handler.js';
import noProcessLocalSchedule from './no-process-local-schedule.js';
import noWorkspaceFsInServeRoute from './no-workspace-fs-in-serve-route.js';
import requireRouteRole from './require-route-role.js';

/** Every Fleet rule, by id (without the `fleet/` prefix). */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {
  'no-codemod-bailout': noCodemodBailout,
  'no-floating-work-in-handler': noFloatingWorkInHandler,
  'no-process-local-schedule': noProcessLocalSchedule,
  'no-workspace-fs-in-serve-route': noWorkspaceFsInServeRoute,
  'require-route-role': requireRouteRole,
};
