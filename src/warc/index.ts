export {
  type ConvertedWarc,
  convertWarc,
  isWarcPath,
  readCaptures,
  WARC_ERROR_FIELD,
  type WarcCounts,
  type WarcLimits,
} from './convert-warc.js';
export { type HtmlContent, readHtml } from './html-text.js';
export { readWarc, type WarcEntry, type WarcResponse } from './read-warc.js';
export { KEPT_HEADERS, type ResponseItem, responseItem } from './response-item.js';
