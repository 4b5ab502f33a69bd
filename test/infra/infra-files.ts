import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Readers for the deployment files checked by test/infra (no Docker engine needed). */
export const ROOT = join(__dirname, '../..');

export function readText(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** YAML with `<<` merge keys, as docker compose reads it. */
export function readYaml<T>(path: string): T {
  return parse(readText(path), { merge: true }) as T;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name?: string;
  from: string;
  instructions: Instruction[];
}

/**
 * Splits a Dockerfile into stages of instructions: comments dropped, `\` continuations joined.
 * Enough of the grammar for these checks; heredocs are not used in this repository's Dockerfile.
 */
export function parseDockerfile(text: string): { preamble: Instruction[]; stages: Stage[] } {
  const instructions: Instruction[] = [];
  let buffer = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!buffer && (line === '' || line.startsWith('#'))) return;
    if (buffer && line.startsWith('#')) return; // comment lines inside a continuation
    if (!buffer) start = index + 1;
    if (line.endsWith('\\')) {
      buffer += `${line.slice(0, -1)} `;
      return;
    }
    buffer += line;
    const match = /^(\S+)\s*(.*)$/s.exec(buffer)!;
    instructions.push({
      keyword: match[1].toUpperCase(),
      args: match[2].replace(/\s+/g, ' ').trim(),
      line: start,
    });
    buffer = '';
  });

  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [from, as, name] = instruction.args.replace(/--platform=\S+\s+/, '').split(' ');
      stages.push({ from, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      preamble.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { preamble, stages };
}

/** `["node", "x.js"]` (exec form) or `node x.js` (shell form) as a list of words. */
export function commandWords(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as string[];
  return trimmed.split(/\s+/);
}

/** `KEY=value KEY2="v"` pairs of ENV/ARG instructions. */
export function envPairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    pairs[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Build layout and configuration
// ---------------------------------------------------------------------------------------------

export { builtEntry } from '../support/built-apps';

/** Every variable name `loadConfig` reads (through its read/int/bool/oneOf/url helpers). */
export function configVariables(): string[] {
  const source = readText('libs/core/src/config/load-config.ts');
  const names = [...source.matchAll(/\b(?:read|int|bool|oneOf|url)\(\s*'([A-Z][A-Z0-9_]*)'/g)].map(
    (m) => m[1],
  );
  return [...new Set(names)].sort();
}

/** Variable names documented in .env.example, as `NAME=` or commented-out `# NAME=`. */
export function documentedVariables(): Map<string, { value: string; commented: boolean }> {
  const documented = new Map<string, { value: string; commented: boolean }>();
  for (const line of readText('.env.example').split('\n')) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) documented.set(match[2], { value: match[3], commented: !!match[1] });
  }
  return documented;
}

/** `${NAME}`, `${NAME:-default}`, `${NAME:?error}`… used in a compose file (`$$` is an escape). */
export function interpolatedVariables(text: string): string[] {
  const unescaped = text.replace(/\$\$/g, '');
  const names = [...unescaped.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  return [...new Set(names)].sort();
}

/** "30s", "1m30s", "500ms" → milliseconds. */
export function durationMs(value: string): number {
  let total = 0;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let matched = '';
  for (const m of value.matchAll(re)) {
    total += Number(m[1]) * units[m[2]];
    matched += m[0];
  }
  if (matched !== value) throw new Error(`not a duration: ${value}`);
  return total;
}
