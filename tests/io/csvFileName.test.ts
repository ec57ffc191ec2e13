import { describe, expect, it } from 'vitest';
import { csvFileName } from '../../src/io/csvFileName';

describe('csvFileName', () => {
  it('csvFileName(base, date) appends the local date', () => {
    expect(csvFileName('chw-ranking', new Date(2026, 10, 23, 23, 59))).toBe('chw-ranking-2026-11-23.csv');
    expect(csvFileName('chw-ranking', new Date(2026, 0, 5))).toBe('chw-ranking-2026-01-05.csv');
  });

  it('csvFileName(base, date, extension) names other downloads the same way', () => {
    expect(csvFileName('chw-map', new Date(2026, 10, 23), 'png')).toBe('chw-map-2026-11-23.png');
  });

  it('csvFileName(base, date) replaces characters that file systems refuse', () => {
    expect(csvFileName('Tienen/Leuven: top 10', new Date(2026, 10, 23))).toBe('Tienen-Leuven- top 10-2026-11-23.csv');
    expect(csvFileName('  ', new Date(2026, 10, 23))).toBe('export-2026-11-23.csv');
  });
});
