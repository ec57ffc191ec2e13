/**
 * Whether a storage write failed because the browser's storage is full. Browsers disagree on the
 * name: QuotaExceededError (code 22) in most, NS_ERROR_DOM_QUOTA_REACHED (code 1014) in old Firefox.
 */
export function isQuotaExceeded(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** An error's message for a sentence shown to the user. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
