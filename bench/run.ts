// Benchmarks (not tests): `npm run bench -- <name> [options]`. Figures vary between runs on
// shared machines, so each benchmark compares against its baseline within one run.
import { benchBuild } from './build.js';
import { benchDistributed } from './distributed.js';
import { benchEvaluate } from './evaluate.js';
import { benchFormats } from './formats.js';
import { benchIntake } from './intake.js';
import { benchMatch } from './match.js';
import { benchPdq } from './pdq.js';
import { benchPii } from './pii.js';
import { benchScan } from './scan.js';
import { benchVoice } from './voice.js';
import { benchWarc } from './warc.js';

const benches: Record<string, (args: string[]) => Promise<void>> = {
  build: benchBuild,
  distributed: benchDistributed,
  evaluate: benchEvaluate,
  formats: benchFormats,
  intake: benchIntake,
  match: benchMatch,
  pdq: benchPdq,
  pii: benchPii,
  scan: benchScan,
  voice: benchVoice,
  warc: benchWarc,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? benches[name] : undefined;
if (!bench) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]\n`);
  process.exit(1);
}
await bench(args);
