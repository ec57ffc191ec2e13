import { describe, expect, it } from 'vitest';
import { readJson } from '../../src/io/readJson';

describe('readJson', () => {
  it('readJson(text) parses JSON after a BOM', () => {
    expect(readJson('\uFEFF{"a": [1, 2]}')).toEqual({ json: { a: [1, 2] } });
  });
  it('readJson(text) names empty files and locates syntax errors by line and column', () => {
    expect(readJson('  \n')).toEqual({ error: 'empty file' });
    // V8 reports "at position 18" here: the 6th character of line 3.
    expect(readJson('{\n  "a": 1,\n  "b" 2}')).toEqual({ error: 'invalid JSON: Unexpected number in JSON at position 18 (line 3, column 7)' });
  });
});
