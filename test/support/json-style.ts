/**
 * Every key in `value` that is not snake_case: a key with both lower- and upper-case letters
 * (`alreadyPresent`). Keys without lower-case letters are data (`RECORD_NOT_JSON`, `PERSON`, `DE`).
 */
export function camelCaseKeys(value: unknown, where = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => camelCaseKeys(v, `${where}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(/[a-z]/.test(key) && /[A-Z]/.test(key) ? [`${where}.${key}`] : []),
    ...camelCaseKeys(v, `${where}.${key}`),
  ]);
}
