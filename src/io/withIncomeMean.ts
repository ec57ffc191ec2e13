import { problem, type Problem } from './problem';
import type { IndicatorTable } from './readIndicatorTable';

// Statbel's fiscal income per municipality (TF_PSNL_INC_TAX_MUNTY) gives totals and counts; its
// mean per declaration, the catalogue's `income`, leaves out the declarations with zero income.
const INCOME_TOTAL = 'MS_TOT_NET_TAXABLE_INC';
const INCOME_COUNT = 'MS_NBR_NON_ZERO_INC';
export const INCOME_MEAN = 'MS_AVG_TOT_NET_TAXABLE_INC';

/**
 * Adds Statbel's mean net taxable income per declaration (MS_AVG_TOT_NET_TAXABLE_INC =
 * MS_TOT_NET_TAXABLE_INC / MS_NBR_NON_ZERO_INC) to a table that has the total and the count but not
 * the mean, with a note saying so; any other table comes back as it was.
 */
export function withIncomeMean(table: IndicatorTable, file: string): { table: IndicatorTable; note: Problem | null } {
  const total = table.values[INCOME_TOTAL];
  const count = table.values[INCOME_COUNT];
  if (!total || !count || table.values[INCOME_MEAN]) return { table, note: null };
  const mean = total.map((value, i) => {
    const n = count[i];
    return value === null || n === null || n === 0 ? null : value / n;
  });
  return {
    table: { ...table, columns: [INCOME_MEAN, ...table.columns], values: { [INCOME_MEAN]: mean, ...table.values } },
    note: problem(file, `added ${INCOME_MEAN}, the mean net taxable income per declaration: ${INCOME_TOTAL} / ${INCOME_COUNT}`, {
      column: INCOME_MEAN,
      severity: 'info',
    }),
  };
}
