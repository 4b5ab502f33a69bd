// The articles-list request at a fixed 200 req/s over a pool of 50 connections (open loop, evenly
// spaced: bench/lib/open-loop.mjs), instead of as fast as the server answers. With 50 connections
// each waiting for its answer (closed loop), "p99 < 25 ms" would also demand at least
// 50 / 0.025 = 2000 req/s of uncached listings; at a fixed rate the p99 says how long one listing
// takes when the server is not saturated (time waiting for a free connection included).
import * as list from './articles-list.mjs';

export const name = 'articles-list-200rps';
export const description = 'articles-list at a fixed 200 req/s (latency below saturation)';
export const target = (mode) => (mode === 'full' ? { p99Ms: 25 } : null);
export const requires = ['content'];
export const dataset = 'large';
export const RATE = 200;

export async function setup(ctx) {
  const request = await list.setup(ctx);
  return { ...request, rate: RATE, note: `fixed ${RATE} req/s, evenly spaced` };
}
