/**
 * A small Express app with two fire-and-forget sites, for the CI-format, baseline and review tests.
 */

/** `src/app.ts` with two findings: `void send('a')` (line 10) and `send('b').catch(...)` (line 15). */
export const APP = `import express from 'express';

const app = express();

async function send(to: string): Promise<void> {
  await fetch(to);
}

app.post('/a', async (req, res) => {
  void send('a');
  res.sendStatus(202);
});

app.post('/b', async (req, res) => {
  send('b').catch(() => {});
  res.sendStatus(202);
});
`;
