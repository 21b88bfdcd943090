// Restores lock entries for the other platforms' builds of Biome and DuckDB. The registry mirror
// here answers 404 for them, so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lockfile as out of sync (npm/cli#9846). Run after every `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const platform = (name) => {
  const m = /-(android|darwin|linux|win32)-(arm64|x64)(-musl)?$/.exec(name);
  return {
    os: [m[1]],
    cpu: [m[2]],
    ...(m[1] === 'linux' ? { libc: [m[3] ? 'musl' : 'glibc'] } : {}),
  };
};
let added = 0;
for (const parent of ['node_modules/@biomejs/biome', 'node_modules/@duckdb/node-bindings']) {
  for (const [name, version] of Object.entries(lock.packages[parent].optionalDependencies)) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    lock.packages[key] = { version, ...platform(name), dev: true, optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
lock.packages = sorted;
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log('added', added);
