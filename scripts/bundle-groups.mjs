// Load groups for scripts/bundle-cli.mjs: modules that a light command loads go into one chunk
// per group instead of the many small chunks esbuild's splitting makes of them (issue 13).
//
// esbuild puts a module into the chunk of the set of entry points (the entries and every
// dynamically imported module) that reach it through static imports, so modules that different
// commands share in different combinations end up in different chunks: `obhut consent status`
// loaded 27 chunks for 36 modules (96 KB), and Node's ES module loader costs about as much per
// file (resolve, read, compile, link) as those modules' code does to run. Each module keeps
// exactly one copy in the bundle (a second copy would give a second `ObhutError` class, stop
// registry and so on); only the chunk it lands in changes.
//
// How: a group's members are the modules that its roots import statically (their closure in the
// import graph), less the members of earlier groups. A module that imports a member of another
// group also imports that group's barrel (a module importing every member; the import is added
// after the module's own, so they still run first), and a dynamic import of a member goes
// through a stand-in that imports the barrel and re-exports the member. Whoever reaches one
// member then reaches all of them, so they share one set of entry points and esbuild writes
// them as one chunk. A closure imports nothing outside itself and earlier groups, so the added
// imports make no import cycle.
import path from 'node:path';
import { build } from 'esbuild';

const MEMBER = 'obhut-group-member';
const BARREL = 'obhut-group-barrel';

/**
 * The load groups of a bundle: `groups` is a list of { name, roots } with roots as paths in
 * `dist`; the import graph is taken from a bundle of `options` (esbuild's metafile) that is not
 * written. `plugin` makes each group one chunk; `rewrite(file, text)` is the text of a module of
 * dist/ (a file's absolute path and its text) as the bundle's loader is to pass it on.
 */
export async function loadGroups(options, dist, groups) {
  const { metafile } = await build({
    ...options,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const cwd = options.absWorkingDir ?? process.cwd();
  const imports = new Map(
    Object.entries(metafile.inputs).map(([input, { imports: list }]) => [
      path.resolve(cwd, input),
      list
        .filter((i) => i.kind === 'import-statement' && !i.external)
        .map((i) => path.resolve(cwd, i.path)),
    ]),
  );
  /** member (absolute path) → its group's name */
  const member = new Map();
  for (const { name, roots } of groups) {
    const pending = roots.map((r) => path.join(dist, r));
    for (const root of pending) {
      if (!imports.has(root)) throw new Error(`bundle-groups: ${root} is not in the bundle`);
    }
    while (pending.length > 0) {
      const file = pending.pop();
      if (member.has(file)) continue;
      member.set(file, name);
      pending.push(...(imports.get(file) ?? []));
    }
  }
  return {
    plugin: loadTogether(member),
    rewrite: (file, text) => rewrite(member, imports, file, text),
  };
}

/** A dynamic import of a module by its path relative to the importer, as tsc writes it. */
const DYNAMIC_IMPORT = /\bimport\((['"])(\.\.?\/[^'"]+)\1\)/g;

/**
 * The text of a module of dist/ as the bundle is to have it: a dynamic import of a member of
 * the module's own group becomes the namespace of a static import (the group is loaded with the
 * module anyway, and a dynamic import costs a file of its own); the barrel of each other group
 * it imports from is imported after its own imports.
 */
function rewrite(member, imports, file, text) {
  const own = member.get(file);
  const added = [];
  let rewritten = text;
  if (own !== undefined) {
    rewritten = text.replace(DYNAMIC_IMPORT, (whole, _quote, specifier) => {
      const target = path.resolve(path.dirname(file), specifier);
      if (member.get(target) !== own) return whole;
      // A lazy import that breaks a cycle stays lazy: made static, it would close the cycle and
      // change which module runs first.
      if (reaches(imports, target, file)) return whole;
      const name = `__loadedWithGroup${added.length}`;
      added.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
      return `Promise.resolve(${name})`;
    });
  }
  const others = new Set((imports.get(file) ?? []).map((i) => member.get(i)));
  for (const group of others) {
    if (group !== undefined && group !== own)
      added.push(`import ${JSON.stringify(`group:${group}`)};`);
  }
  return added.length === 0 ? text : `${rewritten}\n${added.join('\n')}\n`;
}

/** Whether `from` reaches `to` through static imports. */
function reaches(imports, from, to) {
  const seen = new Set();
  const pending = [from];
  while (pending.length > 0) {
    const file = pending.pop();
    if (file === to) return true;
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...(imports.get(file) ?? []));
  }
  return false;
}

function loadTogether(member) {
  const barrels = new Map();
  for (const [file, group] of member) barrels.set(group, [...(barrels.get(group) ?? []), file]);
  return {
    name: 'load-together',
    setup(b) {
      // An entry point, and a dynamic import, which is an entry point of its own: through the
      // stand-in it reaches the whole group, not only its module's closure.
      b.onResolve({ filter: /.*/, namespace: 'file' }, (args) => {
        if (args.kind !== 'dynamic-import' && args.kind !== 'entry-point') return undefined;
        const target = path.resolve(args.resolveDir, args.path);
        return member.has(target) ? { path: target, namespace: MEMBER } : undefined;
      });
      // The stand-ins and the barrels import a barrel by name, and members by absolute path.
      const inGroups = (args) =>
        args.path.startsWith('group:')
          ? { path: args.path.slice('group:'.length), namespace: BARREL }
          : { path: args.path };
      b.onResolve({ filter: /.*/, namespace: MEMBER }, inGroups);
      b.onResolve({ filter: /.*/, namespace: BARREL }, inGroups);
      b.onResolve({ filter: /^group:/, namespace: 'file' }, (args) => ({
        path: args.path.slice('group:'.length),
        namespace: BARREL,
      }));
      b.onLoad({ filter: /.*/, namespace: MEMBER }, (args) => ({
        contents: `import ${JSON.stringify(`group:${member.get(args.path)}`)};\nexport * from ${JSON.stringify(args.path)};\n`,
        loader: 'js',
        resolveDir: path.dirname(args.path),
      }));
      b.onLoad({ filter: /.*/, namespace: BARREL }, (args) => ({
        contents: barrels
          .get(args.path)
          .map((file) => `import ${JSON.stringify(file)};\n`)
          .join(''),
        loader: 'js',
      }));
    },
  };
}
