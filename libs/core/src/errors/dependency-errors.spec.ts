import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './dependency-errors';
import { toProblem } from './to-problem';

const pgError = (code: string, message = 'pg error') => Object.assign(new Error(message), { code });

describe('database unavailability', () => {
  it.each([
    [
      'statement_timeout (wrapped by TypeORM)',
      new QueryFailedError(
        'SELECT 1',
        [],
        pgError('57014', 'canceling statement due to statement timeout'),
      ),
    ],
    [
      'the client’s query_timeout',
      new QueryFailedError('SELECT 1', [], new Error('Query read timeout')),
    ],
    ['the pool’s acquire time-out', new Error('timeout exceeded when trying to connect')],
    ['a connection that died', new Error('Connection terminated unexpectedly')],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a server shutting down',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['too many connections', pgError('53300')],
  ])('%s is a 503 database-unavailable with Retry-After', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const problem = toProblem(error, '/api/v1/articles', 'req-1');
    expect(problem.status).toBe(503);
    expect(problem.unexpected).toBe(false);
    expect(problem.headers).toEqual({ 'retry-after': '5' });
    expect(problem.body).toMatchObject({
      type: 'https://nexus.dev/problems/database-unavailable',
      status: 503,
      instance: '/api/v1/articles',
      requestId: 'req-1',
    });
    // Nothing of the driver's message leaves the process.
    expect(JSON.stringify(problem.body)).not.toMatch(/timeout exceeded|ECONNREFUSED|canceling/);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a syntax error', new QueryFailedError('SELEC', [], pgError('42601'))],
    ['any other error', new Error('boom')],
    ['a non-error', 'just a string'],
  ])('%s stays a 500', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(toProblem(error).status).toBe(500);
  });
});
