import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile, { InvalidInputError, readSheet, SheetNotFoundError } from 'read-excel-file/universal';
import { detectNumberFormat, nameColumns, type CsvTable } from './parseCsv';
import { problemFrom, type Loaded, type MessagePiece, type Problem } from './problem';

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
const XLS_ADVICE: MessagePiece = { key: 'xlsxOldXls' };
// A cell that reads as a number in either convention, for telling data rows from header rows.
const NUMBERISH = /^[-+−]?\s*\d[\d.,\s]*%?$/;

/** A sheet read as a table, with the name of the sheet it came from. */
export interface WorkbookTable extends CsvTable {
  sheet: string;
}

/** A block of merged cells, 0-based, first and last row and column included. */
interface CellRange {
  row0: number;
  col0: number;
  row1: number;
  col1: number;
}

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
 * Reads one sheet of an .xlsx workbook (without `sheet`, the first that holds a table; `data.sheet`
 * names the one read) as the same table of text cells that parseCsv returns, so key detection and
 * readIndicatorTable work unchanged.
 * Title rows above the table are skipped; a two-row header ("Inkomen" over "Totaal") becomes
 * "Inkomen - Totaal", and a header cell merged over columns with nothing under it names them
 * "Inkomen 1", "Inkomen 2". Numbers are written without thousands separators, with the decimal
 * separator the sheet's text cells use (a point unless they say otherwise), and `dialect` says
 * which; dates are written as ISO dates. Password-protected workbooks and old .xls files, OLE
 * containers (D0 CF 11 E0) rather than zips, are told apart and refused with what to do.
 */
export async function parseXlsx(bytes: WorkbookBytes, file: string, sheet?: string): Promise<Loaded<WorkbookTable>> {
  const buffer = toArrayBuffer(bytes);
  const view = new Uint8Array(buffer);
  if (isOle(view)) {
    const refused = contains(view, ENCRYPTED_PACKAGE)
      ? problemFrom(file, 'xlsxPassword', { file })
      : problemFrom(file, 'xlsxUnreadable', { file, reason: XLS_ADVICE });
    return { data: null, problems: [refused] };
  }

  const problems: Problem[] = [];
  let sheetName = sheet ?? '';
  let sheetRows: SheetRow[];
  try {
    if (sheet === undefined) {
      // Without a sheet name: the first sheet that holds a table, so that an explanation or
      // title sheet in front of the data is passed over.
      const names = await sheetNames(buffer);
      // The first sheet stays chosen when none holds a table.
      let chosen = { name: names[0], rows: nonEmptyRows(await readSheet(buffer, names[0])) };
      for (const name of names.slice(1)) {
        if (holdsTable(chosen.rows)) break;
        const rows = nonEmptyRows(await readSheet(buffer, name));
        if (holdsTable(rows)) chosen = { name, rows };
      }
      sheetName = chosen.name;
      sheetRows = chosen.rows;
      if (names.length > 1) {
        const which: MessagePiece = { key: sheetName === names[0] ? 'xlsxFirstSheet' : 'xlsxFirstTableSheet' };
        problems.push(
          problemFrom(file, 'xlsxSheets', { number: names.length, sheets: quoteList(names), which, sheet: sheetName }, { severity: 'info' }),
        );
      }
    } else {
      sheetRows = nonEmptyRows(await readSheet(buffer, sheetName));
    }
  } catch (error) {
    if (isSheetNotFound(error)) {
      return { data: null, problems: [problemFrom(file, 'xlsxNoSheet', { file, sheet: sheetName, sheets: quoteList(error.sheets) })] };
    }
    return { data: null, problems: [problemFrom(file, 'xlsxUnreadable', { file, reason: reason(error) })] };
  }

  if (sheetRows.length === 0) return { data: null, problems: [...problems, problemFrom(file, 'xlsxSheetEmpty', { sheet: sheetName })] };
  if (!sheetRows.some((row) => filledCount(row.cells) >= 2)) {
    problems.push(
      problemFrom(file, 'xlsxSheetNoTable', { sheet: sheetName }, { severity: 'warning' }),
    );
  }

  // Merged header cells are read only when the header looks like it may have some: a header found
  // below other text, or with unnamed columns. Reading them unzips the sheet a second time.
  let merges: CellRange[] = [];
  const plain = findHeader(sheetRows, []);
  if (sheetRows[plain].index > 0 || sheetRows[plain].cells.slice(0, filledWidth(sheetRows[plain].cells)).includes('')) {
    merges = horizontalMerges(sheetMerges(view, sheetName));
  }
  const start = merges.length > 0 ? findHeader(sheetRows, merges) : plain;
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
    return { data: null, problems: [...problems, problemFrom(file, 'xlsxHeaderOnly', { sheet: sheetName })] };
  }
  if (top.index > 0) {
    problems.push(
      problemFrom(file, 'xlsxTableStarts', { row: top.index + 1, sheet: sheetName }, { severity: 'info' }),
    );
  }

  const width = body.reduce((w, row) => Math.max(w, filledWidth(row.cells)), filledWidth(header));
  const names = headerNames(header, group?.cells ?? null, width);
  if (group === null) nameMergedColumns(names, sheetRows[headerAt].index, merges, sheetName, file, problems);
  const columns = nameColumns(names, file, problems);
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
  return { data: { columns, rows, dialect: { delimiter: ',', ...format, bom: false }, sheet: sheetName }, problems };
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

