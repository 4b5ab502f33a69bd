import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { contentMigrations } from '@nexus/content';
import {
  AppConfig,
  ConfigError,
  CoreModule,
  loadConfig,
  ProblemDocument,
  ProblemException,
} from '@nexus/core';
import { notificationsMigrations } from '@nexus/notifications';
import {
  BlocksService,
  cliActor,
  IpBlock,
  OPERATOR_FILE,
  OPERATOR_HEADER,
  OperatorFile,
  SecurityAnalyticsCliModule,
  securityAnalyticsMigrations,
} from '@nexus/security-analytics';
import { usersMigrations } from '@nexus/users';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';

const USAGE = `Usage: npm run cli -- <command>

  block-ip <ip|cidr> --reason "..." [--expires 24h|ISO-8601] [--force]
  unblock-ip <ip|cidr>
  list-blocks

Full mode (DATABASE_URL): writes the database and tells the running api instances, which enforce
the change within a second. Embedded mode: goes through the running api when there is one
(DATA_DIR/.operator.json), else opens the embedded database itself. It says which it did.
`;

type Command =
  | { name: 'block-ip'; cidr: string; reason: string; expiresAt?: string; force: boolean }
  | { name: 'unblock-ip'; cidr: string }
  | { name: 'list-blocks' };

class UsageError extends Error {}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `24h`, `30m`, `7d` from now, or an ISO 8601 date. */
export function parseExpiry(text: string, now = Date.now()): string {
  const m = /^(\d+)([smhd])$/.exec(text.trim());
  if (m) return new Date(now + Number(m[1]) * UNITS[m[2]] * 1000).toISOString();
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new UsageError(`--expires: "${text}" is neither like 24h nor a date`);
  return new Date(at).toISOString();
}

export function parseArgs(argv: string[]): Command {
  const [name, ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--force') flags.force = true;
    else if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split(/=(.*)/s, 2);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`--${key} needs a value`);
      flags[key] = value;
    } else positional.push(a);
  }
  const known = new Set(['reason', 'expires', 'force']);
  for (const key of Object.keys(flags))
    if (!known.has(key)) throw new UsageError(`unknown option --${key}`);
  switch (name) {
    case 'block-ip': {
      if (positional.length !== 1) throw new UsageError('block-ip takes one address or CIDR');
      if (typeof flags.reason !== 'string' || !flags.reason.trim())
        throw new UsageError('block-ip needs --reason "..."');
      return {
        name,
        cidr: positional[0],
        reason: flags.reason,
        expiresAt: typeof flags.expires === 'string' ? parseExpiry(flags.expires) : undefined,
        force: flags.force === true,
      };
    }
    case 'unblock-ip':
      if (positional.length !== 1) throw new UsageError('unblock-ip takes one address or CIDR');
      return { name, cidr: positional[0] };
    case 'list-blocks':
      if (positional.length) throw new UsageError('list-blocks takes no argument');
      return { name };
    default:
      throw new UsageError(name ? `unknown command ${name}` : 'no command');
  }
}

interface Outcome {
  blocks: IpBlock[];
  verb: 'blocked' | 'unblocked' | 'listed';
}

const operator = () => {
  try {
    return userInfo().username;
  } catch {
    return 'operator';
  }
};

/** Through the running embedded api's CLI routes. */
async function viaApi(file: OperatorFile, command: Command): Promise<Outcome> {
  const headers = { [OPERATOR_HEADER]: file.token, 'x-operator-name': operator() };
  const base = `${file.url}/api/v1/admin/security/cli/blocks`;
  let res: Response;
  if (command.name === 'block-ip') {
    const { cidr, reason, expiresAt, force } = command;
    res = await fetch(base, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ cidr, reason, expiresAt, force: force || undefined }),
    });
  } else if (command.name === 'unblock-ip') {
    res = await fetch(`${base}?cidr=${encodeURIComponent(command.cidr)}`, {
      method: 'DELETE',
      headers,
    });
  } else res = await fetch(base, { headers });
  const body = (await res.json()) as unknown;
  if (!res.ok) throw new CliProblem(body as ProblemDocument);
  if (command.name === 'block-ip') return { blocks: [body as IpBlock], verb: 'blocked' };
  if (command.name === 'unblock-ip') return { blocks: body as IpBlock[], verb: 'unblocked' };
  return { blocks: (body as { items: IpBlock[] }).items, verb: 'listed' };
}

class CliProblem extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(
      [problem.detail ?? problem.title, ...(problem.errors ?? []).flatMap((e) => e.messages)].join(
        '\n  ',
      ),
    );
  }
}

