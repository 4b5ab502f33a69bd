import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DomainEvents } from '@nexus/core';
import { IpFlaggedEvent, SecurityEvents } from '../security-analytics.events';
import { AnomalyRepository, Candidate, Finding } from './anomaly.repository';

/** A finding of an address and rule that was quiet this long starts a new episode (a new event). */
const EPISODE_GAP_MS = 60 * 60 * 1000;

export type AnomalyRule =
  'requests-per-hour' | 'sensitive-paths' | 'probing' | 'credential-stuffing' | 'impossible-travel';

/**
 * Runs the anomaly rules (docs/security-analytics.md#anomaly-detection) over the rollups and login
 * events, upserts each finding in `suspicious_ips`, and emits `security.ip.flagged` for each new
 * one — an address and rule not seen before, or quiet for an hour — so a finding repeated by every
 * 5-minute scan is announced once per episode.
 */
@Injectable()
export class AnomalyService {
  private readonly logger = new Logger(AnomalyService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: AnomalyRepository,
    private readonly events: DomainEvents,
  ) {}

  /** Runs the enabled rules at `now`; returns the findings and which of them were new. */
  async scan(now = new Date()): Promise<{ findings: Finding[]; flagged: Finding[] }> {
    const a = this.config.anomaly;
    const enabled = new Set(a.rules);
    const findings: Finding[] = [];
    const run = async (
      rule: AnomalyRule,
      query: () => Promise<Candidate[]>,
      describe: (c: Candidate) => { reason: string; score: number },
    ) => {
      if (!enabled.has(rule)) return;
      for (const c of await query())
        findings.push({ ip: c.ip, rule, hits: c.hits, ...describe(c) });
    };
    await run(
      'requests-per-hour',
      () => this.repository.requestsPerHour(now, a.requestsPerHour),
      (c) => ({
        reason: `${c.hits} requests in one hour (limit ${a.requestsPerHour})`,
        score: Math.min(100, Math.round((50 * c.hits) / a.requestsPerHour)),
      }),
    );
    await run(
      'sensitive-paths',
      () => this.repository.sensitivePaths(now, a.sensitivePaths, a.sensitivePathHits),
      (c) => ({ reason: `${c.hits} refused requests to sensitive paths: ${c.detail}`, score: 40 }),
    );
    await run(
      'probing',
      () => this.repository.probing(now, a.probingPaths),
      (c) => ({ reason: `403/404 on ${c.hits} distinct paths in 10 minutes`, score: 60 }),
    );
    await run(
      'credential-stuffing',
      () => this.repository.credentialStuffing(now, a.stuffingAccounts),
      (c) => ({
        reason: `failed logins with ${c.hits} distinct identifiers in 10 minutes`,
        score: 80,
      }),
    );
    await run(
      'impossible-travel',
      () => this.repository.impossibleTravel(now, a.travelKmh),
      (c) => ({ reason: `login after travel at ${c.hits} km/h: ${c.detail}`, score: 50 }),
    );

    const flagged: Finding[] = [];
    const previousSeen = await this.repository.upsertFindings(findings, now);
    for (const [i, f] of findings.entries()) {
      const previous = previousSeen[i];
      if (!previous || now.getTime() - new Date(previous).getTime() > EPISODE_GAP_MS) {
        flagged.push(f);
        await this.events.emit(
          SecurityEvents.ipFlagged,
          new IpFlaggedEvent(f.ip, f.rule, f.reason, f.score),
        );
      }
    }
    if (flagged.length) this.logger.log(`anomaly scan: ${flagged.length} address(es) flagged`);
    return { findings, flagged };
  }
}
