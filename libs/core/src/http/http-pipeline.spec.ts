import type { FastifyReply, FastifyRequest } from 'fastify';
import { EdgeStage, HttpPipeline } from './http-pipeline';

const req = {} as FastifyRequest;
const reply = {} as FastifyReply;
const NONE = { answers: () => false };

describe('HttpPipeline', () => {
  it('runs steps in stage order, whatever the registration order', () => {
    const p = new HttpPipeline();
    const ran: string[] = [];
    p.use(EdgeStage.cache, 'cache', () => (ran.push('cache'), false), NONE);
    p.use(EdgeStage.blacklist, 'blacklist', () => (ran.push('blacklist'), false), NONE);
    p.use(EdgeStage.rateLimit, 'limit', () => (ran.push('limit'), false), NONE);
    expect(p.names()).toEqual(['blacklist', 'limit', 'cache']);
    expect(p.run(req, reply)).toBe(false);
    expect(ran).toEqual(['blacklist', 'limit', 'cache']);
  });

  it('stops at the first step that answers, synchronously when the steps are synchronous', () => {
    const p = new HttpPipeline();
    const later = jest.fn(() => false);
    p.use(10, 'answers', () => true, NONE);
    p.use(20, 'later', later, NONE);
    expect(p.run(req, reply)).toBe(true);
    expect(later).not.toHaveBeenCalled();
  });

  it('waits for asynchronous steps and continues after them', async () => {
    const p = new HttpPipeline();
    const ran: string[] = [];
    p.use(10, 'async-pass', async () => (ran.push('a'), false), NONE);
    p.use(20, 'sync-answer', () => (ran.push('b'), true), NONE);
    p.use(30, 'never', () => (ran.push('c'), false), NONE);
    const result = p.run(req, reply);
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBe(true);
    expect(ran).toEqual(['a', 'b']);
  });

  it('refuses two steps with one name', () => {
    const p = new HttpPipeline();
    p.use(10, 'x', () => false, NONE);
    expect(() => p.use(20, 'x', () => false, NONE)).toThrow(/already registered/);
  });
});
