// Reports about findings, shaped on the fields NCMEC's CyberTipline reporting API documents for
// a report (incidentSummary, internetDetails, additionalInfo) and for each file (fileDetails),
// with a check that names each field that is missing and would make the report less actionable.
import * as z from 'zod';
import { TOOL_VERSION } from '../version.js';
import type { Finding } from './finding.js';
import { HASH_POLICIES } from './image-input.js';

export const INCIDENT_TYPE = 'Child Pornography (possession, manufacture, and distribution)';

export interface MissingField {
  /** The CyberTipline field the gap leaves empty or vague. */
  readonly field: string;
  /** The item record field that would have filled it. */
  readonly recordField: string;
  readonly why: string;
}

/** Fields of the item record that a report needs; each one absent is named. */
export function missingFields(f: Finding): MissingField[] {
  const p = f.provenance;
  const missing: MissingField[] = [];
  const need = (present: unknown, field: string, recordField: string, why: string) => {
    if (present === undefined) missing.push({ field, recordField, why });
  };
  need(
    p.sourceUrl,
    'fileDetails.locationOfFile',
    'source.url',
    'without the URL the file was taken from, nobody can find where it is hosted',
  );
  need(
    p.collectedAt,
    'incidentSummary.incidentDateTime',
    'source.collected_at',
    'without the collection time the incident time is only the time of detection',
  );
  need(
    p.createdAt,
    'fileDetails.uploadedToEspTimestamp',
    'created_at',
    'without the upload time the file cannot be tied to the host’s upload logs',
  );
  need(
    p.visibility,
    'fileDetails.publiclyAvailable',
    'visibility',
    'whether the file was publicly reachable is unknown',
  );
  need(
    p.dataset,
    'additionalInfo (upstream dataset)',
    'source.dataset',
    'the dataset that supplied the file cannot be told',
  );
  need(
    p.datasetVersion,
    'additionalInfo (dataset version)',
    'source.dataset (name@version)',
    'the dataset release that supplied the file cannot be told',
  );
  need(
    p.collector,
    'additionalInfo (collector)',
    'source.collector',
    'who collected the file is unknown',
  );
  need(
    p.license,
    'additionalInfo (licence)',
    'source.license',
    'the terms it was obtained under are unknown',
  );
  return missing;
}

const hashEntry = z.strictObject({ hashType: z.enum(['MD5', 'SHA256']), value: z.string() });

/** The schema of one report in `obhut findings export --format json`. */
export const findingReportSchema = z.strictObject({
  finding_id: z.string(),
  status: z.enum(['open', 'reported', 'false_positive', 'escalated']),
  report_id: z.string().optional(),
  incidentSummary: z.strictObject({
    incidentType: z.literal(INCIDENT_TYPE),
    incidentDateTime: z.string(),
    incidentDateTimeDescription: z.string(),
  }),
  internetDetails: z
    .array(
      z.strictObject({
        webPageIncident: z.strictObject({
          url: z.string(),
          thirdPartyHostedContent: z.literal(true),
        }),
      }),
    )
    .max(1),
  fileDetails: z.strictObject({
    fileName: z.string(),
    originalFileName: z.string(),
    locationOfFile: z.string().optional(),
    uploadedToEspTimestamp: z.string().optional(),
    publiclyAvailable: z.boolean().optional(),
    fileViewedByEsp: z.literal(false),
    fileRelevance: z.literal('Reported'),
    originalFileHash: z.array(hashEntry).min(2),
    details: z.array(
      z.strictObject({
        type: z.literal('HASH'),
        nameValuePair: z.array(z.strictObject({ name: z.string(), value: z.string() })),
      }),
    ),
  }),
  additionalInfo: z.string(),
  match: z.strictObject({
    bank: z.string(),
    bank_version: z.string().optional(),
    signal_type: z.enum(['pdq', 'sha256', 'md5']),
    matched_hash: z.string(),
    distance: z.number().int().nonnegative(),
    labels: z.array(z.string()),
    hash_policy: z.enum(HASH_POLICIES).optional(),
  }),
  provenance: z.strictObject({
    build_id: z.string(),
    record_id: z.string(),
    input: z.string(),
    line: z.number().int().positive(),
    subject_pseudonym: z.string().optional(),
    dataset: z.string().optional(),
    dataset_version: z.string().optional(),
    collector: z.string().optional(),
    license: z.string().optional(),
    collected_at: z.string().optional(),
    found_at: z.string(),
  }),
  completeness: z.strictObject({
    complete: z.boolean(),
    missing: z.array(
      z.strictObject({ field: z.string(), recordField: z.string(), why: z.string() }),
    ),
  }),
});
export type FindingReport = z.infer<typeof findingReportSchema>;

