import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  exposureMs,
  exposureReached,
  IMAGE_EXPOSURE_SECONDS,
  summariseExposure,
} from '../../src/review/index.js';

describe('reviewer exposure', () => {
  it('counts the audio duration, a fixed amount per image and nothing for text', () => {
    expect(exposureMs('audio', 12.3456)).toBe(12_346);
    expect(exposureMs('audio', undefined)).toBe(0);
    expect(exposureMs('audio', Number.NaN)).toBe(0);
    expect(exposureMs('image', undefined)).toBe(IMAGE_EXPOSURE_SECONDS * 1000);
    expect(IMAGE_EXPOSURE_SECONDS).toBe(10);
    expect(exposureMs('text', 5)).toBe(0);
  });

  it('reaches the limit at exactly the configured minutes', () => {
    const rules = { exposureMinutes: 2 };
    expect(exposureReached(119_999, rules)).toBe(false);
    expect(exposureReached(120_000, rules)).toBe(true);
  });

  it('limits exposure to 120 minutes a day by default', () => {
    expect(DEFAULT_RULES.exposureMinutes).toBe(120);
  });

  it('summarises reviewers as counts and minutes only: median, max, at the limit', () => {
    const rules = { exposureMinutes: 60 };
    expect(summariseExposure([], rules)).toEqual({
      reviewers: 0,
      medianMinutes: 0,
      maxMinutes: 0,
      atLimit: 0,
      limitMinutes: 60,
    });
    // 0, 30 min, 45 min, 61.5 min: the median is the mean of the middle two.
    expect(summariseExposure([3_690_000, 0, 1_800_000, 2_700_000], rules)).toEqual({
      reviewers: 4,
      medianMinutes: 37.5,
      maxMinutes: 61.5,
      atLimit: 1,
      limitMinutes: 60,
    });
    expect(summariseExposure([90_000, 10_000, 600_000], rules)).toMatchObject({
      reviewers: 3,
      medianMinutes: 1.5,
      maxMinutes: 10,
      atLimit: 0,
    });
  });
});
