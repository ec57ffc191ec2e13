import { describe, expect, it } from 'vitest';
import { sortRows } from '../../src/app/sortRows';
import type { RankedRow } from '../../src/ui/RankedTable';

function row(index: number, code: string, name: string, district: string | null, rank: number | null, score: number | null): RankedRow {
  return { ward: { index, code, name, district, municipality: null }, rank, score, used: score === null ? 0 : 1 };
}

// In rank order, as the table receives them; the ward indices are deliberately not in that order.
const ROWS: RankedRow[] = [
  row(2, 'C', 'Zuid', 'Oost', 1, 90),
  row(0, 'A', 'abdij', 'West', 2, 70),
  row(3, 'D', 'Éénhoorn', null, 2, 70),
  row(1, 'B', 'Noord', 'Oost', 4, 40),
  row(4, 'E', 'Leeg', 'Oost', null, null),
];
const codes = (rows: RankedRow[]) => rows.map((r) => r.ward.code);

describe('sortRows', () => {
  it('sortRows(rows, score descending) puts high scores first, ties in input order, null last', () => {
    expect(codes(sortRows(ROWS, { column: 'score', descending: true }, {}))).toEqual(['C', 'A', 'D', 'B', 'E']);
  });

  it('sortRows(rows, score ascending) puts low scores first, ties still in input order, null still last', () => {
    expect(codes(sortRows(ROWS, { column: 'score', descending: false }, {}))).toEqual(['B', 'A', 'D', 'C', 'E']);
  });

  it('sortRows(rows, rank) orders by rank both ways with the unranked ward last', () => {
    expect(codes(sortRows(ROWS, { column: 'rank', descending: false }, {}))).toEqual(['C', 'A', 'D', 'B', 'E']);
    expect(codes(sortRows(ROWS, { column: 'rank', descending: true }, {}))).toEqual(['B', 'A', 'D', 'C', 'E']);
  });

  it('sortRows(rows, name) compares names as text, ignoring case and accents', () => {
    expect(codes(sortRows(ROWS, { column: 'name', descending: false }, {}))).toEqual(['A', 'D', 'E', 'B', 'C']);
    expect(codes(sortRows(ROWS, { column: 'name', descending: true }, {}))).toEqual(['C', 'B', 'E', 'D', 'A']);
  });

  it('sortRows(rows, code) orders by code', () => {
    expect(codes(sortRows(ROWS, { column: 'code', descending: true }, {}))).toEqual(['E', 'D', 'C', 'B', 'A']);
  });

  it('sortRows(rows, district) keeps wards of one district in input order and the ward without district last', () => {
    expect(codes(sortRows(ROWS, { column: 'district', descending: false }, {}))).toEqual(['C', 'B', 'E', 'A', 'D']);
    expect(codes(sortRows(ROWS, { column: 'district', descending: true }, {}))).toEqual(['A', 'C', 'B', 'E', 'D']);
  });

  it('sortRows(rows, indicator) looks the value up by ward index, missing values last both ways', () => {
    // By ward index 0..4: A=300, B=null, C=100, D=200, E=100.
    const values = { income: [300, null, 100, 200, 100] };
    expect(codes(sortRows(ROWS, { column: 'income', descending: false }, values))).toEqual(['C', 'E', 'D', 'A', 'B']);
    expect(codes(sortRows(ROWS, { column: 'income', descending: true }, values))).toEqual(['A', 'D', 'C', 'E', 'B']);
  });

  it('sortRows(rows, unknown column) keeps the input order', () => {
    expect(codes(sortRows(ROWS, { column: 'nope', descending: true }, {}))).toEqual(['C', 'A', 'D', 'B', 'E']);
  });

  it('sortRows(rows, sort) returns a new array and leaves the input as it was', () => {
    const input = [...ROWS];
    const out = sortRows(input, { column: 'code', descending: false }, {});
    expect(out).not.toBe(input);
    expect(codes(input)).toEqual(['C', 'A', 'D', 'B', 'E']);
    expect(out[0]).toBe(ROWS[1]);
  });

  it('sortRows([], sort) is empty', () => {
    expect(sortRows([], { column: 'score', descending: true }, {})).toEqual([]);
  });
});
