/** Share of requests that may fail before a measurement is treated as broken. */
export const MAX_ERROR_SHARE = 0.01;

export function describeTarget(target) {
  if (!target) return 'report only';
  const parts = [];
  if (target.ratio !== undefined) parts.push(`>= ${Math.round(target.ratio * 100)}% of baseline`);
  if (target.p99Ms !== undefined) parts.push(`p99 < ${target.p99Ms} ms`);
  return parts.join(', ');
}

/** PASS / FAIL / REPORT for a measured scenario, with the reason when it is not a plain pass. */
export function verdict(row, target) {
  // autocannon counts a timeout in both `errors` and `timeouts`.
  const failed = row.errors + row.non2xx;
  const sent = row.requests + row.errors;
  if (sent === 0 || failed / sent > MAX_ERROR_SHARE) {
    return { verdict: 'FAIL', why: `${failed} of ${sent} requests failed or non-2xx` };
  }
  if (!target) return { verdict: 'REPORT', why: '' };
  const why = [];
  if (target.ratio !== undefined && !(row.ratio >= target.ratio)) why.push('ratio below target');
  if (target.p99Ms !== undefined && !(row.latencyMs.p99 < target.p99Ms))
    why.push('p99 above target');
  return { verdict: why.length ? 'FAIL' : 'PASS', why: why.join(', ') };
}

const pct = (r) => (r === undefined || r === null ? '' : `${(r * 100).toFixed(1)}%`);
const ms = (x) => (x === undefined || x === null ? '' : `${x}`);

function cells(row) {
  if (row.status !== 'measured') {
    return [
      row.name,
      ...new Array(HEAD.length - 4).fill(''),
      row.targetText,
      row.status.toUpperCase(),
      row.note ?? '',
    ];
  }
  return [
    row.name,
    String(row.rps),
    ms(row.latencyMs.p50),
    ms(row.latencyMs.p99),
    `${row.errors}/${row.non2xx}`,
    String(row.baselineRps),
    pct(row.ratio),
    row.serverCpuUsPerReq === undefined
      ? ''
      : `${row.serverCpuUsPerReq} / ${row.baselineCpuUsPerReq ?? '?'}`,
    row.targetText,
    row.verdict,
    row.note ?? '',
  ];
}

const HEAD = [
  'scenario',
  'req/s',
  'p50 ms',
  'p99 ms',
  'err/non2xx',
  'baseline req/s',
  'ratio',
  'cpu µs/req (base)',
  'target',
  'result',
  'note',
];

export function textTable(rows) {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) =>
    r.map((c, i) => (i >= 1 && i <= 7 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [
    line(HEAD),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(cells(r))),
  ].join('\n');
}

export function markdown(run) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const out = [
    `# Nexus benchmark, ${run.mode} mode`,
    '',
    `${run.startedAt} · commit \`${run.commit}\` · Node ${run.node} · ${run.cpus} × ${run.cpuModel} · ` +
      `${run.options.connections} connections, ${run.options.duration} s per run (warm-up ${run.options.warmup} s)` +
      ` · load generator and servers share the same ${run.cpus} cores`,
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map((_, i) => (i >= 1 && i <= 7 ? '---:' : '---')).join('|')}|`,
    ...run.rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
    '',
    'Ratio = scenario req/s ÷ bare Fastify hello-world req/s measured just before it in the same run.',
    'cpu µs/req = CPU time (all threads) the server process spent per request during the run: Nexus / bare Fastify.',
    'Targets are reported, not enforced: `npm run bench` exits 0 whatever the results.',
    '',
  ];
  if (run.notes?.length) out.push(...run.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
