import { z } from 'zod';
import { normaliseCode } from '../model/normaliseCode';
import { capProblems } from './capProblems';
import { formatCsv } from './formatCsv';
import { parseCsv, type CsvTable } from './parseCsv';
import { problemFrom, type Loaded, type MessagePiece, type Problem } from './problem';
import { missingColumns, rowDropped } from './rowProblems';

/** A neighbourhood where a CHW team works today, as the programme lists it (data/chw-current-areas.csv). */
export interface CurrentArea {
  city: string;
  /** NIS code of the municipality ("71016"); null when the file gives none. */
  municipality: string | null;
  /** The name as the programme writes it: "Waterschei Noord", "Laken: Houba", "(city-wide, …)". */
  area: string;
}

/** The sectors a user confirmed for one programme area; no codes = looked at, matches no sector. */
export interface AreaMatch extends CurrentArea {
  /** Sector codes as written where they came from; compare them through normaliseCode. */
  sectorCodes: string[];
}

const nis = z.string().regex(/^\d{5}$/, 'municipality_nis must be a 5-digit NIS code');

/** The shape of a stored or imported match, checked wherever matches enter from outside. */
export const areaMatchSchema = z.object({
  city: z.string().trim().min(1),
  municipality: nis.nullable(),
  area: z.string().trim().min(1),
  sectorCodes: z.array(z.string().trim().min(1)),
});

const MAX_ROW_PROBLEMS = 20;
const HEADER = ['city', 'municipality_nis', 'area'] as const;

// A row of either file after the cells are read: the names must be there, the code may be empty.
const rowSchema = z.object({
  city: z.string().min(1, 'empty city'),
  area: z.string().min(1, 'empty area name'),
  municipality_nis: z.string().regex(/^(\d{5})?$/, 'municipality_nis must be a 5-digit NIS code'),
});

// Why rowSchema refuses a row, by column, as problem messages say it.
const ROW_FAULTS: Record<string, MessagePiece> = { city: { key: 'cityEmpty' }, area: { key: 'areaNameEmpty' } };

/** The identity of an area across files and sessions: its city and its name, as written. */
export function areaKey(area: { city: string; area: string }): string {
  return `${area.city}\u0000${area.area}`;
}

/**
 * Reads the programme's list of current CHW areas: a CSV with columns city, municipality_nis and
 * area (names matched without case; any separator parseCsv knows). Rows without a city or an
 * area name are dropped with an error; a malformed NIS code is dropped with a warning; a repeated
 * city + area is reported and read once.
 */
export function parseCurrentAreas(text: string, file: string): Loaded<CurrentArea[]> {
  const parsed = parseCsv(text, file);
  if (!parsed.data) return { data: null, problems: parsed.problems };
  const problems = [...parsed.problems];
  const columns = findColumns(parsed.data, ['city', 'area'], ['municipality_nis'], file, problems);
  if (!columns) return { data: null, problems };

  const rowProblems: Problem[] = [];
  const seen = new Map<string, number>();
  const areas: CurrentArea[] = [];
  parsed.data.rows.forEach((cells, i) => {
    const row = readRow(cells, columns, i + 1, file, rowProblems);
    if (!row) return;
    const key = areaKey(row);
    const first = seen.get(key);
    if (first !== undefined) {
      rowProblems.push(
        problemFrom(file, 'areaRepeated', { area: row.area, city: row.city, row: first }, { row: i + 1, column: 'area', severity: 'warning' }),
      );
      return;
    }
    seen.set(key, i + 1);
    areas.push({ city: row.city, municipality: row.municipality, area: row.area });
  });
  problems.push(...capProblems(rowProblems, MAX_ROW_PROBLEMS, { key: 'moreRowProblems' }));
  if (areas.length === 0) return { data: null, problems: [...problems, problemFrom(file, 'areasNone')] };
  return { data: areas, problems };
}

/**
 * Writes confirmed matches as CSV, one row per area and sector: city, municipality_nis, area,
 * sector_code, and sector_name when `sectorName` is given. An area without sectors gets one row
 * with an empty code, so that re-importing (parseAreaMatches) loses nothing.
 */
export function formatAreaMatches(
  matches: readonly AreaMatch[],
  format: 'csv' | 'excel-be',
  options: { sectorName?: (code: string) => string | null } = {},
): string {
  const { sectorName } = options;
  const header = [...HEADER, 'sector_code', ...(sectorName ? ['sector_name'] : [])];
  const rows: (string | null)[][] = [];
  for (const m of matches) {
    const base = [m.city, m.municipality, m.area];
    if (m.sectorCodes.length === 0) rows.push([...base, null, ...(sectorName ? [null] : [])]);
    for (const code of m.sectorCodes) rows.push([...base, code, ...(sectorName ? [sectorName(code)] : [])]);
  }
  return formatCsv(header, rows, { format });
}

/**
 * Reads matches written by formatAreaMatches (or edited in a spreadsheet): rows are grouped back by
 * city + area, in file order; codes that are equal under normaliseCode are kept once, as first
 * written; an empty sector_code means the area matches no sector. sector_name is not read.
 */
