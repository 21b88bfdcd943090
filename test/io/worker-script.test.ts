import { describe, expect, it } from 'vitest';
import { workerScript } from '../../src/io/worker-script.js';

// How a worker thread's module is started (issue 13): from a build, its sibling .js; from the
// sources under this test runner, the tsc output in dist/ that the global setup keeps up to date;
// anything else (a module outside src/), through tsx in the thread.
describe('workerScript', () => {
  it("starts a build's worker from the .js next to the module that starts it", () => {
    const from = 'file:///opt/obhut/dist/gate/evaluator-pool.js';
    expect(workerScript(from, 'evaluate-worker')).toEqual({
      script: new URL('file:///opt/obhut/dist/gate/evaluate-worker.js'),
      eval: false,
    });
  });

  it('starts a worker of src/ from its tsc output in dist/ under the test runner', () => {
    const from = new URL('../../src/gate/evaluator-pool.ts', import.meta.url).href;
    expect(workerScript(from, 'evaluate-worker')).toEqual({
      script: new URL('../../dist/gate/evaluate-worker.js', import.meta.url),
      eval: false,
    });
  });

  it('starts a TypeScript worker outside src/ through tsx', () => {
    const { script, eval: isEval } = workerScript(import.meta.url, 'append-worker');
    expect(isEval).toBe(true);
    expect(String(script)).toContain('api.register()');
    expect(String(script)).toContain(
      JSON.stringify(new URL('./append-worker.ts', import.meta.url).href),
    );
  });
});
