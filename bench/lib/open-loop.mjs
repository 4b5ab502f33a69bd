import http from 'node:http';
import { HOST, cpuTimeMs } from './processes.mjs';

/**
 * An open-loop load at a fixed rate: request i is due at start + i / rate, whatever happened to
 * the requests before it, over a keep-alive pool of `connections` sockets.
 *
 * Why not autocannon's `overallRate`: a rate-limited autocannon connection sends its per-second
 * quota back to back and then waits for a timer to reset its counter, so a "200 req/s" run is a
 * burst of 200 requests at the start of every second (a closed loop, in effect) and its p99 is the
 * last of ~50 queued requests, not the latency of one request at that rate.
 *
 * Latency is measured from the moment a request was *due*, not from when a socket became free,
 * so waiting for a connection counts (no coordinated omission). Same result shape as runLoad.
 */
export function runOpenLoop({ port, request, duration, connections, rate, serverPid }) {
  if (!(rate > 0 && rate <= 20_000)) throw new Error('rate must be in (0, 20000] req/s');
  const { method = 'GET', headers = {}, requests } = request;
  const nextPath = requests?.[0]?.setupRequest
    ? () => requests[0].setupRequest({ method, path: request.path, headers }).path
    : () => request.path;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  const statusCounts = {};
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  const total = Math.round(rate * duration);
  const cpuBefore = serverPid ? cpuTimeMs(serverPid) : undefined;
  const start = performance.now();

  return new Promise((resolve) => {
    let finished = 0;
    const done = () => {
      if (++finished < total) return;
      agent.destroy();
      const elapsedS = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      const pct = (p) =>
        latencies.length
          ? round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))])
          : 0;
      const summary = {
        rps: Math.round(total / elapsedS),
        requests: total,
        durationS: Math.round(elapsedS),
        latencyMs: {
          p50: pct(0.5),
          p90: pct(0.9),
          p99: pct(0.99),
          max: round(latencies[latencies.length - 1] ?? 0),
          mean: round(latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1)),
        },
        errors,
        timeouts: 0,
        non2xx,
        statusCounts,
      };
      const cpuAfter = serverPid ? cpuTimeMs(serverPid) : undefined;
      if (cpuBefore !== undefined && cpuAfter !== undefined) {
        summary.serverCpuUsPerReq = Math.round(((cpuAfter - cpuBefore) * 1000) / total);
        summary.serverCpuPct = Math.round(((cpuAfter - cpuBefore) / (elapsedS * 1000)) * 100);
      }
      resolve(summary);
    };

    const fire = (due) => {
      const req = http.request(
        { host: HOST, port, path: nextPath(), method, headers, agent, timeout: 10_000 },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            statusCounts[res.statusCode] = (statusCounts[res.statusCode] ?? 0) + 1;
            if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
            done();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    };

    const interval = 1000 / rate;
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) fire(start + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}

const round = (ms) => Math.round(ms * 10) / 10;
