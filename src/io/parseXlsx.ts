import readXlsxFile, { InvalidInputError, readSheet, SheetNotFoundError } from 'read-excel-file/universal';
import { detectNumberFormat, nameColumns, type CsvTable } from './parseCsv';
import { problem, type Loaded, type Problem } from './problem';

/** An .xlsx workbook's bytes, as a file input or fetch hands them over. */
export type WorkbookBytes = Uint8Array | ArrayBuffer;

// Excel forbids ":" in sheet names, so asking for this sheet always fails, and the failure lists
// the sheets. That costs the shared strings but no sheet data: a fifth of reading the sheet.
const NO_SUCH_SHEET = ':';
// Rows after a header candidate compared with it, and how wide it must be next to them.
const LOOKAHEAD = 5;
const SIMILAR_WIDTH = 0.75;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// An encrypted .xlsx is an OLE container holding a stream of this name (UTF-16LE in the directory).
const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');
const XLS_ADVICE = 'it is an old Excel 97-2003 .xls file; save it as .xlsx or CSV and load that';
// A cell that reads as a number in either convention, for telling data rows from header rows.
const NUMBERISH = /^[-+−]?\s*\d[\d.,\s]*%?$/;

/** One non-empty sheet row as text, with its 0-based row in the sheet and which cells Excel typed as numbers. */
interface SheetRow {
  index: number;
  cells: string[];
  typed: boolean[];
}

/**
 * The names of a workbook's sheets, in workbook order; [] when the bytes are not a readable
 * .xlsx workbook (parseXlsx says why). await xlsxSheetNames(bytes) is ["TF_PSNL_INC_TAX_MUNTY"].
 */
export async function xlsxSheetNames(bytes: WorkbookBytes): Promise<string[]> {
  try {
    return await sheetNames(toArrayBuffer(bytes));
  } catch {
    return [];
  }
}

/**
 * Reads one sheet of an .xlsx workbook (the first when `sheet` is not given) as the same table of
 * text cells that parseCsv returns, so key detection and readIndicatorTable work unchanged.
 * Title rows above the table are skipped; a two-row header ("Inkomen" over "Totaal") becomes
 * "Inkomen - Totaal". Numbers are written without thousands separators, with the decimal
 * separator the sheet's text cells use (a point unless they say otherwise), and `dialect` says
 * which; dates are written as ISO dates.
 */
export async function parseXlsx(bytes: WorkbookBytes, file: string, sheet?: string): Promise<Loaded<CsvTable>> {
  const buffer = toArrayBuffer(bytes);
  const view = new Uint8Array(buffer);
  if (isOle(view)) {
    const message = contains(view, ENCRYPTED_PACKAGE)
      ? `${file} is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again`
      : `${file} is not a readable .xlsx workbook: ${XLS_ADVICE}`;
    return { data: null, problems: [problem(file, message)] };
  }

  const problems: Problem[] = [];
  let sheetName = sheet ?? '';
  let raw: unknown[][];
  try {
    // Without a sheet name we need the names anyway (to say which sheet was read); with one, an
    // unknown name fails below with the list, so the names are not read twice.
    if (sheet === undefined) {
      const names = await sheetNames(buffer);
      sheetName = names[0];
      if (names.length > 1) {
        problems.push(problem(file, `the workbook has ${names.length} sheets; read the first, "${sheetName}"`, { severity: 'info' }));
      }
    }
    raw = await readSheet(buffer, sheetName);
  } catch (error) {
    if (isSheetNotFound(error)) {
      const known = error.sheets.map((n) => `"${n}"`).join(', ');
      return { data: null, problems: [problem(file, `${file} has no sheet "${sheetName}"; its sheets are ${known}`)] };
    }
    return { data: null, problems: [problem(file, `${file} is not a readable .xlsx workbook: ${reason(error)}`)] };
  }

  const sheetRows = raw.map(toRow).filter((row) => row.cells.some((cell) => cell !== ''));
  if (sheetRows.length === 0) return { data: null, problems: [...problems, problem(file, `sheet "${sheetName}" is empty`)] };

  const start = findHeader(sheetRows);
  let group: SheetRow | null = null;
  let headerAt = start;
  if (isGroupOver(sheetRows[start], sheetRows.slice(start + 1))) {
    group = sheetRows[start];
    headerAt = start + 1;
  } else if (start > 0 && isGroupAbove(sheetRows[start - 1], sheetRows[start])) {
    group = sheetRows[start - 1];
  }
  const top = group ?? sheetRows[headerAt];
  const header = sheetRows[headerAt].cells;
  const body = sheetRows.slice(headerAt + 1);
  if (body.length === 0) {
    return { data: null, problems: [...problems, problem(file, `sheet "${sheetName}" has a header only, no data rows`)] };
  }
  if (top.index > 0) {
    problems.push(
      problem(file, `the table starts on row ${top.index + 1} of sheet "${sheetName}"; the rows above it were skipped`, {
        severity: 'info',
      }),
    );
  }

  const width = body.reduce((w, row) => Math.max(w, filledWidth(row.cells)), filledWidth(header));
  const columns = nameColumns(headerNames(header, group?.cells ?? null, width), file, problems);
  // Excel's own numbers carry no convention; text cells that look like numbers do ("12,5").
  const format = detectNumberFormat(
    body.map((row) => row.cells.map((cell, i) => (row.typed[i] ? '' : cell))),
    ',',
  );
  const rows = body.map((row) =>
    Array.from({ length: width }, (_, i) => {
      const cell = row.cells[i] ?? '';
      return format.decimal === ',' && row.typed[i] ? cell.replace('.', ',') : cell;
    }),
  );
  return { data: { columns, rows, dialect: { delimiter: ',', ...format, bom: false } }, problems };
}

