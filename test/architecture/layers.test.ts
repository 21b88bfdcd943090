import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { beforeAll, describe, expect, it } from 'vitest';

// The rules live in .dependency-cruiser.cjs at the root, where `npx depcruise src` finds them too.
const root = fileURLToPath(new URL('../../', import.meta.url));

function describeViolation(v: IViolation): string {
  const cycle = v.cycle?.map((step) => step.name).join(' → ');
  return `${v.rule.name}: ${v.from} → ${cycle ?? v.to}`;
}

describe('import layering of src/', () => {
  let result: ICruiseResult;

  beforeAll(async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
      const cruised = await cruise(['src'], { ...options, validate: true, outputType: 'json' });
      result = (
        typeof cruised.output === 'string' ? JSON.parse(cruised.output) : cruised.output
      ) as ICruiseResult;
    } finally {
      process.chdir(cwd);
    }
  });

  it('reads the whole source tree and resolves every relative import', () => {
    // A cruise that silently found nothing would pass every rule below.
    expect(result.summary.totalCruised).toBeGreaterThan(200);
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies
        .filter((d) => d.couldNotResolve && d.module.startsWith('.'))
        .map((d) => `${m.source} → ${d.module}`),
    );
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle, no domain import of store/runtime/server/cli, and no store import above it', () => {
    const violations = result.summary.violations.map(describeViolation);
    expect(violations).toEqual([]);
  });
});
