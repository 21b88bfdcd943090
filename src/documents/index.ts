export { aiActMarkdown } from './ai-act-markdown.js';
export {
  AI_ACT_SUMMARY_FORMAT,
  AI_ACT_TEMPLATE,
  type AiActSummary,
  aiActSummary,
  type SummaryBuild,
  sizeRange,
} from './ai-act-summary.js';
export { type ContentProfile, ContentProfiler, mergeProfiles } from './content-profile.js';
export { croissantMetadata } from './croissant.js';
export { CROISSANT_CONFORMS_TO, CROISSANT_CONTEXT } from './croissant-context.js';
export { cardHeader, datasetCard, sizeCategory } from './dataset-card.js';
export { DOCUMENT_FILES, dataOutputs, shardOutputs } from './document-files.js';
export type { MissingFact } from './missing-facts.js';
export { type ProviderFacts, parseProviderFacts } from './provider-facts.js';
