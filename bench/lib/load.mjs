import autocannon from 'autocannon';
import { HOST, cpuTimeMs } from './processes.mjs';

export const MAX_DURATION_S = 300;
export const MAX_CONNECTIONS = 1000;

/**
 * One autocannon run against 127.0.0.1:`port`, in this process. `request` is what a scenario's
 * setup() returned: { path, method, headers, body, setupClient, requests }.
 * Bounded twice: autocannon's own duration and a hard stop 30 s later in case the server hangs.
 * With `serverPid`, also reports the server's CPU time per request (Linux): a cost measure that,
 * unlike req/s, does not depend on how much CPU the load generator leaves to the server.
 */
export function runLoad({ port, request, duration, connections, serverPid }) {
  if (!(duration > 0 && duration <= MAX_DURATION_S))
    throw new Error(`duration must be in (0, ${MAX_DURATION_S}] s`);
  if (!(connections >= 1 && connections <= MAX_CONNECTIONS)) {
    throw new Error(`connections must be in [1, ${MAX_CONNECTIONS}]`);
  }
  const { path = '/', method = 'GET', headers, body, setupClient, requests } = request;
  if (!path.startsWith('/')) throw new Error(`request path must start with "/" (got ${path})`);
  const opts = {
    url: `http://${HOST}:${port}${path}`,
    method,
    headers: { ...(headers ?? {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    connections,
    duration,
    pipelining: 1,
    timeout: 10,
    setupClient,
    requests,
  };
  if (
    opts.body !== undefined &&
    !Object.keys(opts.headers).some((h) => h.toLowerCase() === 'content-type')
  ) {
    opts.headers['content-type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    let hardStop;
    const cpuBefore = serverPid ? cpuTimeMs(serverPid) : undefined;
    const instance = autocannon(opts, (err, result) => {
      clearTimeout(hardStop);
      if (err) return reject(err);
      const summary = summarise(result);
      const cpuAfter = serverPid ? cpuTimeMs(serverPid) : undefined;
      if (cpuBefore !== undefined && cpuAfter !== undefined && summary.requests > 0) {
        summary.serverCpuUsPerReq = Math.round(((cpuAfter - cpuBefore) * 1000) / summary.requests);
        summary.serverCpuPct = Math.round(
          ((cpuAfter - cpuBefore) / (result.duration * 1000)) * 100,
        );
      }
      resolve(summary);
    });
    hardStop = setTimeout(() => instance.stop(), (duration + 30) * 1000);
  });
}

function summarise(r) {
  const statusCounts = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statusCounts[code] = v.count;
  const total = r.requests.total;
  return {
    rps: Math.round(r.requests.average),
    requests: total,
    durationS: r.duration,
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: r.latency.average,
    },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCounts,
  };
}
