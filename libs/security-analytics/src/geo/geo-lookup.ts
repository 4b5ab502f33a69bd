import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@nexus/core';

export interface GeoInfo {
  /** ISO 3166-1 alpha-2, or null when unknown. */
  country: string | null;
  region: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  /** Accuracy radius in km, as the database gives it. */
  accuracyKm: number | null;
}

export const UNKNOWN_GEO: GeoInfo = {
  country: null,
  region: null,
  city: null,
  lat: null,
  lon: null,
  accuracyKm: null,
};

interface GeoipLite {
  lookup(ip: string): {
    country: string;
    region: string;
    city: string;
    ll: [number, number];
    area: number;
  } | null;
}

/**
 * geoip-lite, loaded on first use and only by the process that enriches (the worker in full mode:
 * its database takes ~150 MB of memory and ~3 s of CPU to load, which the api must not pay). A
 * database that cannot be loaded makes every answer "unknown", never an error.
 */
@Injectable()
export class GeoLookup {
  private readonly logger = new Logger(GeoLookup.name);
  private geoip: GeoipLite | null | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether lookups can answer (loads the database on first call). */
  available(): boolean {
    if (this.geoip === undefined) this.geoip = this.load();
    return this.geoip !== null;
  }

  lookup(ip: string): GeoInfo {
    if (!this.available()) return UNKNOWN_GEO;
    try {
      const r = this.geoip!.lookup(ip);
      if (!r) return UNKNOWN_GEO;
      return {
        country: r.country || null,
        region: r.region || null,
        city: r.city || null,
        lat: r.ll?.[0] ?? null,
        lon: r.ll?.[1] ?? null,
        accuracyKm: r.area ?? null,
      };
    } catch {
      return UNKNOWN_GEO;
    }
  }

  /** Replaces the database (tests: a failing or fixed one). */
  use(geoip: GeoipLite | null): void {
    this.geoip = geoip;
  }

  private load(): GeoipLite | null {
    if (!this.config.geoipEnabled) return null;
    try {
      // Required here, not imported: loading the module loads the whole database.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return require('geoip-lite') as GeoipLite;
    } catch (e) {
      this.logger.warn(
        `geolocation unavailable, addresses stay "unknown": ${(e as Error).message}`,
      );
      return null;
    }
  }
}