@Module({})
class CliModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        CoreModule.forRoot(config, {
          migrations: [
            ...usersMigrations,
            ...contentMigrations,
            ...notificationsMigrations,
            ...securityAnalyticsMigrations,
          ],
          http: false,
        }),
        SecurityAnalyticsCliModule,
      ],
    };
  }
}

/** Opens the database (and, in full mode, the broadcast that tells the api instances). */
async function direct(config: AppConfig, command: Command): Promise<Outcome> {
  const app = await NestFactory.createApplicationContext(CliModule.register(config), {
    logger: ['error'],
  });
  try {
    await app.init();
    const blocks = app.get(BlocksService);
    const actor = { id: cliActor(operator()) };
    try {
      if (command.name === 'block-ip') {
        const { cidr, reason, expiresAt, force } = command;
        return {
          blocks: [await blocks.create({ cidr, reason, expiresAt, force }, actor)],
          verb: 'blocked',
        };
      }
      if (command.name === 'unblock-ip')
        return { blocks: await blocks.revokeCidr(command.cidr, actor), verb: 'unblocked' };
      return { blocks: (await blocks.list({ limit: 500 })).items, verb: 'listed' };
    } catch (e) {
      if (e instanceof ProblemException)
        throw new CliProblem({
          type: e.problemType,
          title: e.message,
          status: e.getStatus(),
          detail: e.message,
          errors: e.errors,
        });
      throw e;
    }
  } finally {
    await app.close();
  }
}

/** The running embedded api, if its operator file names one that answers. */
async function runningApi(config: AppConfig): Promise<OperatorFile | undefined> {
  const path = join(config.dataDir, OPERATOR_FILE);
  if (!existsSync(path)) return undefined;
  let file: OperatorFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as OperatorFile;
  } catch {
    return undefined;
  }
  // A file left by an api that died: the database is free.
  if (!processAlive(file.pid)) return undefined;
  // The api holds the database (PGlite is single-process): never open it beside it. A busy api
  // gets time to answer; one that does not is an error, not a reason to go around it.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${file.url}/health/live`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return file;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline || !processAlive(file.pid)) {
      if (!processAlive(file.pid)) return undefined;
      throw new ApiNotAnswering(
        `the api (pid ${file.pid}) holds the embedded database in ${config.dataDir} but does not answer at ${file.url}; try again, or stop it first`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The running embedded api holds the database but did not answer in time. */
class ApiNotAnswering extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function print(outcome: Outcome): void {
  const out = process.stdout;
  if (outcome.verb === 'unblocked' && outcome.blocks.length === 0) {
    out.write('no active block of exactly that address or CIDR\n');
    return;
  }
  if (outcome.verb === 'listed') out.write(`${outcome.blocks.length} active block(s)\n`);
  for (const b of outcome.blocks) {
    const until = b.expiresAt ? `until ${b.expiresAt}` : 'no expiry';
    const line = `${b.cidr}\t${b.source}\t${until}\t${b.reason}\t(id ${b.id})`;
    out.write(outcome.verb === 'listed' ? `${line}\n` : `${outcome.verb} ${line}\n`);
  }
}

async function main(): Promise<number> {
  let command: Command;
  let config: AppConfig;
  try {
    command = parseArgs(process.argv.slice(2));
    config = loadConfig(process.env, {
      seedDemoData: false,
      runWorkers: false,
      logLevel: 'error',
    });
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`cli: ${e.message}\n\n${USAGE}`);
      return 64; // EX_USAGE
    }
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 78; // EX_CONFIG
    }
    throw e;
  }
  try {
    let outcome: Outcome;
    if (config.databaseUrl) {
      outcome = await direct(config, command);
      process.stdout.write(
        command.name === 'list-blocks'
          ? 'cli: read the database (full mode)\n'
          : 'cli: wrote the database (full mode); running api instances reload within a second\n',
      );
    } else {
      const api = await runningApi(config);
      if (api) {
        outcome = await viaApi(api, command);
        process.stdout.write(`cli: went through the running api at ${api.url} (embedded mode)\n`);
      } else {
        outcome = await direct(config, command);
        process.stdout.write(
          `cli: no api running; opened the embedded database in ${config.dataDir} directly\n`,
        );
      }
    }
    print(outcome);
    return 0;
  } catch (e) {
    if (e instanceof CliProblem) {
      process.stderr.write(`cli: refused: ${e.message}\n`);
      return 65; // EX_DATAERR
    }
    if (e instanceof ApiNotAnswering) {
      process.stderr.write(`cli: ${e.message}\n`);
      return 75; // EX_TEMPFAIL
    }
    throw e;
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: Error) => {
      process.stderr.write(`cli failed: ${e.stack ?? e}\n`);
      process.exit(1);
    },
  );
}
