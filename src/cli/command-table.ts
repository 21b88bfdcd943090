import type { Command } from 'commander';

/**
 * Every top-level command, with what `obhut --help` lists for it and how to load it.
 *
 * A command's module pulls in what it needs (Fastify, sharp, Kysely, pg, the PII gazetteer …),
 * and importing all of them cost ~0.9 s before any command ran (issue 13). The table lets the
 * CLI import only the command it runs; `--help` and `--version` import none. The help terms are
 * written here because listing a command must not load it; a test keeps them equal to what
 * each command declares once loaded.
 */
export interface CommandEntry {
  readonly name: string;
  /** The command as `obhut --help` lists it: name, `[options]`, arguments. */
  readonly term: string;
  readonly description: string;
  readonly register: () => Promise<(program: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    term: 'init [options]',
    description: 'create the home folder (secret and SQLite database, or use OBHUT_DATABASE_URL)',
    register: async () => (await import('./commands/init.js')).registerInit,
  },
  {
    name: 'consent',
    term: 'consent',
    description: 'the register of objections and consents',
    register: async () => (await import('./commands/consent.js')).registerConsent,
  },
  {
    name: 'identity',
    term: 'identity',
    description: "a person's identities: links between e-mail addresses and platform accounts",
    register: async () => (await import('./commands/identity.js')).registerIdentity,
  },
  {
    name: 'build',
    term: 'build [options]',
    description:
      'build a dataset (items, excluded.jsonl, rejected.jsonl, subjects.bin, manifest.json), logged in the transparency log (build-receipt.json)',
    register: async () => (await import('./commands/build.js')).registerBuild,
  },
  {
    name: 'docs',
    term: 'docs',
    description:
      'documents generated from build manifests: AI Act summary, Croissant, dataset card',
    register: async () => (await import('./commands/docs.js')).registerDocs,
  },
  {
    name: 'log',
    term: 'log',
    description: 'the transparency log: every consent event and build, under signed checkpoints',
    register: async () => (await import('./commands/log.js')).registerLog,
  },
  {
    name: 'verify',
    term: 'verify [options] <file>',
    description:
      'check a receipt (JSON or tlog-proof) or a build proof offline, against a verifier key you trust',
    register: async () => {
      const [{ registerVerify }, { isSubjectsProof, verifySubjectsProof }] = await Promise.all([
        import('./commands/verify.js'),
        import('../gate/verify-subjects-proof.js'),
      ]);
      // A build's subjects proof is the one other document `obhut verify` knows besides receipts.
      return (program) =>
        registerVerify(program, [{ matches: isSubjectsProof, verify: verifySubjectsProof }]);
    },
  },
  {
    name: 'model',
    term: 'model',
    description: 'the model register: which models were trained on which builds',
    register: async () => (await import('./commands/model.js')).registerModelCommand,
  },
  {
    name: 'impact',
    term: 'impact [options]',
    description:
      "the people in a build, or in a model's builds, who have objected or withdrawn consent since: the retraining or unlearning worklist",
    register: async () => (await import('./commands/impact.js')).registerImpact,
  },
  {
    name: 'worker',
    term: 'worker [options]',
    description:
      'run shard jobs of queued builds (`obhut build --queue`) until stopped; any number, on any machine that reaches the database and the storage',
    register: async () => (await import('./commands/worker.js')).registerWorker,
  },
  {
    name: 'serve',
    term: 'serve [options]',
    description: 'run the consent API (/api/v1, docs at /api/docs) and the subject portal (/)',
    register: async () => (await import('./commands/serve.js')).registerServe,
  },
  {
    name: 'token',
    term: 'token',
    description: 'platform link tokens for the portal',
    register: async () => (await import('./commands/token.js')).registerToken,
  },
  {
    name: 'platform',
    term: 'platform',
    description: 'the platforms whose link tokens the portal accepts (platforms.json)',
    register: async () => (await import('./commands/platform.js')).registerPlatform,
  },
  {
    name: 'webhook',
    term: 'webhook',
    description: 'push consent decisions, erasure requests and builds to other systems, signed',
    register: async () => (await import('./commands/webhook.js')).registerWebhook,
  },
  {
    name: 'canary',
    term: 'canary [options]',
    description:
      'go through the public objection flow end to end with a synthetic person; exit 2 if any step fails (for cron or monitoring)',
    register: async () => (await import('./commands/canary.js')).registerCanary,
  },
  {
    name: 'demo',
    term: 'demo [options]',
    description:
      'generate a synthetic corpus, import its consent events, build a dataset and summarise it',
    register: async () => (await import('./commands/demo.js')).registerDemo,
  },
  {
    name: 'pii',
    term: 'pii',
    description: 'find and redact personal data in JSONL texts',
    register: async () => (await import('./commands/pii.js')).registerPii,
  },
  {
    name: 'hash',
    term: 'hash [options] <kind> <files...>',
    description:
      'print PDQ hashes and quality (HASH,QUALITY,PATH) or sha256/md5 digests (HASH,PATH) of files',
    register: async () => (await import('./commands/hash.js')).registerHash,
  },
  {
    name: 'bank',
    term: 'bank',
    description: 'hash banks: named lists of pdq, sha256 or md5 hashes',
    register: async () => (await import('./commands/bank.js')).registerBank,
  },
  {
    name: 'match',
    term: 'match [options] <bank> <files...>',
    description:
      'check files against a hash bank: PDQ within the bank threshold, sha256/md5 exactly (MATCHED_HASH,DISTANCE,LABELS,PATH per match)',
    register: async () => (await import('./commands/match.js')).registerMatch,
  },
  {
    name: 'findings',
    term: 'findings',
    description: 'files that matched a hash bank during a build, and reports about them',
    register: async () => (await import('./commands/findings.js')).registerFindings,
  },
  {
    name: 'staff',
    term: 'staff',
    description: 'review console staff: accounts, roles and passwords',
    register: async () => (await import('./commands/staff.js')).registerStaff,
  },
  {
    name: 'review',
    term: 'review',
    description: 'human review of collected items',
    register: async () => (await import('./commands/review.js')).registerReview,
  },
  {
    name: 'retention',
    term: 'retention',
    description: 'deletion of review data past its retention period',
    register: async () => (await import('./commands/retention.js')).registerRetention,
  },
];

/** The command an argument list runs (`obhut help X` asks about X), if it names one. */
export function commandNamed(argv: readonly string[]): CommandEntry | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  const name = first === 'help' ? argv[argv.indexOf('help') + 1] : first;
  return COMMANDS.find((c) => c.name === name);
}
