import type { ZodError } from 'zod';

/** A data file's first schema problem in one line: where in the file, then what ("at entities.iturup.partOf: …"). */
export function firstIssue(err: ZodError): string {
  const issue = err.issues[0];
  if (!issue) return 'not of the expected shape';
  return `${issue.path.length > 0 ? `at ${issue.path.join('.')}: ` : ''}${issue.message}`;
}
