import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerInterface } from 'typeorm';

/**
 * TypeORM's log lines through the process logger, WITHOUT query parameters: a failed INSERT or a
 * slow query would otherwise write password hashes, tokens and personal data into the logs.
 * Errors keep the SQL text and the driver's message; `LOG_LEVEL=trace` logs every query's text.
 */
export class SafeTypeOrmLogger implements TypeOrmLoggerInterface {
  private readonly logger = new NestLogger('TypeORM');

  constructor(private readonly logQueries: boolean) {}

  logQuery(query: string): void {
    if (this.logQueries) this.logger.verbose(sql(query));
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error({ query: sql(query), error: message }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query: sql(query), ms: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.log(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.log(String(message));
  }
}

function sql(query: string): string {
  const compact = query.replace(/\s+/g, ' ').trim();
  return compact.length > 2000 ? `${compact.slice(0, 2000)}…` : compact;
}
