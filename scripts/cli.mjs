#!/usr/bin/env node
// `npm run cli -- <command> [--build]`: the operator CLI compiled with the api (apps/api/src/cli.ts).
import { runBuiltEntry } from './run-built.mjs';

runBuiltEntry('cli');
