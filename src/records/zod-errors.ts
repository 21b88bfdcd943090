import type * as z from 'zod';

/** One line naming each offending field, e.g. `"purpose": Invalid option: expected one of …`. */
export function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `"${path}": ${issue.message}` : issue.message;
    })
    .join('; ');
}
