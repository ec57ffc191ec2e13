// Input files for the loaders' tests, written by hand so that every byte is known: shapefiles
// (.shp and .dbf) and .xlsx workbooks.

type Ring = [number, number][];

/**
 * A polygon shapefile (.shp and .dbf) of one square per name, written by hand: each square is
 * `size` wide with its corner at `origin` + i * `step`; the outer rings go clockwise, as ESRI's do.
 */
export function shapefile(
  names: string[],
  encode: (text: string) => Uint8Array,
  origin: [number, number],
  size: number,
): { shp: Uint8Array; dbf: Uint8Array } {
  const rings: Ring[] = names.map((_, i) => {
    const [x, y] = [origin[0] + i * size * 2, origin[1]];
    return [[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]];
  });
  const recordLength = 4 + 32 + 4 + 4 + 4 + 16 * 5;
  const shp = new DataView(new ArrayBuffer(100 + rings.length * (8 + recordLength)));
  shp.setInt32(0, 9994);
  shp.setInt32(24, shp.byteLength / 2);
  shp.setInt32(28, 1000, true);
  shp.setInt32(32, 5, true);
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) => shp.setFloat64(36 + 8 * i, v, true));
  let at = 100;
  rings.forEach((ring, i) => {
    shp.setInt32(at, i + 1);
    shp.setInt32(at + 4, recordLength / 2);
    shp.setInt32(at + 8, 5, true);
    [ring[0][0], ring[0][1], ring[2][0], ring[2][1]].forEach((v, k) => shp.setFloat64(at + 12 + 8 * k, v, true));
    shp.setInt32(at + 44, 1, true);
    shp.setInt32(at + 48, 5, true);
    shp.setInt32(at + 52, 0, true);
    ring.forEach(([x, y], k) => {
      shp.setFloat64(at + 56 + 16 * k, x, true);
      shp.setFloat64(at + 64 + 16 * k, y, true);
    });
    at += 8 + recordLength;
  });

  // dBase III: one header, two character fields (code, naam), space-padded records, 0x1a at the end.
  const fields: [string, number][] = [['code', 10], ['naam', 80]];
  const headerLength = 32 + 32 * fields.length + 1;
  const recordSize = 1 + fields.reduce((sum, [, length]) => sum + length, 0);
  const dbf = new Uint8Array(headerLength + names.length * recordSize + 1).fill(0x20, headerLength);
  const header = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  header.setUint32(4, names.length, true);
  header.setUint16(8, headerLength, true);
  header.setUint16(10, recordSize, true);
  fields.forEach(([name, length], i) => {
    dbf.fill(0, 32 + 32 * i, 64 + 32 * i);
    dbf.set(new TextEncoder().encode(name), 32 + 32 * i);
    dbf[32 + 32 * i + 11] = 'C'.charCodeAt(0);
    dbf[32 + 32 * i + 16] = length;
  });
  dbf[headerLength - 1] = 0x0d;
  names.forEach((name, i) => {
    const start = headerLength + i * recordSize;
    dbf.set(new TextEncoder().encode(`W${i + 1}`), start + 1);
    dbf.set(encode(name), start + 1 + fields[0][1]);
  });
  dbf[dbf.length - 1] = 0x1a;
  return { shp: new Uint8Array(shp.buffer), dbf };
}

// Workbooks are written here by hand, as small as Excel's format allows: a ZIP archive (stored,
// not compressed) with the workbook, its relations, a style sheet and one XML file per sheet.

/** A cell: text, a number, a date (Excel serial day, styled as a date), or empty. */
export type Cell = string | number | { date: number } | null;

/**
 * A workbook of the given sheets; `merges` are Excel ranges of merged cells ("B1:D1"), written
 * after the sheet data as Excel does (the value stays in the range's first cell).
 */
export function xlsx(sheets: { name: string; rows: Cell[][]; merges?: string[] }[]): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rIdStyles" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    // Style 1 is Excel's built-in date format 14 (d/m/yyyy).
    'xl/styles.xml':
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}"><cellXfs count="2">` +
      '<xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
  };
  sheets.forEach((s, i) => {
    const rows = s.rows
      .map((cells, r) => {
        const xml = cells
          .map((cell, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (cell === null) return '';
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === 'object') return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
            return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${xml}</row>`;
      })
      .join('');
    const merges = s.merges?.length
      ? `<mergeCells count="${s.merges.length}">${s.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
      : '';
    files[`xl/worksheets/sheet${i + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${rows}</sheetData>${merges}</worksheet>`;
  });
  return zip(files);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A ZIP archive of text files, stored without compression. */
function zip(files: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const local: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  let count = 0;
  for (const [name, text] of Object.entries(files)) {
    const path = [...encoder.encode(name)];
    const data = [...encoder.encode(text)];
    const crc = crc32(data);
    const offset = local.length;
    // version 2.0, no flags, stored, DOS date 1980-01-01
    const common = [...u16(20), ...u16(0), ...u16(0), ...u16(0), ...u16(0x21), ...u32(crc), ...u32(data.length), ...u32(data.length), ...u16(path.length), ...u16(0)];
    local.push(...u32(0x04034b50), ...common, ...path, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...path);
    count += 1;
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(count), ...u16(count), ...u32(central.length), ...u32(local.length), ...u16(0)];
  return new Uint8Array([...local, ...central, ...end]);
}

function crc32(bytes: number[]): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
