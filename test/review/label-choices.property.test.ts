import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import { labelChoices, labelsFromChoices } from '../../src/review/label-choices.js';
import type { LabelDefinition } from '../../src/review/model.js';

// Few names and options, so that labels often share an option (then its choice is qualified).
const label: fc.Arbitrary<LabelDefinition> = fc.record({
  name: fc.constantFrom('quality', 'tone', 'noise', 'speaker'),
  options: fc.uniqueArray(fc.constantFrom('yes', 'no', 'maybe', 'loud', 'quiet'), {
    minLength: 1,
    maxLength: 4,
  }),
  multiple: fc.boolean(),
});
const schema = fc.uniqueArray(label, { selector: (l) => l.name, maxLength: 4 });

describe('label choices', () => {
  it('names every option of every label once, plain unless another label has it', () => {
    fc.assert(
      fc.property(schema, (labels) => {
        const choices = labelChoices(labels);
        expect(new Set(choices).size).toBe(choices.length);
        expect(choices.length).toBe(labels.reduce((n, l) => n + l.options.length, 0));
        for (const l of labels)
          for (const option of l.options) {
            const shared = labels.some((o) => o !== l && o.options.includes(option));
            expect(choices).toContain(shared ? `${l.name}:${option}` : option);
          }
      }),
    );
  });

  it('maps any chosen subset back onto the labels it came from', () => {
    fc.assert(
      fc.property(
        schema.chain((labels) => fc.tuple(fc.constant(labels), fc.subarray(labelChoices(labels)))),
        ([labels, chosen]) => {
          const answer = labelsFromChoices(chosen, labels);
          const choices = labelChoices(labels);
          let i = 0;
          for (const l of labels) {
            const picked = l.options.filter((_, j) => chosen.includes(choices[i + j]!));
            i += l.options.length;
            if (picked.length === 0) expect(answer).not.toHaveProperty(l.name);
            else
              expect(answer[l.name]).toEqual(l.multiple || picked.length > 1 ? picked : picked[0]);
          }
        },
      ),
    );
  });

  it('refuses a choice the form does not offer', () => {
    const labels = [{ name: 'quality', options: ['good', 'bad'] }];
    expect(() => labelsFromChoices(['great'], labels)).toThrow(ObhutError);
    expect(() => labelsFromChoices(['great'], labels)).toThrow(/"great" is not one of good, bad/);
  });
});
