/**
 * The form in which area codes are compared when joining files: trimmed, upper-case, without
 * Statbel's trailing "-" (its own files disagree: "11001A00-" vs "11053A381").
 * normaliseCode(" 11001a00- ") === "11001A00"
 */
export function normaliseCode(code: string): string {
  return code.trim().replace(/-+$/, '').toUpperCase();
}
