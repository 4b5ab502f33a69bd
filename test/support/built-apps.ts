import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { waitUntil } from './sync';

const ROOT = join(__dirname, '..', '..');

/** Where `nest build <app>` writes the app's entry file, from nest-cli.json and the app tsconfig. */
export function builtEntry(app: string): string {
  const cli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    projects: Record<string, { root: string; entryFile: string }>;
  };
  const project = cli.projects[app];
  const tsconfig = JSON.parse(
    readFileSync(join(ROOT, project.root, 'tsconfig.app.json'), 'utf8'),
  ) as { compilerOptions: { outDir: string } };
  return `${join(project.root, tsconfig.compilerOptions.outDir, project.entryFile)}.js`;
}

/**
 * The suites that start the built api, worker or CLI (dist/) get them from here, built once per
 * Jest run by the global setups before any suite starts — never by a suite, because parallel
 * workers would build into the same dist/ while another suite runs it. Built when missing, and
 * always in CI (a stale dist/ must not be what is tested).
 */
export function buildAppsOnce(): void {
  if (process.env.NEXUS_TEST_APPS_BUILT === 'true') return;
  const nest = require.resolve('@nestjs/cli/bin/nest.js');
  for (const app of ['api', 'worker']) {
    if (existsSync(join(ROOT, builtEntry(app))) && !process.env.CI) continue;
    execFileSync(process.execPath, [nest, 'build', app], { cwd: ROOT, stdio: 'pipe' });
  }
  // Global setups run one after the other in Jest's parent process: the second one skips.
  process.env.NEXUS_TEST_APPS_BUILT = 'true';
}

/** A port nothing listens on right now (a process is about to be started on it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type Exit = [code: number | null, signal: NodeJS.Signals | null];

export interface StartedProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far, and a last line once it has exited. */
  output(): string;
  /** Its exit, once its last output has been read ('close', not 'exit'). */
  closed: Promise<Exit>;
  /** Resolves once `text` appears in its output; fails with the output when it does not in time. */
  waitForOutput(text: string, options?: { timeoutMs?: number; what?: string }): Promise<void>;
  /** Sends `signal` (default SIGKILL) unless it has exited already; resolves with its exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

export interface StartOptions {
  /** The environment, besides PATH: nothing of the test process's own leaks in. */
  env: Record<string, string | undefined>;
  /**
   * When the start has finished: a URL answering 200 (a health route) or a text in the output.
   * Without it the process is returned as soon as it is spawned.
   */
  ready?: { url: string } | { output: string };
  /** Bound of the wait for `ready` (start-up is slow on a loaded machine); default 90 s. */
  timeoutMs?: number;
}

/** Starts `command` from the repository root with its output collected (see StartedProcess). */
export async function startProcess(
  name: string,
  command: string,
  args: string[],
  { env, ready, timeoutMs = 90_000 }: StartOptions,
): Promise<StartedProcess> {
  let log = '';
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const closed = new Promise<Exit>((resolve) =>
    child.once('close', (code, signal) => {
      log += `\n[${name} exited: ${code ?? signal}]\n`;
      resolve([code, signal]);
    }),
  );
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  /** Waits for `probe`; a process that exits meanwhile, or the bound, fails with its output. */
  const waitFor = async (probe: () => Promise<boolean> | boolean, what: string, bound: number) => {
    try {
      await waitUntil(
        async () => {
          if (await probe()) return true;
          if (exited()) {
            throw new Error(
              `${name} exited (${child.exitCode ?? child.signalCode}) before ${what}`,
            );
          }
          return false;
        },
        { timeoutMs: bound, what },
      );
    } catch (e) {
      throw new Error(`${(e as Error).message}\n--- ${name}'s output ---\n${log}`);
    }
  };
  const started: StartedProcess = {
    child,
    output: () => log,
    closed,
    waitForOutput: (text, options = {}) =>
      waitFor(
        () => log.includes(text),
        options.what ?? `${name}: "${text}"`,
        options.timeoutMs ?? 10_000,
      ),
    async stop(signal = 'SIGKILL') {
      if (!exited()) child.kill(signal);
      return closed;
    },
  };
  if (ready && 'url' in ready) {
    const answers = async () => {
      const res = await fetch(ready.url).catch(() => undefined);
      await res?.arrayBuffer().catch(() => undefined);
      return res?.status === 200;
    };
    await waitFor(answers, `${name} ready (${ready.url})`, timeoutMs).catch(async (e) => {
      await started.stop();
      throw e;
    });
  } else if (ready) {
    await started.waitForOutput(ready.output, { timeoutMs }).catch(async (e) => {
      await started.stop();
      throw e;
    });
  }
  return started;
}

/** Starts the built api or worker (dist/, built by the global setups) with `env`. */
export function startBuiltApp(
  app: 'api' | 'worker',
  options: StartOptions,
): Promise<StartedProcess> {
  return startProcess(app, process.execPath, [join(ROOT, builtEntry(app))], options);
}
