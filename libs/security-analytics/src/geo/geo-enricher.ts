import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';
import { GeoLookup } from './geo-lookup';
import { IpGeoRepository } from './ip-geo.repository';

const ENRICH_INTERVAL_MS = 5_000;

/**
 * Locates new addresses off the hot path: every few seconds, where queue workers run (the worker
 * in full mode, so the api never loads the geo database), it takes the addresses seen with no
 * `ip_geo` row, looks them up in memory and writes them in one statement. Each address is looked
 * up once (unknown ones again after a day). Several workers doing it at once only repeat an upsert.
 */
@Injectable()
export class GeoEnricher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(GeoEnricher.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lookup: GeoLookup,
    private readonly repository: IpGeoRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runWorkers) return;
    this.timer = setInterval(() => {
      this.enrich().catch((e: Error) => this.logger.warn(`geo enrichment failed: ${e.message}`));
    }, ENRICH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Locates pending addresses until none is left; returns how many. */
  async enrich(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let total = 0;
      for (;;) {
        const ips = await this.repository.pending();
        if (!ips.length) return total;
        await this.repository.upsert(ips.map((ip) => ({ ip, ...this.lookup.lookup(ip) })));
        total += ips.length;
        if (ips.length < 1000) return total;
      }
    })().finally(() => (this.running = null));
    return this.running;
  }
}
