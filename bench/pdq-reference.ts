import { accessSync, constants } from 'node:fs';

// Where the C++ reference `pdq-photo-hasher` (facebook/ThreatExchange pdq/cpp, built with its own
// Makefile) is, for the benches that run it beside Obhut on the same files. It is never part of
// the repository: whoever benchmarks builds it and names it here.

/** The variable that names the reference binary; the older name is still read. */
export const PDQ_REFERENCE_VARIABLE = 'OBHUT_PDQ_REFERENCE';
const OLD_VARIABLE = 'OBHUT_BENCH_PDQ_REFERENCE';

/** The reference's path when one is named and executable; throws when named but unusable. */
export function pdqReference(): string | undefined {
  const named = process.env[PDQ_REFERENCE_VARIABLE] || process.env[OLD_VARIABLE];
  if (!named) return undefined;
  try {
    accessSync(named, constants.X_OK);
  } catch {
    // A typo must not quietly turn a side-by-side run into one without the reference.
    throw new Error(`${PDQ_REFERENCE_VARIABLE}=${named}: not an executable file`);
  }
  return named;
}

/** What the benches print when no reference runs, so no ratio is mistaken for a same-run one. */
export const NO_REFERENCE = `${PDQ_REFERENCE_VARIABLE} is not set: the C++ reference pdq-photo-hasher is not run, so no ratio against it is measured here.`;
