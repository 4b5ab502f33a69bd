#!/usr/bin/env node
// `npm run test:fuzz -- --runs N [--seed S] [jest args]`: the fuzz suite with N random requests per
// operation. Without --seed a fresh seed is drawn and printed, so a failure can be replayed.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const args = process.argv.slice(2);
const take = (name) => {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const [, value] = args.splice(i, 2);
  if (!/^\d+$/.test(value ?? '')) {
    process.stderr.write(`${name} needs a non-negative integer\n`);
    process.exit(2);
  }
  return value;
};
const runs = take('--runs') ?? process.env.FUZZ_RUNS ?? '200';
const seed = take('--seed') ?? process.env.FUZZ_SEED ?? String(randomInt(2 ** 31 - 1));
process.stdout.write(`fuzz: ${runs} runs per operation, seed ${seed}\n`);
const result = spawnSync(process.execPath, ['scripts/test.mjs', 'test/fuzz/', ...args], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
