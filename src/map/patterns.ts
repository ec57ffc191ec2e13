/** RGBA pixels for map.addImage: a fill pattern drawn in code, so the map needs no sprite file. */
export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A tileable square of diagonal hatching: dark lines one pixel wide (with a light edge so they read
 * over dark fills too) every `spacing` pixels; `cross` adds the other diagonal.
 * hatchPattern(8, false).data.length -> 8 * 8 * 4
 */
export function hatchPattern(spacing: number, cross: boolean): PatternImage {
  if (!Number.isInteger(spacing) || spacing < 3) throw new Error(`invalid spacing: ${spacing}`);
  const size = spacing;
  const data = new Uint8Array(size * size * 4);
  const paint = (x: number, y: number, rgb: number, alpha: number) => {
    const o = (y * size + x) * 4;
    if (data[o + 3] >= alpha) return;
    data[o] = rgb;
    data[o + 1] = rgb;
    data[o + 2] = rgb;
    data[o + 3] = alpha;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size === 0 || (cross && (x - y + size) % size === 0);
      const nextToLine = (x + y + 1) % size === 0 || (cross && (x - y + 1 + size) % size === 0);
      if (onLine) paint(x, y, 20, 235);
      else if (nextToLine) paint(x, y, 255, 150);
    }
  }
  return { width: size, height: size, data };
}
