import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { LoginEventsRepository } from '../anomaly/login-events.repository';
import { RollupsRepository } from '../rollups/rollups.repository';
import { RequestLogRepository } from './request-log.repository';

const DAY_MS = 86_400_000;
const BATCH = 50_000;

/**
 * Prunes the raw log after REQUEST_LOG_RETENTION_DAYS and the rollups after
 * REQUEST_LOG_ROLLUP_RETENTION_DAYS (login events follow the raw log). Deletes in batches, so
 * each transaction is short and the writer is never held up for long.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: RequestLogRepository,
    private readonly rollups: RollupsRepository,
    private readonly logins: LoginEventsRepository,
  ) {}

  async prune(now = new Date()): Promise<{ log: number; rollups: number; logins: number }> {
    const { retentionDays, rollupRetentionDays } = this.config.requestLog;
    const logBefore = new Date(now.getTime() - retentionDays * DAY_MS);
    const rollupBefore = new Date(now.getTime() - rollupRetentionDays * DAY_MS);
    const drain = async (del: () => Promise<number>) => {
      let total = 0;
      for (let n = BATCH; n >= BATCH; total += n) n = await del();
      return total;
    };
    const result = {
      log: await drain(() => this.log.pruneBefore(logBefore, BATCH)),
      rollups: await drain(() => this.rollups.pruneBefore(rollupBefore, BATCH)),
      logins: await this.logins.pruneBefore(logBefore),
    };
    if (result.log || result.rollups)
      this.logger.log(`retention: pruned ${JSON.stringify(result)}`);
    return result;
  }
}
