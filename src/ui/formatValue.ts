import type { IndicatorDef } from '../model/types';

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * A raw indicator value as shown in the table and tooltips: "€ 23,410", "41.2 %", "1,204", "5.31";
 * missing "–". `whole`: the column holds counts only, written without decimals ("54", not "54.00").
 */
export function formatValue(value: number | null | undefined, unit: IndicatorDef['unit'], whole = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (unit) {
    case 'EUR':
      return `€ ${integer.format(value)}`;
    case '%':
      return `${oneDecimal.format(value)} %`;
    case 'persons':
      return integer.format(value);
    default:
      return Math.abs(value) >= 100 || whole ? integer.format(value) : twoDecimals.format(value);
  }
}

/** A score as shown everywhere in the app: one decimal, "–" when the ward has no score. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(1);
}

/** Whether every value of a column is a whole number, so that formatValue may drop the decimals. */
export function isWholeColumn(values: readonly (number | null)[]): boolean {
  return values.every((v) => v === null || Number.isInteger(v));
}

/** A missing value's text: the file's own marker ("<5", "*") when it gave one, else "–". */
export function missingText(reason: string | null | undefined): string {
  return reason ? reason : '–';
}
