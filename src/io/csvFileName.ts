/**
 * A download name with the local date: csvFileName("chw-ranking", new Date(2026, 10, 23)) is
 * "chw-ranking-2026-11-23.csv"; csvFileName("chw-map", date, "png") ends in ".png" instead.
 * Characters that file systems refuse become "-".
 */
export function csvFileName(base: string, date: Date, extension = 'csv'): string {
  const safe = base.trim().replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-') || 'export';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${safe}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