async function sheetNames(buffer: ArrayBuffer): Promise<string[]> {
  try {
    await readSheet(buffer, NO_SUCH_SHEET);
  } catch (error) {
    if (isSheetNotFound(error)) return error.sheets;
    throw error;
  }
  return (await readXlsxFile(buffer)).map((sheet) => sheet.sheet);
}

function toArrayBuffer(bytes: WorkbookBytes): ArrayBuffer {
  // read-excel-file wants an ArrayBuffer of exactly the file: a Uint8Array may be a view into a
  // larger (pooled) buffer, so it is copied.
  return bytes instanceof ArrayBuffer ? bytes : bytes.slice().buffer;
}

// The README documents `sheets` (the workbook's sheet names) on this error; its typings omit it.
function isSheetNotFound(error: unknown): error is SheetNotFoundError & { sheets: string[] } {
  return error instanceof SheetNotFoundError && Array.isArray((error as { sheets?: unknown }).sheets);
}

function reason(error: unknown): string {
  if (error instanceof InvalidInputError) {
    switch (error.code) {
      case 'NO_DATA':
        return 'the file is empty';
      case 'XLS_FILE_NOT_SUPPORTED':
        return XLS_ADVICE;
      case 'INVALID_ZIP':
        return 'the file is damaged (its ZIP container cannot be opened)';
      default:
        return 'it is not an Excel workbook (is it a CSV or another kind of file?)';
    }
  }
  return error instanceof Error ? error.message : String(error);
}

function isOle(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

function utf16le(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0), 0]);
}

function contains(bytes: Uint8Array, pattern: number[]): boolean {
  const first = pattern[0];
  const last = bytes.length - pattern.length;
  for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < pattern.length && bytes[i + j] === pattern[j]) j++;
    if (j === pattern.length) return true;
  }
  return false;
}

function toRow(row: unknown[], index: number): SheetRow {
  return { index, cells: row.map(cellText), typed: row.map((cell) => typeof cell === 'number' && Number.isFinite(cell)) };
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  // String() gives the shortest text that reads back as the same number: "260615502.8", not the
  // "260615502.80000001" Excel stores.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return String(cell);
}

function isNumeric(row: SheetRow, i: number): boolean {
  return row.typed[i] || NUMBERISH.test(row.cells[i]);
}

function filledWidth(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== '') return i + 1;
  return 0;
}

function filledCount(cells: string[]): number {
  return cells.reduce((n, cell) => (cell === '' ? n : n + 1), 0);
}

/**
 * The first row with at least two cells that is about as wide as the rows below it: titles,
 * subtitles and notes above a table fill one cell or a narrow part of the width.
 */
function findHeader(rows: SheetRow[]): number {
  for (let i = 0; i < rows.length; i++) {
    if (filledCount(rows[i].cells) < 2) continue;
    const next = rows.slice(i + 1, i + 1 + LOOKAHEAD).map((row) => filledWidth(row.cells));
    if (next.length === 0) break;
    const typical = [...next].sort((a, b) => a - b)[Math.floor(next.length / 2)];
    if (filledWidth(rows[i].cells) >= SIMILAR_WIDTH * typical) return i;
  }
  const fallback = rows.findIndex((row) => filledCount(row.cells) >= 2);
  return fallback === -1 ? 0 : fallback;
}

/**
 * Whether `top`, taken for the header, is the upper row of a two-row header: the row right under
 * it fills its gaps (merged group cells) with text, and the numbers only start below that.
 */
function isGroupOver(top: SheetRow, below: SheetRow[]): boolean {
  const [sub, ...data] = below;
  if (!sub || data.length === 0 || sub.index !== top.index + 1 || !isTextOnly(sub)) return false;
  const fillsGap = sub.cells.some((cell, i) => cell !== '' && (top.cells[i] ?? '') === '');
  const numbersBelow = data.slice(0, LOOKAHEAD).some((row) => row.cells.some((cell, i) => cell !== '' && isNumeric(row, i)));
  return fillsGap && numbersBelow;
}

/**
 * Whether the narrower row right above the header groups its columns rather than titling the
 * table: it names a column the header leaves empty (a cell merged down over both rows), or its
 * cells all sit right of column A over named columns (titles and notes start in column A).
 */
function isGroupAbove(top: SheetRow, header: SheetRow): boolean {
  if (top.index !== header.index - 1 || !isTextOnly(header)) return false;
  const filled = top.cells.flatMap((cell, i) => (cell === '' ? [] : [i]));
  const mergedDown = filled.length >= 2 && filled.some((i) => (header.cells[i] ?? '') === '');
  const overColumns = filled.length > 0 && filled.every((i) => i > 0 && (header.cells[i] ?? '') !== '');
  return mergedDown || overColumns;
}

function isTextOnly(row: SheetRow): boolean {
  return row.cells.every((cell, i) => cell === '' || !isNumeric(row, i));
}

/**
 * The header's names. Under a group row (merged cells) a sub-column is named "Group - Sub" after
 * the nearest group cell at or left of it, and an empty header cell takes the group's name (a cell
 * merged down over both rows). Names still empty are left to nameColumns.
 */
function headerNames(header: string[], groups: string[] | null, width: number): string[] {
  let group = '';
  return Array.from({ length: width }, (_, i) => {
    const sub = header[i] ?? '';
    const over = groups?.[i] ?? '';
    if (over !== '') group = over;
    if (sub === '') return over;
    return group !== '' && group !== sub ? `${group} - ${sub}` : sub;
  });
}
