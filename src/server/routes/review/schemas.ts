// Response schemas the review routes share. A response schema is an allow-list too: a field it
// does not declare is not serialised, whatever the handler returns.
import { REVIEW_KINDS, TASK_STATUSES } from '../../../review/index.js';

const range = {
  type: 'object',
  required: ['start', 'end'],
  properties: { start: { type: 'number' }, end: { type: 'number' } },
} as const;

/** A text in German and English (either may be missing). */
export const localText = {
  type: 'object',
  properties: { de: { type: 'string' }, en: { type: 'string' } },
} as const;

/** The redacted content of a task: what every TaskView shape shares. */
export const taskContentProperties = {
  id: { type: 'string' },
  kind: { type: 'string', enum: REVIEW_KINDS },
  status: { type: 'string', enum: TASK_STATUSES },
  text: { type: 'string' },
  words: {
    type: 'array',
    items: {
      type: 'object',
      required: ['text', 'start', 'end'],
      properties: { text: { type: 'string' }, start: { type: 'number' }, end: { type: 'number' } },
    },
  },
  redacted_ranges: { type: 'array', items: range },
  duration: { type: 'number' },
  labels: { type: 'array', items: { type: 'string' } },
  questions: {
    type: 'array',
    items: {
      type: 'object',
      required: ['name', 'multiple', 'options'],
      properties: {
        name: { type: 'string' },
        multiple: { type: 'boolean' },
        text: localText,
        options: {
          type: 'array',
          items: {
            type: 'object',
            required: ['value'],
            properties: { value: { type: 'string' }, text: localText },
          },
        },
      },
    },
  },
} as const;
