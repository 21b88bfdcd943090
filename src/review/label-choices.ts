import { ObhutError } from '../errors/index.js';
import type { LabelsSchema } from './model.js';

/**
 * The label choices of a task's form, as the API's `labels: string[]`: each option of each
 * label, plain when no other label has the same option, else `label:option`.
 */
export function labelChoices(schema: LabelsSchema): string[] {
  return choiceTable(schema).map((c) => c.choice);
}

function choiceTable(schema: LabelsSchema) {
  const count = new Map<string, number>();
  for (const label of schema)
    for (const option of label.options) count.set(option, (count.get(option) ?? 0) + 1);
  return schema.flatMap((label) =>
    label.options.map((option) => ({
      choice: count.get(option) === 1 ? option : `${label.name}:${option}`,
      name: label.name,
      option,
    })),
  );
}

/** Maps chosen `labels: string[]` back onto the task's labels, for `validateAnswer`. */
export function labelsFromChoices(
  chosen: readonly string[],
  schema: LabelsSchema,
): Record<string, string | string[]> {
  const table = new Map(choiceTable(schema).map((c) => [c.choice, c]));
  const byName = new Map<string, string[]>();
  for (const choice of chosen) {
    const c = table.get(choice);
    if (!c)
      throw new ObhutError(
        'REQUEST_INVALID',
        `labels: "${choice.slice(0, 100)}" is not one of ${[...table.keys()].join(', ')}`,
      );
    byName.set(c.name, [...(byName.get(c.name) ?? []), c.option]);
  }
  const out: Record<string, string | string[]> = {};
  for (const label of schema) {
    const options = byName.get(label.name);
    if (options === undefined) continue;
    out[label.name] = label.multiple || options.length > 1 ? options : options[0]!;
  }
  return out;
}