export const findingExportSchema = z.strictObject({
  format: z.literal('obhut-findings-v1'),
  generator: z.string(),
  reports: z.array(findingReportSchema),
});

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function fileName(name: string): string {
  return name.split(/[\\/]/).at(-1) ?? name;
}

/** One report for one finding. */
export function findingReport(f: Finding): FindingReport {
  const p = f.provenance;
  const missing = missingFields(f);
  const info = [
    `Detected by Obhut ${TOOL_VERSION} while building a training dataset (build ${f.buildId}).`,
    `The file matched hash bank ${f.bank}${f.bankVersion ? ` version ${f.bankVersion}` : ''} (${f.signalType}${f.signalType === 'pdq' ? `, Hamming distance ${f.distance}` : ''}).`,
    p.dataset
      ? `It came from upstream dataset ${p.dataset}${p.datasetVersion ? ` version ${p.datasetVersion}` : ''}.`
      : '',
    p.collector ? `Collected by ${p.collector}.` : '',
    p.license ? `Licence stated by the source: ${p.license}.` : '',
    'The file was kept out of the dataset and is held encrypted; it was not viewed.',
  ]
    .filter((s) => s !== '')
    .join(' ');
  const pdqPairs = f.file.pdq
    ? [
        { name: 'PDQ', value: f.file.pdq },
        ...(f.file.pdqQuality === undefined
          ? []
          : [{ name: 'PDQ quality', value: String(f.file.pdqQuality) }]),
        ...(f.matchedQuality === undefined
          ? []
          : [{ name: 'PDQ quality of the bank entry', value: String(f.matchedQuality) }]),
        ...(f.hashPolicy ? [{ name: 'PDQ pixel policy', value: f.hashPolicy }] : []),
      ]
    : [];
  return defined({
    finding_id: f.id,
    status: f.status,
    report_id: f.reportId,
    incidentSummary: {
      incidentType: INCIDENT_TYPE,
      incidentDateTime: p.collectedAt ?? f.foundAt,
      incidentDateTimeDescription: p.collectedAt
        ? 'The time the file was collected from its source.'
        : 'The time the file was detected; its collection time is not known.',
    },
    internetDetails: p.sourceUrl
      ? [{ webPageIncident: { url: p.sourceUrl, thirdPartyHostedContent: true as const } }]
      : [],
    fileDetails: defined({
      fileName: fileName(f.file.name),
      originalFileName: fileName(f.file.name),
      locationOfFile: p.sourceUrl,
      uploadedToEspTimestamp: p.createdAt,
      publiclyAvailable: p.visibility === undefined ? undefined : p.visibility === 'public',
      fileViewedByEsp: false as const,
      fileRelevance: 'Reported' as const,
      originalFileHash: [
        { hashType: 'MD5' as const, value: f.file.md5 },
        { hashType: 'SHA256' as const, value: f.file.sha256 },
      ],
      details: pdqPairs.length > 0 ? [{ type: 'HASH' as const, nameValuePair: pdqPairs }] : [],
    }),
    additionalInfo: info,
    match: defined({
      bank: f.bank,
      bank_version: f.bankVersion,
      signal_type: f.signalType,
      matched_hash: f.matchedHash,
      distance: f.distance,
      labels: [...f.labels],
      hash_policy: f.hashPolicy,
    }),
    provenance: defined({
      build_id: f.buildId,
      record_id: p.recordId,
      input: p.input,
      line: p.line,
      subject_pseudonym: p.subject,
      dataset: p.dataset,
      dataset_version: p.datasetVersion,
      collector: p.collector,
      license: p.license,
      collected_at: p.collectedAt,
      found_at: f.foundAt,
    }),
    completeness: { complete: missing.length === 0, missing },
  });
}

