import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/io/decodeText';
import { parseCsv } from '../../src/io/parseCsv';
import { sharedData } from './sharedData';

// "Liège;Tienen\r\n" byte by byte in Windows-1252: è is the single byte 0xE8.
const LIEGE_1252 = new Uint8Array([0x4c, 0x69, 0xe8, 0x67, 0x65, 0x3b, 0x54, 0x69, 0x65, 0x6e, 0x65, 0x6e, 0x0d, 0x0a]);

function utf16le(text: string, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let at = 0;
  if (bom) {
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    at = 2;
  }
  for (let i = 0; i < text.length; i++) {
    bytes[at + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[at + 2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

describe('decodeText', () => {
  it('decodeText(bytes) reads bytes that are not UTF-8 as Windows-1252', () => {
    expect(decodeText(LIEGE_1252)).toEqual({ text: 'Liège;Tienen\r\n', encoding: 'windows-1252', bom: false });
  });

  it('decodeText(bytes) reads Windows-1252 characters that Latin-1 lacks (€, curly quotes)', () => {
    expect(decodeText(new Uint8Array([0x80, 0x20, 0x92, 0x61])).text).toBe('€ ’a');
  });

  it('decodeText(bytes) reads valid UTF-8 as UTF-8', () => {
    const bytes = new TextEncoder().encode('Liège;Tienen\r\n');
    expect(bytes).toHaveLength(LIEGE_1252.length + 1); // è takes two bytes in UTF-8
    expect(decodeText(bytes)).toEqual({ text: 'Liège;Tienen\r\n', encoding: 'utf-8', bom: false });
  });

  it('decodeText(bytes) strips a UTF-8 BOM and reports it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('code;naam\r\n')]);
    expect(decodeText(bytes)).toEqual({ text: 'code;naam\r\n', encoding: 'utf-8', bom: true });
  });

  it('decodeText(bytes) reads Excel\'s "Unicode text" export: UTF-16LE with a BOM and tabs', () => {
    const text = 'Code\tGemeente\r\n62063\tLiège\r\n';
    expect(decodeText(utf16le(text, true))).toEqual({ text, encoding: 'utf-16le', bom: true });
  });

  it('decodeText(bytes) reads UTF-16BE with a BOM', () => {
    const le = utf16le('Écaussinnes', false);
    const be = new Uint8Array(le.length + 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < le.length; i += 2) be.set([le[i + 1], le[i]], i + 2);
    expect(decodeText(be)).toEqual({ text: 'Écaussinnes', encoding: 'utf-16be', bom: true });
  });

  it('decodeText(bytes) recognises UTF-16LE without a BOM by its zero bytes', () => {
    const text = 'code,value\r\nA1,12.5\r\n';
    expect(decodeText(utf16le(text, false))).toEqual({ text, encoding: 'utf-16le', bom: false });
  });

  it('decodeText(bytes) reads an empty file as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  it('decodeText(bytes) then parseCsv(text) reads a Windows-1252 Belgian CSV', () => {
    const header = new TextEncoder().encode('code;gemeente;aandeel\r\n62063;Li');
    const rest = new TextEncoder().encode('ge;12,5\r\n');
    const bytes = new Uint8Array([...header, 0xe8, ...rest]);
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe('windows-1252');
    expect(parseCsv(text, 'f.csv').data?.rows).toEqual([['62063', 'Liège', '12,5']]);
  });

  const refnis = sharedData('statbel-raw/TU_COM_REFNIS.txt');
  it.skipIf(refnis.skip)(`decodeText(bytes) then parseCsv(text) reads Statbel's TU_COM_REFNIS.txt${refnis.note}`, () => {
    const { text, encoding, bom } = decodeText(new Uint8Array(readFileSync(refnis.path)));
    // Statbel publishes it as UTF-8 with a BOM, CRLF line ends and "|" between fields.
    expect([encoding, bom]).toEqual(['utf-8', true]);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const { data, problems } = parseCsv(text, 'TU_COM_REFNIS.txt');
    expect(problems).toEqual([]);
    expect(data?.dialect.delimiter).toBe('|');
    expect(data?.columns).toEqual([
      'LVL_REFNIS',
      'CD_REFNIS',
      'CD_SUP_REFNIS',
      'TX_REFNIS_DE',
      'TX_REFNIS_FR',
      'TX_REFNIS_NL',
      'DT_VLDT_START',
      'DT_VLDT_END',
    ]);
    expect(data?.rows.length).toBeGreaterThan(2700);
    // Line 1749: 4|62063|62000|Lüttich|Liège|Luik|01/01/1970|31/12/9999
    expect(data?.rows.find((row) => row[1] === '62063')).toEqual([
      '4',
      '62063',
      '62000',
      'Lüttich',
      'Liège',
      'Luik',
      '01/01/1970',
      '31/12/9999',
    ]);
    expect(data?.rows.find((row) => row[1] === '02000')?.slice(3, 6)).toEqual([
      'Flämische Region',
      'Région flamande',
      'Vlaams Gewest',
    ]);
  });
});
