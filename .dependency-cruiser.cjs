/**
 * Module boundaries of the Nexus monorepo (ARCHITECTURE.md §3), checked in CI:
 * - libs/core imports no feature lib;
 * - a feature lib reaches another lib only through its index.ts (@nexus/<lib>);
 * - libs never import apps; nothing outside tests imports test code.
 */
const FEATURES = '(users|content|demo|notifications|security-analytics)';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-feature',
      severity: 'error',
      comment: 'libs/core is the foundation: it must not depend on a feature lib.',
      from: { path: '^libs/core/' },
      to: { path: `^libs/${FEATURES}/` },
    },
    {
      name: 'lib-internals-via-index-only',
      severity: 'error',
      comment: 'Another lib is imported only through its public index.ts.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'apps-use-lib-index-only',
      severity: 'error',
      comment:
        'Apps compose libs through their public index.ts. The tracing preload is the exception: ' +
        'it must run before the index loads the modules it instruments.',
      from: { path: '^apps/' },
      to: {
        path: '^libs/[^/]+/src/.+',
        pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/core/src/tracing/preload\\.ts$'],
      },
    },
    {
      name: 'demo-only-from-apps',
      severity: 'error',
      comment: 'Demo and benchmark data are composed by the apps; no product lib depends on them.',
      from: { path: '^libs/', pathNot: '^libs/demo/' },
      to: { path: '^libs/demo/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '(^test/|\\.spec\\.ts$)' },
    },
    {
      name: 'no-circular-between-libs',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, path: '^libs/', pathNot: '^libs/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^node_modules/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
