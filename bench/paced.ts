// An open load: requests sent at evenly spaced times whatever the pace of the answers, as many zones
// bidding at once do. Each request's latency runs from when it was due to its answer, so a server that
// falls behind is charged for the wait (autocannon's rate option sends each second's requests
// back to back at the second's start, and times them from when they left).
import http from 'node:http';

export interface PacedLoad {
  url: string;
  perSecond: number;
  seconds: number;
  /** Requests in flight at most; one due beyond them is not sent and counts as missed. */
  inFlight: number;
  /** The next request's headers and body. */
  next: () => { headers: Record<string, string>; body: string };
}

export interface PacedResult {
  perSecond: number;
  ok: number;
  refused: number;
  missed: number;
  p99: number;
}

export async function paced(load: PacedLoad): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: load.inFlight });
  const target = new URL(load.url);
  const total = Math.round(load.perSecond * load.seconds);
  const interval = 1000 / load.perSecond;
  const latencies: number[] = [];
  let ok = 0;
  let refused = 0;
  let missed = 0;
  let flying = 0;
  const answers: Promise<void>[] = [];
  const send = (due: number) => {
    const { headers, body } = load.next();
    flying++;
    return new Promise<void>((resolve) => {
      const done = (status: number) => {
        flying--;
        latencies.push(performance.now() - due);
        if (status >= 200 && status < 300) ok++;
        else refused++;
        resolve();
      };
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
        },
      );
      req.on('error', () => done(0));
      req.end(body);
    });
  };
  const start = performance.now();
  for (let i = 0; i < total; ) {
    const now = performance.now();
    // Every request now due goes out; the timer's coarseness only bunches a few together.
    for (; i < total && start + i * interval <= now; i++) {
      if (flying >= load.inFlight) missed++;
      else answers.push(send(start + i * interval));
    }
    if (i < total) await new Promise((r) => setTimeout(r, Math.max(0, start + i * interval - performance.now())));
  }
  await Promise.all(answers);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const p99 = latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))]!) : 0;
  return { perSecond: load.perSecond, ok, refused, missed, p99 };
}

/**
 * The highest of `rates` (ascending) that the server answers with every request accepted and the p99
 * within `p99Ms`, trying each in turn until one misses; every step tried, for the curve.
 */
export async function rateWithin(p99Ms: number, rates: readonly number[], step: (perSecond: number) => Promise<PacedResult>) {
  const steps: PacedResult[] = [];
  let held = 0;
  for (const rate of rates) {
    const r = await step(rate);
    steps.push(r);
    if (r.p99 > p99Ms || r.missed > 0 || r.refused > 0) break;
    held = rate;
  }
  return { held, steps };
}
