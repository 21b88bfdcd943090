export type { RateCount, RateCounters } from './rate-counters.js';
