import { fullModeAvailable } from '../support/modes';
import { buildAppsOnce } from '../support/built-apps';

/** The full-mode infra suites start the built api and worker (dist/): see buildAppsOnce. */
export default function globalSetup(): void {
  if (!fullModeAvailable()) return;
  buildAppsOnce();
}
