import type { IndicatorDef } from '../model/types';

const formats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat: building one costs far more than formatting with it, and tables format thousands of cells. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

const INTEGER = { maximumFractionDigits: 0 };
const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/**
 * A raw indicator value as shown in the table and tooltips, in `locale` (an Intl locale: 'en',
 * 'nl-BE', 'fr-BE'): "€ 23,410", "41.2 %", "1,204", "5.31" in English; "€ 23.410", "41,2 %" in
 * Dutch; "23 410 €", "41,2 %" in French; missing "–". `whole`: the column holds counts only,
 * written without decimals ("54", not "54.00").
 */
export function formatValue(value: number | null | undefined, unit: IndicatorDef['unit'], whole = false, locale = 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'EUR':
      // English keeps the app's "€ 23,410"; Dutch and French place the sign as Belgian usage does.
      return locale === 'en'
        ? `€ ${numberFormat(locale, INTEGER).format(value)}`
        : numberFormat(locale, { style: 'currency', currency: 'EUR', ...INTEGER, minimumFractionDigits: 0 }).format(value);
    case '%':
      return `${numberFormat(locale, ONE_DECIMAL).format(value)} %`;
    case 'persons':
      return numberFormat(locale, INTEGER).format(value);
    default:
      return Math.abs(value) >= 100 || whole ? numberFormat(locale, INTEGER).format(value) : numberFormat(locale, TWO_DECIMALS).format(value);
  }
}

/** A score as shown everywhere in the app: one decimal, "–" when the ward has no score. formatScore(12.5, 'fr-BE') -> "12,5" */
export function formatScore(value: number | null | undefined, locale = 'en'): string {
  return value === null || value === undefined ? '–' : formatNumber(value, 1, locale);
}

/**
 * A number with exactly `digits` decimals and no thousands separator, the locale's decimal sign:
 * formatNumber(0.5, 2, 'nl-BE') -> "0,50". Used where the app wrote toFixed before.
 */
export function formatNumber(value: number, digits: number, locale = 'en'): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
}

/** A whole percentage with the app's spacing: formatPercent(0.637, 'en') -> "64 %". */
export function formatPercent(share: number, locale = 'en'): string {
  return `${numberFormat(locale, INTEGER).format(Math.round(share * 100))} %`;
}

/** Whether every value of a column is a whole number, so that formatValue may drop the decimals. */
export function isWholeColumn(values: readonly (number | null)[]): boolean {
  return values.every((v) => v === null || Number.isInteger(v));
}

/** A missing value's text: the file's own marker ("<5", "*") when it gave one, else "–". */
export function missingText(reason: string | null | undefined): string {
  return reason ? reason : '–';
}

/** A date (and time) as the interface language writes it: formatDateTime('2026-03-01T10:00:00Z', 'nl-BE'). Unreadable text comes back as is. */
export function formatDateTime(iso: string, locale = 'en'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day as the interface language writes it: formatDate(new Date(2026, 2, 1), 'fr-BE') -> "01/03/2026"; English as 'en-GB' ("01/03/2026"). */
export function formatDate(date: Date, locale = 'en'): string {
  return date.toLocaleDateString(locale === 'en' ? 'en-GB' : locale);
}
