#!/usr/bin/env node
// Import graph of src/ in numbers, for the layering notes in ARCHITECTURE.md: file-level cycles,
// folders that import each other, and imports that run from a lower layer up to a higher one.
//
//   npx depcruise src --config .dependency-cruiser.cjs --output-type json > /tmp/graph.json
//   node scripts/import-graph.mjs /tmp/graph.json
//
// The layers are the ones ARCHITECTURE.md draws; a folder missing here is reported.
import { readFileSync } from 'node:fs';

const LAYERS = {
  errors: 0,
  records: 1,
  merkle: 1,
  io: 1,
  policy: 2,
  consent: 2,
  log: 2,
  safety: 2,
  pii: 2,
  voice: 2,
  identity: 2,
  authz: 2,
  staff: 2,
  optout: 2,
  warc: 2,
  evaluation: 3,
  review: 3,
  gate: 3,
  store: 4,
  runtime: 5,
  server: 6,
  cli: 7,
  demo: 7,
};

const graph = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const folderOf = (file) => /^src\/([^/]+)\//.exec(file)?.[1];
const edges = new Map();
let fileCycles = 0;
const unknown = new Set();
for (const module of graph.modules) {
  const from = folderOf(module.source);
  if (!from) continue;
  for (const dep of module.dependencies) {
    if (dep.circular) fileCycles++;
    const to = folderOf(dep.resolved);
    if (!to || to === from) continue;
    for (const f of [from, to]) if (!(f in LAYERS)) unknown.add(f);
    edges.set(`${from} -> ${to}`, (edges.get(`${from} -> ${to}`) ?? 0) + 1);
  }
}
const mutual = [...edges.keys()]
  .map((k) => k.split(' -> '))
  .filter(([a, b]) => a < b && edges.has(`${b} -> ${a}`))
  .map(([a, b]) => `${a}<->${b}`);
const upward = [...edges]
  .filter(([k]) => {
    const [a, b] = k.split(' -> ');
    return LAYERS[a] !== undefined && LAYERS[b] !== undefined && LAYERS[b] > LAYERS[a];
  })
  .map(([k, n]) => `${k} (${n})`);
const files = graph.modules
  .filter((m) => /^src\/.*\.ts$/.test(m.source) && !m.source.includes('/data/'))
  .map((m) => [m.source, readFileSync(m.source, 'utf8').split('\n').length - 1])
  .sort((x, y) => y[1] - x[1])
  .slice(0, 5);
console.log(`modules: ${graph.modules.filter((m) => m.source.startsWith('src/')).length}`);
console.log(`file-level circular imports: ${fileCycles}`);
console.log(`folders importing each other: ${mutual.length} ${mutual.join(', ')}`);
console.log(`upward imports: ${upward.length} ${upward.join(', ')}`);
console.log(`largest files: ${files.map(([f, n]) => `${f} ${n}`).join(', ')}`);
if (unknown.size) console.log(`folders without a layer: ${[...unknown].join(', ')}`);
