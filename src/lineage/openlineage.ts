import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FileEntry, Manifest } from '../gate/manifest.js';

/** The OpenLineage spec version the events follow; its JSON Schema is named in every event. */
export const OPENLINEAGE_SCHEMA =
  'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const PRODUCER = 'https://github.com/obhut/obhut';
const FACET_SCHEMA = 'https://obhut.dev/openlineage/facets/1-0-0/';

/** A file dataset with its digest, as OpenLineage consumers read it. */
export interface LineageDataset {
  readonly namespace: 'file';
  readonly name: string;
  readonly facets: {
    readonly obhut_file: {
      readonly _producer: string;
      readonly _schemaURL: string;
      readonly sha256: string;
      readonly bytes: number;
      readonly records?: number;
    };
  };
}

/** An OpenLineage RunEvent (the fields Obhut fills). */
export interface LineageRunEvent {
  readonly eventType: 'START' | 'COMPLETE';
  readonly eventTime: string;
  readonly run: { readonly runId: string; readonly facets: { readonly obhut_build: object } };
  readonly job: { readonly namespace: string; readonly name: string };
  readonly inputs: readonly LineageDataset[];
  readonly outputs: readonly LineageDataset[];
  readonly producer: string;
  readonly schemaURL: string;
}

export interface BuildRun {
  readonly manifest: Manifest;
  readonly buildId: string;
  readonly manifestSha256: string;
  /** The build's output folder, absolute. */
  readonly outDir: string;
  /** The folder the manifest's input paths are relative to (the working directory), absolute. */
  readonly inputDir: string;
  readonly startedAt: string;
  readonly endedAt: string;
  /** The OpenLineage namespace of the job (the operator's); default `obhut`. */
  readonly namespace?: string | undefined;
}

/**
 * A build as two OpenLineage run events, START and COMPLETE: the job `obhut.build`, the input
 * files and the output files as datasets, each with its SHA-256, size and record count from the
 * manifest (a custom `obhut_file` facet; OpenLineage has no digest facet), and the build's ids
 * and roots on the run. Keys are OpenLineage's own (camelCase), not Obhut's snake_case: the
 * events are read by OpenLineage consumers. The run id is derived from the manifest digest, so
 * the same build gives the same events. Pure.
 */
export function openLineageRunEvents(run: BuildRun): readonly LineageRunEvent[] {
  const namespace = run.namespace ?? 'obhut';
  const dataset =
    (root: string) =>
    (f: FileEntry): LineageDataset => ({
      namespace: 'file',
      name: path.resolve(root, f.path),
      facets: {
        obhut_file: {
          _producer: PRODUCER,
          _schemaURL: `${FACET_SCHEMA}file`,
          sha256: f.sha256,
          bytes: f.bytes,
          ...(f.records === undefined ? {} : { records: f.records }),
        },
      },
    });
  const base = {
    run: {
      runId: uuidFrom(run.manifestSha256),
      facets: {
        obhut_build: {
          _producer: PRODUCER,
          _schemaURL: `${FACET_SCHEMA}build`,
          build_id: run.buildId,
          manifest_sha256: run.manifestSha256,
          purpose: run.manifest.purpose,
          items_root: run.manifest.items_root,
          subjects_root: run.manifest.subjects_root,
          consent_checkpoint_size: run.manifest.consent.checkpoint.size,
        },
      },
    },
    job: { namespace, name: 'obhut.build' },
    producer: PRODUCER,
    schemaURL: OPENLINEAGE_SCHEMA,
  };
  const inputs = run.manifest.inputs.map(dataset(run.inputDir));
  const outputs = run.manifest.outputs.map(dataset(run.outDir));
  return [
    { ...base, eventType: 'START' as const, eventTime: run.startedAt, inputs, outputs: [] },
    { ...base, eventType: 'COMPLETE' as const, eventTime: run.endedAt, inputs, outputs },
  ];
}

/** A UUID (version 8, RFC 9562: application-defined) made from the manifest digest. */
function uuidFrom(hex: string): string {
  const b = createHash('sha256').update(`openlineage-run:${hex}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
