import pino from 'pino';
import { Writable } from 'node:stream';
import { AppLogger, logFormat } from './app-logger';

function capture(level: pino.Level): { logger: AppLogger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = new AppLogger(pino({ level }, sink));
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}

describe('AppLogger', () => {
  it("puts Nest's start-up lines at debug, so the info level shows only the app's own", () => {
    const { logger, lines } = capture('info');
    logger.log('UsersModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/api/v1/ping, GET} route', 'RouterExplorer');
    logger.log('SystemController {/api/v1/ping}:', 'RoutesResolver');
    logger.log('Nest application successfully started', 'NestApplication');
    logger.log('Demo data: 4 authors', 'DemoDataSeeder');
    expect(lines().map((l) => l.msg)).toEqual(['Demo data: 4 authors']);
  });

  it('still writes those lines at debug level, with their context', () => {
    const { logger, lines } = capture('debug');
    logger.log('UsersModule dependencies initialized', 'InstanceLoader');
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 20,
        context: 'InstanceLoader',
        msg: 'UsersModule dependencies initialized',
      }),
    ]);
  });

  it('keeps warnings and errors of those contexts at their level', () => {
    const { logger, lines } = capture('info');
    logger.warn('something odd', 'InstanceLoader');
    logger.error('failed', 'a stack', 'NestApplication');
    expect(lines().map((l) => [l.level, l.msg, l.stack])).toEqual([
      [40, 'something odd', undefined],
      [50, 'failed', 'a stack'],
    ]);
  });
});

describe('logFormat', () => {
  it('is readable in a terminal, outside production', () => {
    expect(logFormat({ nodeEnv: 'development' }, { isTTY: true })).toBe('pretty');
    expect(logFormat({ nodeEnv: 'test' }, { isTTY: true })).toBe('pretty');
  });

  it('is JSON in production and whenever stdout is not a terminal', () => {
    expect(logFormat({ nodeEnv: 'production' }, { isTTY: true })).toBe('json');
    expect(logFormat({ nodeEnv: 'development' }, { isTTY: false })).toBe('json');
    expect(logFormat({ nodeEnv: 'development' }, {})).toBe('json');
  });
});
