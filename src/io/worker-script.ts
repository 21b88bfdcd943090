import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * How to start the worker module `name` (without extension) that sits next to `fromUrl`:
 * the compiled JavaScript in a build, or, under tests and `tsx` where `fromUrl` is TypeScript
 * source, a tiny script that registers tsx's loader in the worker first and then imports it.
 */
export function workerScript(
  fromUrl: string,
  name: string,
): { script: string | URL; eval: boolean } {
  if (!fromUrl.endsWith('.ts')) return { script: new URL(`./${name}.js`, fromUrl), eval: false };
  const tsxApi = pathToFileURL(
    createRequire(fromUrl)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const worker = new URL(`./${name}.ts`, fromUrl).href;
  const script = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(worker)}); });`;
  return { script, eval: true };
}