export function parseAreaMatches(text: string, file: string): Loaded<AreaMatch[]> {
  const parsed = parseCsv(text, file);
  if (!parsed.data) return { data: null, problems: parsed.problems };
  const problems = [...parsed.problems];
  const columns = findColumns(parsed.data, ['city', 'area', 'sector_code'], ['municipality_nis'], file, problems);
  if (!columns) return { data: null, problems };

  const rowProblems: Problem[] = [];
  const groups = new Map<string, { match: AreaMatch; codes: Set<string>; row: number }>();
  parsed.data.rows.forEach((cells, i) => {
    const rowNumber = i + 1;
    const row = readRow(cells, columns, rowNumber, file, rowProblems);
    if (!row) return;
    const code = cellText(cells, columns.sector_code);
    const key = areaKey(row);
    let group = groups.get(key);
    if (!group) {
      group = { match: { city: row.city, municipality: row.municipality, area: row.area, sectorCodes: [] }, codes: new Set(), row: rowNumber };
      groups.set(key, group);
    } else if (row.municipality !== null && row.municipality !== group.match.municipality) {
      if (group.match.municipality === null) group.match.municipality = row.municipality;
      else {
        rowProblems.push(
          problemFrom(
            file,
            'areaMunicipalityDiffers',
            { municipality: row.municipality, first: group.match.municipality, row: group.row },
            { row: rowNumber, column: 'municipality_nis', severity: 'warning' },
          ),
        );
      }
    }
    if (code === '' || group.codes.has(normaliseCode(code))) return;
    group.codes.add(normaliseCode(code));
    group.match.sectorCodes.push(code);
  });
  problems.push(...capProblems(rowProblems, MAX_ROW_PROBLEMS, { key: 'moreRowProblems' }));
  const matches = [...groups.values()].map((g) => g.match);
  if (matches.length === 0) return { data: null, problems: [...problems, problemFrom(file, 'areaMatchesNone')] };
  return { data: matches, problems };
}

/** The match recorded for an area, or null. */
export function matchOf(matches: readonly AreaMatch[], area: { city: string; area: string }): AreaMatch | null {
  const key = areaKey(area);
  return matches.find((m) => areaKey(m) === key) ?? null;
}

/** The matches with `code` added to the area's sectors (the area added when new); unchanged when already there. */
export function withSector(matches: readonly AreaMatch[], area: CurrentArea, code: string): AreaMatch[] {
  const current = matchOf(matches, area);
  if (current?.sectorCodes.some((c) => normaliseCode(c) === normaliseCode(code))) return [...matches];
  if (!current) return [...matches, { ...area, sectorCodes: [code] }];
  return matches.map((m) => (m === current ? { ...m, sectorCodes: [...m.sectorCodes, code] } : m));
}

/** The matches with `code` removed from the area's sectors; the area stays, possibly with none. */
export function withoutSector(matches: readonly AreaMatch[], area: { city: string; area: string }, code: string): AreaMatch[] {
  const key = areaKey(area);
  return matches.map((m) =>
    areaKey(m) === key ? { ...m, sectorCodes: m.sectorCodes.filter((c) => normaliseCode(c) !== normaliseCode(code)) } : m,
  );
}

/** The areas grouped by city, cities and areas in the order they first appear. */
export function groupAreasByCity<A extends { city: string }>(areas: readonly A[]): { city: string; areas: A[] }[] {
  const groups = new Map<string, A[]>();
  for (const a of areas) {
    const list = groups.get(a.city);
    if (list) list.push(a);
    else groups.set(a.city, [a]);
  }
  return [...groups].map(([city, list]) => ({ city, areas: list }));
}

type Columns = Record<string, number | null>;

/** Finds the columns by name, without case; null (and an error) when a required one is missing. */
function findColumns(
  table: CsvTable,
  required: readonly string[],
  optional: readonly string[],
  file: string,
  problems: Problem[],
): Columns | null {
  const lower = table.columns.map((c) => c.trim().toLowerCase());
  const columns: Columns = {};
  const missing: string[] = [];
  for (const name of [...required, ...optional]) {
    const at = lower.indexOf(name);
    columns[name] = at < 0 ? null : at;
    if (at < 0 && required.includes(name)) missing.push(name);
  }
  if (missing.length > 0) {
    problems.push(missingColumns(file, missing, table.columns));
    return null;
  }
  return columns;
}

/** A data row's city, area and municipality, validated; null (and a problem) when the row is unusable. */
function readRow(
  cells: readonly string[],
  columns: Columns,
  rowNumber: number,
  file: string,
  problems: Problem[],
): { city: string; area: string; municipality: string | null } | null {
  const raw = {
    city: cellText(cells, columns.city),
    area: cellText(cells, columns.area),
    municipality_nis: cellText(cells, columns.municipality_nis),
  };
  const parsed = rowSchema.safeParse(raw);
  if (parsed.success) {
    return { city: parsed.data.city, area: parsed.data.area, municipality: parsed.data.municipality_nis || null };
  }
  const fatal = parsed.error.issues.filter((issue) => issue.path[0] !== 'municipality_nis');
  for (const issue of parsed.error.issues) {
    const column = String(issue.path[0]);
    if (column === 'municipality_nis') {
      problems.push(problemFrom(file, 'nisInvalid', { text: raw.municipality_nis }, { row: rowNumber, column, severity: 'warning' }));
    } else {
      problems.push(rowDropped(file, ROW_FAULTS[column] ?? { key: 'areaNameEmpty' }, rowNumber, column));
    }
  }
  if (fatal.length > 0) return null;
  return { city: raw.city, area: raw.area, municipality: null };
}

/** A cell as text: trimmed, with the `'` that formatCsv puts before formula-like text taken off. */
function cellText(cells: readonly string[], index: number | null): string {
  if (index === null) return '';
  const cell = cells[index] ?? '';
  return (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell).trim();
}
