// Preloaded into the Nexus child with --profile. `node --cpu-prof` writes the profile only on a
// normal exit, but Nest's enableShutdownHooks() re-raises SIGTERM/SIGINT after closing, which
// kills the process before the profile is written. An IPC message lets the harness ask for a
// plain process.exit() instead.
'use strict';
process.on('message', (message) => {
  if (message === 'nexus-bench:exit') process.exit(0);
});
