import { Logger } from '@nestjs/common';
import { SafeTypeOrmLogger } from './typeorm-logger';

describe('SafeTypeOrmLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs failed and slow queries without their parameters', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const logger = new SafeTypeOrmLogger(false) as unknown as {
      logQueryError(e: Error, q: string, p: unknown[]): void;
      logQuerySlow(t: number, q: string, p: unknown[]): void;
    };
    const secret = '$argon2id$v=19$m=19456,t=2,p=1$secret-hash';
    logger.logQueryError(
      new Error('duplicate key value'),
      'INSERT INTO users (email, password_hash) VALUES ($1, $2)',
      ['a@b.c', secret],
    );
    logger.logQuerySlow(1500, 'SELECT * FROM users WHERE email = $1', ['a@b.c']);
    const written = JSON.stringify([...error.mock.calls, ...warn.mock.calls]);
    expect(written).toContain('duplicate key value');
    expect(written).toContain('INSERT INTO users');
    expect(written).not.toContain(secret);
    expect(written).not.toContain('a@b.c');
  });

  it('logs query texts only when asked to (LOG_LEVEL=trace)', () => {
    const verbose = jest.spyOn(Logger.prototype, 'verbose').mockImplementation(() => undefined);
    new SafeTypeOrmLogger(false).logQuery('SELECT 1');
    expect(verbose).not.toHaveBeenCalled();
    new SafeTypeOrmLogger(true).logQuery('SELECT   1');
    expect(verbose).toHaveBeenCalledWith('SELECT 1');
  });
});
