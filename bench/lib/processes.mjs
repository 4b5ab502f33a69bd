import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** The only host the harness ever targets: load is never sent off this machine. */
export const HOST = '127.0.0.1';

/** A port the OS considers free right now (closed again before the child binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a node child process whose stdout/stderr go to `logFile`, with an IPC channel (so the
 * child can be told to exit cleanly, and notices when the harness dies).
 */
export function startNode({ name, script, args = [], nodeArgs = [], env, cwd, logFile }) {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  let gone = false;
  exited.then(() => (gone = true));
  return {
    name,
    child,
    logFile,
    exited,
    get running() {
      return !gone;
    },
    /** Asks for a clean exit (IPC message, then SIGTERM, then SIGKILL); resolves once it is gone. */
    async stop({ viaMessage = false, graceMs = 15_000 } = {}) {
      if (gone) return exited;
      if (viaMessage && child.connected) child.send('nexus-bench:exit');
      else child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!gone) child.kill('SIGKILL');
      }, graceMs);
      const result = await exited;
      clearTimeout(timer);
      log.end();
      return result;
    },
  };
}

/** Polls `url` until it answers 200, the process dies, or `timeoutMs` passes. */
export async function waitForHttp(proc, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!proc.running)
      throw new Error(`${proc.name} exited before it was ready (see ${proc.logFile})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.message;
    }
    await sleep(200);
  }
  throw new Error(
    `${proc.name} not ready after ${timeoutMs} ms at ${url} (${last}; see ${proc.logFile})`,
  );
}

/** CPU time (user + system, all threads) a process has used, in ms; undefined off Linux. */
export function cpuTimeMs(pid) {
  try {
    // Fields after the "(comm)" part; utime and stime are the 12th and 13th of them, in ticks
    // (USER_HZ, 100 on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}
