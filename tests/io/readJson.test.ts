import { describe, expect, it } from 'vitest';
import { readJson } from '../../src/io/readJson';

describe('readJson', () => {
  it('readJson(text) parses JSON after a BOM', () => {
    expect(readJson('\uFEFF{"a": [1, 2]}')).toEqual({ json: { a: [1, 2] } });
  });
  it('readJson(text) names empty files and locates syntax errors by line and column', () => {
    expect(readJson('  \n')).toEqual({ error: 'empty file' });
    const broken = readJson('{\n  "a": 1,\n  "b": }');
    expect('error' in broken && broken.error).toMatch(/^invalid JSON: .*line 3, column \d+/);
  });
});
