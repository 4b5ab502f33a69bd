#!/usr/bin/env node
// `npm run seed -- --articles N [--explain] [--build]`: the seed entry compiled with the api
// (apps/api/src/seed.ts).
import { runBuiltEntry } from './run-built.mjs';

runBuiltEntry('seed');
