import { ObhutError } from '../errors/index.js';
import type { BuildRegistry } from '../gate/build-registry.js';
import { encodeEntry, type LogWriter, MAX_MODEL_BUILDS } from '../log/index.js';
import { formatModelRef, type ModelRef } from './model-ref.js';
import type { ModelBuild, ModelRegister, RegisteredModel } from './model-register.js';

export interface ModelRegistration {
  readonly model: ModelRef;
  readonly buildIds: readonly string[];
  /** SHA-256 (hex) of the model card file, when one was given. */
  readonly cardSha256?: string | undefined;
  readonly at: Date;
}

/**
 * Records that a model was trained on builds: checks every build is known (by id), logs a
 * `model` entry naming each build with its manifest digest, stored with the model in one
 * transaction. A name and
 * version is registered once; a retrained model is a new version.
 */
export async function registerModel(
  deps: {
    readonly builds: Pick<BuildRegistry, 'listBuilds'>;
    readonly models: ModelRegister;
    readonly writer: Pick<LogWriter, 'append'>;
  },
  request: ModelRegistration,
): Promise<RegisteredModel> {
  const { model } = request;
  const ids = [...new Set(request.buildIds)].sort();
  if (ids.length === 0) throw new ObhutError('USAGE', 'name at least one --build');
  if (ids.length > MAX_MODEL_BUILDS) {
    throw new ObhutError('USAGE', `a model names at most ${MAX_MODEL_BUILDS} builds`);
  }
  if (await deps.models.registeredModel(model.name, model.version)) {
    throw new ObhutError(
      'MODEL_EXISTS',
      `model ${formatModelRef(model)} is already registered; register the retrained model under a new version`,
    );
  }
  const known = new Map<string, string>();
  for (const b of await deps.builds.listBuilds()) {
    if (b.buildId !== undefined) known.set(b.buildId, b.manifestSha256);
  }
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ObhutError(
      'BUILD_UNKNOWN',
      `no recorded build ${unknown.join(', ')} (see the build_id in a build's manifest receipt)`,
    );
  }
  const builds: ModelBuild[] = ids.map((buildId) => ({
    buildId,
    manifestSha256: known.get(buildId)!,
  }));
  const at = request.at.toISOString();
  // The register row is stored in the transaction that appends the entry: a process killed in
  // between leaves neither, never an entry the register (and so `obhut impact`) does not know.
  const ack = await deps.writer.append({
    entry: encodeEntry({
      type: 'model',
      version: 1,
      name: model.name,
      model_version: model.version,
      builds: builds.map((b) => ({ build_id: b.buildId, manifest_sha256: b.manifestSha256 })),
      ...(request.cardSha256 === undefined ? {} : { card_sha256: request.cardSha256 }),
      at,
    }),
    model: {
      name: model.name,
      version: model.version,
      builds,
      cardSha256: request.cardSha256,
      registeredAt: at,
    },
  });
  // A concurrent registration of the same name and version got in first: the log holds both
  // entries (it cannot take one back); the register keeps the first, and this caller is told.
  const stored = await deps.models.registeredModel(model.name, model.version);
  if (stored?.logIndex !== ack.index) {
    throw new ObhutError(
      'MODEL_EXISTS',
      `model ${formatModelRef(model)} was registered concurrently; log entry ${ack.index} is not in the register`,
    );
  }
  return stored;
}
