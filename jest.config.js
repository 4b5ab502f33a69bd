/**
 * Unit tests sit beside the code (*.spec.ts); cross-module suites boot the real app (test/);
 * infra checks read the deployment files (test/infra) so the e2e count means behaviour.
 */
const common = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@nexus/core(|/.*)$': '<rootDir>/libs/core/src$1',
    '^@nexus/users$': '<rootDir>/libs/users/src',
    '^@nexus/content$': '<rootDir>/libs/content/src',
    '^@nexus/demo$': '<rootDir>/libs/demo/src',
    '^@nexus/notifications$': '<rootDir>/libs/notifications/src',
    '^@nexus/security-analytics$': '<rootDir>/libs/security-analytics/src',
  },
};

module.exports = {
  testTimeout: 60_000,
  // Suites mostly wait on I/O (databases, Redis, child processes, a browser), so one worker more
  // than there are cores keeps the cores busy; Jest's default (cores − 1) runs a 2-core machine
  // in band, one suite at a time. Each suite has its own database and Redis key prefix.
  maxWorkers: require('node:os').availableParallelism() + 1,
  // Suites close what they open; this is the backstop so that a stray reconnect timer of a client
  // pointed at a deliberately dead port can never keep CI waiting after the last test.
  forceExit: true,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'infra',
      testMatch: ['<rootDir>/test/infra/**/*.infra-spec.ts'],
      // Builds dist/ once for the full-mode suites that start the built processes.
      globalSetup: '<rootDir>/test/infra/global-setup.ts',
    },
  ],
};
