/**
 * The Idempotency-Key of a form. The same content submitted again (a second tap, a retry after a
 * failure) keeps its key, so the server does not record it twice; changed content is a new submission.
 */
export interface Submission {
  key: string
  fingerprint: string
}

export function submissionFor(
  previous: Submission | null,
  content: unknown,
  newKey: () => string,
): Submission {
  const fingerprint = JSON.stringify(content)
  if (previous && previous.fingerprint === fingerprint) return previous
  return { key: newKey(), fingerprint }
}