export function exportJson(findings: readonly Finding[]): z.infer<typeof findingExportSchema> {
  return {
    format: 'obhut-findings-v1',
    generator: `obhut ${TOOL_VERSION}`,
    reports: findings.map(findingReport),
  };
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function el(name: string, value: string | boolean | undefined, indent: string): string {
  return value === undefined ? '' : `${indent}<${name}>${esc(String(value))}</${name}>\n`;
}

/**
 * The reports as XML with CyberTipline element names: per finding a `report` (the part POSTed to
 * /submit) and the `fileDetails` of its file (the part POSTed to /fileinfo after the upload).
 * `reporter` and the ids NCMEC assigns are left for the submitting organisation to fill in.
 */
export function exportCyberTiplineXml(findings: readonly Finding[]): string {
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<obhutFindings generator="${esc(`obhut ${TOOL_VERSION}`)}">\n`;
  for (const f of findings) {
    const r = findingReport(f);
    const d = r.fileDetails;
    out += `  <finding id="${esc(f.id)}" status="${esc(f.status)}" complete="${r.completeness.complete}">\n`;
    out += '    <report>\n      <incidentSummary>\n';
    out += el('incidentType', r.incidentSummary.incidentType, '        ');
    out += el('incidentDateTime', r.incidentSummary.incidentDateTime, '        ');
    out += el(
      'incidentDateTimeDescription',
      r.incidentSummary.incidentDateTimeDescription,
      '        ',
    );
    out += '      </incidentSummary>\n';
    for (const i of r.internetDetails) {
      out += `      <internetDetails>\n        <webPageIncident thirdPartyHostedContent="true">\n`;
      out += el('url', i.webPageIncident.url, '          ');
      out += '        </webPageIncident>\n      </internetDetails>\n';
    }
    out += el('additionalInfo', r.additionalInfo, '      ');
    out += '    </report>\n    <fileDetails>\n';
    out += el('fileName', d.fileName, '      ');
    out += el('originalFileName', d.originalFileName, '      ');
    out += el('locationOfFile', d.locationOfFile, '      ');
    out += el('fileViewedByEsp', d.fileViewedByEsp, '      ');
    out += el('publiclyAvailable', d.publiclyAvailable, '      ');
    out += el('fileRelevance', d.fileRelevance, '      ');
    for (const h of d.originalFileHash) {
      out += `      <originalFileHash hashType="${h.hashType}">${esc(h.value)}</originalFileHash>\n`;
    }
    out += el('uploadedToEspTimestamp', d.uploadedToEspTimestamp, '      ');
    for (const detail of d.details) {
      out += '      <details type="HASH">\n';
      for (const pair of detail.nameValuePair) {
        out += `        <nameValuePair>\n${el('name', pair.name, '          ')}${el('value', pair.value, '          ')}        </nameValuePair>\n`;
      }
      out += '      </details>\n';
    }
    out += el(
      'additionalInfo',
      `Matched bank ${f.bank}: ${f.matchedHash} at distance ${f.distance}${f.labels.length ? `; labels ${f.labels.join(', ')}` : ''}.`,
      '      ',
    );
    out += '    </fileDetails>\n    <missingFields>\n';
    for (const m of r.completeness.missing) {
      out += `      <missing field="${esc(m.field)}" recordField="${esc(m.recordField)}">${esc(m.why)}</missing>\n`;
    }
    out += '    </missingFields>\n  </finding>\n';
  }
  return `${out}</obhutFindings>\n`;
}
