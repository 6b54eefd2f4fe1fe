// An Express-shaped HTTP app on node:http: the handler enqueues and answers 202 with the task id.
// Run alone with FLEET_ROLE=serve for a stateless replica, or through app.js (role `all`).
import { createServer } from 'node:http';
import { AdmissionControl, defaultStore, enqueue, expressAdmission, METRICS_CONTENT_TYPE, renderMetrics } from 'fleet-runtime';
import { TaskSpec } from './tasks.js';

const admission = new AdmissionControl({ maxInFlight: 64, retryAfterSeconds: 2 });
const admit = expressAdmission(admission, (req) => req.headers['x-tenant']?.toString());

function json(res, status, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text === '' ? {} : JSON.parse(text);
}

/** The request handler, Express-style `(req, res)`. */
export async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  try {
    if (req.method === 'POST' && url.pathname === '/reports') {
      const body = await readJson(req);
      // Durable when it resolves; the same Idempotency-Key returns the same task.
      const id = await enqueue(TaskSpec.BuildReport({ reportRef: String(body.reportRef), pages: Number(body.pages ?? 3) }), {
        key: req.headers['idempotency-key']?.toString(),
        tenant: req.headers['x-tenant']?.toString(),
      });
      return json(res, 202, { taskId: id, status: `/tasks/${id}` });
    }
    const task = /^\/tasks\/([\w-]+)$/.exec(url.pathname);
    if (req.method === 'GET' && task) {
      const store = await defaultStore();
      const record = await store.get(task[1] ?? '');
      if (record === null) return json(res, 404, { error: 'no such task' });
      const { id, state, attempts, progress, result, lastError } = record;
      return json(res, 200, { id, state, attempts, progress, result, lastError });
    }
    if (req.method === 'GET' && url.pathname === '/metrics') {
      res.setHeader('Content-Type', METRICS_CONTENT_TYPE);
      return res.end(renderMetrics(await (await defaultStore()).stats()));
    }
    return json(res, 404, { error: 'not found' });
  } catch (error) {
    return json(res, error?.name === 'TaskInputError' ? 400 : 500, { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Start listening; resolves with the server once it is bound. */
export function listen(port = Number(process.env.PORT ?? 3000)) {
  const server = createServer((req, res) => admit(req, res, () => void handle(req, res)));
  return new Promise((resolve) => server.listen(port, () => resolve(server)));
}
