/**
 * The import rules of src/ (ARCHITECTURE.md quotes them); test/architecture/layers.test.ts
 * fails on any violation. Domain folders declare the ports they need; store/ implements them,
 * and runtime/, server/ and cli/ compose everything.
 */
const COMPOSITION = '^src/(store|runtime|server|cli)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere in src/, between files or through folders.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-not-upward',
      comment:
        'Domain folders (all but store, runtime, server, cli, demo) depend on their own ports, never on the adapter or the composition code.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(store|runtime|server|cli|demo)/' },
      to: { path: COMPOSITION },
    },
    {
      name: 'store-is-an-adapter',
      comment:
        'store/ implements the domain ports; it never reaches up into runtime, server or cli.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(runtime|server|cli)/' },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  },
};