function reason(error: unknown): MessagePiece {
  if (error instanceof InvalidInputError) {
    switch (error.code) {
      case 'NO_DATA':
        return { key: 'xlsxEmptyFile' };
      case 'XLS_FILE_NOT_SUPPORTED':
        return XLS_ADVICE;
      case 'INVALID_ZIP':
        return { key: 'xlsxDamaged' };
      default:
        return { key: 'xlsxNotExcel' };
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return { key: 'xlsxNotLaidOut', values: { error: message } };
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
 * subtitles and notes above a table fill one cell or a narrow part of the width. A header cell
 * merged over the columns to its right counts as filling them.
 */
function findHeader(rows: SheetRow[], merges: CellRange[]): number {
  for (let i = 0; i < rows.length; i++) {
    if (filledCount(rows[i].cells) < 2) continue;
    const next = rows.slice(i + 1, i + 1 + LOOKAHEAD).map((row) => filledWidth(row.cells));
    if (next.length === 0) break;
    const typical = [...next].sort((a, b) => a - b)[Math.floor(next.length / 2)];
    if (mergedWidth(rows[i], merges) >= SIMILAR_WIDTH * typical) return i;
  }
  const fallback = rows.findIndex((row) => filledCount(row.cells) >= 2);
  return fallback === -1 ? 0 : fallback;
}

function mergedWidth(row: SheetRow, merges: CellRange[]): number {
  return merges.reduce(
    (width, m) => (m.row0 === row.index && (row.cells[m.col0] ?? '') !== '' ? Math.max(width, m.col1 + 1) : width),
    filledWidth(row.cells),
  );
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

function nonEmptyRows(raw: unknown[][]): SheetRow[] {
  return raw.map(toRow).filter((row) => row.cells.some((cell) => cell !== ''));
}

/** Whether a sheet's rows make a table: a row of two or more cells with a row below it. */
function holdsTable(rows: SheetRow[]): boolean {
  const first = rows.findIndex((row) => filledCount(row.cells) >= 2);
  return first !== -1 && first < rows.length - 1;
}

function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/**
 * Names the columns under a header cell merged across them when nothing else names them: "Inkomen"
 * merged over B1:D1 gives "Inkomen 1", "Inkomen 2", "Inkomen 3", with a warning saying so.
 */
function nameMergedColumns(names: string[], headerIndex: number, merges: CellRange[], sheet: string, file: string, problems: Problem[]): void {
  for (const m of merges) {
    const label = names[m.col0] ?? '';
    const last = Math.min(m.col1, names.length - 1);
    if (m.row0 !== headerIndex || label === '' || last <= m.col0) continue;
    if (names.slice(m.col0 + 1, last + 1).some((name) => name !== '')) continue;
    const named = Array.from({ length: last - m.col0 + 1 }, (_, k) => `${label} ${k + 1}`);
    named.forEach((name, k) => (names[m.col0 + k] = name));
    problems.push(
      problemFrom(
        file,
        'xlsxMergedHeader',
        { label, cell: `${columnLetter(m.col0)}${m.row0 + 1}`, sheet, from: columnLetter(m.col0), to: columnLetter(last), names: quoteList(named) },
        { row: 0, severity: 'warning' },
      ),
    );
  }
}

/** Merged ranges that span more than one column. */
function horizontalMerges(ranges: CellRange[]): CellRange[] {
  return ranges.filter((m) => m.col1 > m.col0);
}

/**
 * The merged cells of a sheet, read from its XML (read-excel-file does not report them); [] when
 * the workbook is not laid out as Excel writes it. Only the workbook, its relations and the one
 * sheet are unzipped.
 */
function sheetMerges(bytes: Uint8Array, sheet: string): CellRange[] {
  try {
    const meta = unzipSync(bytes, { filter: ({ name }) => name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' });
    const workbook = strFromU8(meta['xl/workbook.xml']);
    const rels = strFromU8(meta['xl/_rels/workbook.xml.rels']);
    const id = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)]
      .map((m) => m[1])
      .find((attributes) => unescapeXml(attribute(attributes, 'name') ?? '') === sheet);
    const rid = id === undefined ? undefined : /\b(?:\w+:)?id="([^"]*)"/.exec(id)?.[1];
    const target = [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)]
      .map((m) => m[1])
      .find((attributes) => attribute(attributes, 'Id') === rid);
    const path = target === undefined ? undefined : attribute(target, 'Target');
    if (path === undefined) return [];
    const full = path.startsWith('/') ? path.slice(1) : `xl/${path}`;
    const entry = unzipSync(bytes, { filter: ({ name }) => name === full })[full];
    if (entry === undefined) return [];
    return [...strFromU8(entry).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)].map((m) => ({
      row0: Number(m[2]) - 1,
      col0: columnIndex(m[1]),
      row1: Number(m[4]) - 1,
      col1: columnIndex(m[3]),
    }));
  } catch {
    return [];
  }
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** "B" -> 1, "AA" -> 26. */
function columnIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
