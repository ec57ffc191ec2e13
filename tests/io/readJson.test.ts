import { describe, expect, it } from 'vitest';
import { readJson } from '../../src/io/readJson';

describe('readJson', () => {
  it('readJson(text) parses JSON after a BOM', () => {
    expect(readJson('\uFEFF{"a": [1, 2]}')).toEqual({ json: { a: [1, 2] } });
  });
  it('readJson(text) names empty files and locates syntax errors by line and column', () => {
    expect(readJson('  \n')).toEqual({ error: 'empty file', why: { key: 'jsonEmpty' } });
    // V8 reports "at position 18" here: the 6th character of line 3.
    expect(readJson('{\n  "a": 1,\n  "b" 2}')).toMatchObject({
      error: 'invalid JSON: Unexpected number in JSON at position 18 (line 3, column 7): correct the file there or export it again',
    });
  });
  it('readJson(text) says where a cut-off file stops, inside what, whatever the parser reports', () => {
    // V8 says "Unexpected end of JSON input" (no position), "Unterminated string" or "Expected ','".
    expect(readJson('{\n  "a": [1,')).toEqual({
      error: 'invalid JSON: the file stops inside an array at line 2, column 10 (character 12): it looks cut off; download or export it again',
      why: { key: 'jsonCutOff', values: { open: { key: 'jsonOpenArray' }, line: 2, column: 10, character: 12 } },
    });
    expect(readJson('{"a": "Lie')).toMatchObject({
      error: 'invalid JSON: the file stops inside a string at line 1, column 10 (character 10): it looks cut off; download or export it again',
    });
    expect(readJson('{"a": {"b": 1}')).toMatchObject({
      error: 'invalid JSON: the file stops inside an object at line 1, column 14 (character 14): it looks cut off; download or export it again',
    });
    // An escaped quote does not close the string.
    expect(readJson('["a\\"]')).toMatchObject({ error: expect.stringContaining('stops inside a string') });
  });
});
