import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-process-local-schedule.js';

const ruleTester = new RuleTester();

ruleTester.run('no-process-local-schedule', rule, {
  valid: [
    {
      name: 'a schedule declared with fleet-runtime',
      code: "import { defineSchedule } from 'fleet-runtime';\nexport const nightly = defineSchedule({ name: 'nightly', task: TaskSpec.Report({}), cron: '0 3 * * *' });",
    },
    {
      name: "setInterval inside a request handler is the handler rule's business",
      code: "app.get('/poll', (req, res) => { setInterval(() => res.write('.'), 1000); });",
    },
    {
      name: 'setInterval in a class method is not start-up code',
      code: 'class Poller { begin() { this.timer = setInterval(() => this.tick(), 1000); } }',
    },
    {
      name: 'a per-process cache refresh with a reason',
      code: "// fleet-allow-schedule: refreshes this process's in-memory rates\nsetInterval(() => void refreshRates(), 60_000);",
    },
    { name: 'trailing allow comment', code: 'setInterval(flushLocalBuffer, 1000); // fleet-allow-schedule: local buffer' },
    { name: 'a schedule() that is not node-cron', code: "import { schedule } from './my-scheduler.js';\nschedule('0 * * * *', run);" },
    { name: 'setTimeout at module level is a one-off', code: 'setTimeout(() => void warm(), 1000);' },
    {
      name: "a function whose name only starts with a start-up word is not start-up code (NodeBB's front-end initiateDashboard)",
      code: 'function initiateDashboard(realtime) {\n  intervals.rooms = setInterval(() => socket.emit("rooms"), 1000);\n}\nfunction runner() { setInterval(tick, 10); }',
    },
  ],
  invalid: [
    {
      name: 'setInterval at module level',
      code: 'setInterval(() => void refreshExchangeRates(), 60_000).unref();',
      errors: [{ messageId: 'interval', line: 1, column: 1, endColumn: 55 }],
    },
    {
      name: 'setInterval in the listen callback',
      code: 'app.listen(3000, () => {\n  setInterval(purgeSessions, 3_600_000);\n});',
      errors: [{ messageId: 'interval', line: 2, column: 3 }],
    },
    {
      name: 'setInterval in main()',
      code: 'async function main() {\n  await connect();\n  setInterval(() => void syncInventory(), 30_000);\n}\nvoid main();',
      errors: [{ messageId: 'interval', line: 3, column: 3 }],
    },
    {
      name: 'setInterval in initServer() and initialize(): the start-up word ends the name or a capital follows',
      code: 'function initServer() {\n  setInterval(purge, 1000);\n}\nconst initialize = () => {\n  setInterval(sync, 1000);\n};',
      errors: [
        { messageId: 'interval', line: 2, column: 3 },
        { messageId: 'interval', line: 5, column: 3 },
      ],
    },
    {
      name: 'node-cron default import',
      code: "import cron from 'node-cron';\ncron.schedule('0 3 * * *', () => void sendDigest());",
      errors: [{ messageId: 'cron', data: { callee: 'cron.schedule()' }, line: 2, column: 1 }],
    },
    {
      name: 'node-cron named schedule',
      code: "import { schedule } from 'node-cron';\nschedule('*/5 * * * *', pollUpstream);",
      errors: [{ messageId: 'cron', data: { callee: 'schedule()' }, line: 2, column: 1 }],
    },
    {
      name: 'cron package CronJob',
      code: "import { CronJob } from 'cron';\nconst job = new CronJob('0 0 * * *', rotateKeys);\njob.start();",
      errors: [{ messageId: 'cron', data: { callee: 'new CronJob()' }, line: 2, column: 13 }],
    },
    {
      name: 'cron package CronJob.from',
      code: "import { CronJob } from 'cron';\nCronJob.from({ cronTime: '0 0 * * *', onTick: rotateKeys, start: true });",
      errors: [{ messageId: 'cron', data: { callee: 'CronJob.from()' }, line: 2, column: 1 }],
    },
    {
      name: 'allow comment without a reason',
      code: '// fleet-allow-schedule:\nsetInterval(tick, 1000);',
      errors: [{ messageId: 'emptyAllowReason', line: 1, column: 1 }],
    },
  ],
});
