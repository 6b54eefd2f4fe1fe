/**
 * The app the review tests change: a base with one existing finding far from the change, and a
 * head that adds handlers with new findings at the end of the file.
 */

/** Base `src/app.ts`: `send('b').catch(...)` on line 10, then padding so the change is far away. */
export const BASE_APP = `import express from 'express';

const app = express();

async function send(to: string): Promise<void> {
  await fetch(to);
}

app.post('/b', async (req, res) => {
  send('b').catch(() => {});
  res.sendStatus(202);
});

export const one = 1;
export const two = 2;
export const three = 3;
export const four = 4;
export const five = 5;
export const six = 6;
export const seven = 7;
export const eight = 8;
`;

/** Head: the base plus `void send('a')` (line 23, has a suggestion) and `setTimeout` (line 28, has none). */
export const HEAD_APP = `${BASE_APP}
app.post('/a', async (req, res) => {
  void send('a');
  res.sendStatus(202);
});

app.post('/t', async (req, res) => {
  setTimeout(() => send('t'), 10);
  res.sendStatus(202);
});
`;
