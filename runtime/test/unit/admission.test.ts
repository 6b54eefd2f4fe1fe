import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AdmissionControl } from '../../src/admission/admission-control.js';
import { expressAdmission, koaAdmission, withAdmission } from '../../src/admission/middleware.js';
import { renderMetrics } from '../../src/metrics.js';
import type { StoreStats } from '../../src/store.js';

const stats = (ready: number, oldestReadyAgeMs: number): StoreStats => ({
  counts: { queued: ready, running: 2, retrying: 1, done: 7, failed: 0, dead: 1, cancelled: 0 },
  ready,
  oldestReadyAgeMs,
});

describe('AdmissionControl', () => {
  const controls: AdmissionControl[] = [];
  afterEach(() => {
    controls.splice(0).forEach((control) => {
      control.close();
    });
  });

  it('enforces the global ceiling and frees slots on release (once)', () => {
    const control = new AdmissionControl({ maxInFlight: 2, perTenant: 2, retryAfterSeconds: 3 });
    const a = control.admit('t');
    const b = control.admit('t');
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(control.admit('t')).toEqual({
      ok: false,
      status: 503,
      retryAfterSeconds: 3,
      reason: 'tenant limit reached (2 requests in flight)',
    });
    expect(control.admit('u')).toMatchObject({ ok: false, reason: 'server busy (2 requests in flight)' });
    if (a.ok) {
      a.release();
      a.release();
    }
    expect(control.inFlight).toBe(1);
    expect(control.admit('u').ok).toBe(true);
    expect(control.admit('u').ok).toBe(false);
  });

  it('gives each active tenant a fair share by default', () => {
    const control = new AdmissionControl({ maxInFlight: 4 });
    expect(control.admit('noisy').ok).toBe(true);
    expect(control.admit('noisy').ok).toBe(true);
    expect(control.admit('quiet').ok).toBe(true);
    // Two tenants active: the noisy one is held at floor(4 / 2) = 2 while the quiet one still gets in.
    expect(control.admit('noisy')).toMatchObject({ ok: false, reason: 'tenant limit reached (2 requests in flight)' });
    expect(control.admit('quiet').ok).toBe(true);
  });

  it('refuses while the queue is too deep or too old', async () => {
    let current = stats(0, 0);
    const control = new AdmissionControl({
      maxInFlight: 100,
      queue: { stats: () => Promise.resolve(current), maxReady: 10, maxOldestReadyAgeMs: 60_000, refreshMs: 5 },
    });
    controls.push(control);
    await new Promise((done) => setTimeout(done, 20));
    expect(control.admit().ok).toBe(true);
    current = stats(11, 0);
    await new Promise((done) => setTimeout(done, 20));
    expect(control.admit()).toMatchObject({ ok: false, reason: 'queue too deep (11 tasks ready)' });
    current = stats(1, 90_000);
    await new Promise((done) => setTimeout(done, 20));
    expect(control.admit()).toMatchObject({ ok: false, reason: 'queue behind (oldest ready task waited 90 s)' });
  });
});

describe('admission middleware', () => {
  it('answers 503 with Retry-After from a node:http / Express-shaped server', async () => {
    const control = new AdmissionControl({ maxInFlight: 1, retryAfterSeconds: 7 });
    const gate = expressAdmission(control, (req: IncomingMessage) => String(req.headers['x-tenant']));
    let hold: (() => void) | undefined;
    const server = createServer((req, res) => {
      gate(req, res, () => {
        hold = () => res.end('ok');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
    const first = fetch(url, { headers: { 'x-tenant': 'a' } });
    while (hold === undefined) await new Promise((done) => setTimeout(done, 5));
    const refused = await fetch(url, { headers: { 'x-tenant': 'b' } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('7');
    expect(await refused.json()).toEqual({ error: 'Service Unavailable', reason: 'server busy (1 requests in flight)' });
    hold();
    expect((await first).status).toBe(200);
    await new Promise((done) => setTimeout(done, 20));
    expect(control.inFlight).toBe(0);
    server.close();
  });

  it('wraps Next.js route handlers and Koa middleware', async () => {
    const control = new AdmissionControl({ maxInFlight: 1 });
    const route: (request: Request) => Promise<Response> = withAdmission(control, async () => {
      const inner: Response = await route(new Request('http://x/'));
      return new Response(`inner ${String(inner.status)}`, { status: 200 });
    });
    const response = await route(new Request('http://x/'));
    expect(await response.text()).toBe('inner 503');
    expect(control.inFlight).toBe(0);
    const ctx = {
      status: 200,
      body: undefined as unknown,
      headers: {} as Record<string, string>,
      set(name: string, value: string) {
        this.headers[name] = value;
      },
    };
    const koa = koaAdmission(control);
    await koa(ctx, async () => {
      const other = {
        ...ctx,
        headers: {} as Record<string, string>,
        set(name: string, value: string) {
          other.headers[name] = value;
        },
      };
      await koa(other, () => Promise.resolve());
      expect(other).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
    });
    expect(control.inFlight).toBe(0);
  });
});

describe('renderMetrics', () => {
  it('renders per-state counts, ready depth and oldest age in Prometheus text', () => {
    const text = renderMetrics(stats(4, 1500));
    expect(text).toContain('# TYPE fleet_tasks gauge\n');
    expect(text).toContain('fleet_tasks{state="queued"} 4\n');
    expect(text).toContain('fleet_tasks{state="dead"} 1\n');
    expect(text).toContain('fleet_tasks_ready 4\n');
    expect(text).toContain('fleet_oldest_ready_age_seconds 1.5\n');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('fleet_tasks_ready_undeclared');
  });

  it('renders ready tasks of undeclared names as their own gauge when stats counted them apart', () => {
    const text = renderMetrics({ ...stats(4, 1500), undeclaredReady: 7 });
    expect(text).toContain('fleet_tasks_ready 4\n');
    expect(text).toContain('# TYPE fleet_tasks_ready_undeclared gauge\n');
    expect(text).toContain('fleet_tasks_ready_undeclared 7\n');
  });
});
