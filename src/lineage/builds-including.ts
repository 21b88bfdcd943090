import type { BuildRegistry } from '../gate/build-registry.js';
import { SortedSubjects } from './sorted-subjects.js';

/**
 * Which of `buildIds` include any of `identities` (one person's linked pseudonyms), by each
 * build's stored subject list. Builds without a list are left out.
 */
export async function buildsIncluding(
  registry: Pick<BuildRegistry, 'buildSubjects'>,
  buildIds: Iterable<string>,
  identities: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const buildId of new Set(buildIds)) {
    const bytes = await registry.buildSubjects(buildId);
    if (bytes === undefined) continue;
    const subjects = new SortedSubjects(bytes);
    if (identities.some((s) => subjects.has(s))) found.add(buildId);
  }
  return found;
}
