import type { Map as MapLibreMap } from 'maplibre-gl';
import { pngLayout, TEXT_STYLES, type PngLayout, type PngLayoutInput, type Rect, type Swatch, type TextStyle } from './pngLayout';

/** What exportMapPng hands back: the image and where it put everything (for tests and callers). */
export interface MapPng {
  blob: Blob;
  layout: PngLayout;
  /** Device pixels per CSS pixel of the image. */
  pixelRatio: number;
}

const BACKGROUND = '#ffffff';
const FRAME = '#c8ced5';

/**
 * The map as it is on screen, with a title, the legend, the weights and the attribution around
 * it, as a PNG. The map keeps its WebGL drawing buffer only until the frame is shown, so its
 * picture is copied inside a 'render' event of a frame asked for here; the map is not switched to
 * preserveDrawingBuffer, which would slow every frame.
 */
export async function exportMapPng(map: MapLibreMap, content: Omit<PngLayoutInput, 'mapWidth' | 'mapHeight' | 'measure'>): Promise<MapPng> {
  const picture = await captureMap(map);
  const source = map.getCanvas();
  const ratio = map.getPixelRatio();
  const mapWidth = source.clientWidth || picture.width / ratio;
  const mapHeight = source.clientHeight || picture.height / ratio;

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the map image (no 2D canvas).');
  const family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  const font = (style: TextStyle) => `${TEXT_STYLES[style].bold ? '600 ' : ''}${TEXT_STYLES[style].size}px ${family}`;
  const measure = (text: string, style: TextStyle) => {
    context.font = font(style);
    return context.measureText(text).width;
  };
  const layout = pngLayout({ ...content, mapWidth, mapHeight, measure });

  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  context.scale(ratio, ratio);
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, layout.width, layout.height);

  const { map: area } = layout;
  context.drawImage(picture, area.x, area.y, area.width, area.height);
  context.strokeStyle = FRAME;
  context.lineWidth = 1;
  context.strokeRect(area.x - 0.5, area.y - 0.5, area.width + 1, area.height + 1);

  context.textBaseline = 'middle';
  context.textAlign = 'left';
  for (const text of layout.texts) {
    context.font = font(text.style);
    context.fillStyle = TEXT_STYLES[text.style].colour;
    context.fillText(text.text, text.x, text.y + text.height / 2);
  }
  for (const swatch of layout.swatches) drawSwatch(context, swatch, swatch.swatch);

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the map image as PNG.'))), 'image/png'),
  );
  return { blob, layout, pixelRatio: ratio };
}

/**
 * A copy of the map's current picture at device resolution. Waits until the map has loaded what
 * it shows, asks for one more frame and copies the WebGL canvas while that frame is still in it.
 */
export async function captureMap(map: MapLibreMap, timeoutMs = 20_000): Promise<HTMLCanvasElement> {
  const copy = document.createElement('canvas');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The map did not finish drawing; try the export again.')), timeoutMs);
  });
  let drawnNow: (error?: Error) => void = () => undefined;
  const drawn = new Promise<void>((resolve, reject) => {
    drawnNow = (error) => (error ? reject(error) : resolve());
  });
  const onRender = () => {
    const source = map.getCanvas();
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d');
    if (!context) return drawnNow(new Error('This browser cannot draw the map image (no 2D canvas).'));
    context.drawImage(source, 0, 0);
    drawnNow();
  };
  try {
    if (!map.loaded() || map.isMoving()) await Promise.race([map.once('idle'), timeout]);
    map.once('render', onRender);
    map.triggerRepaint();
    await Promise.race([drawn, timeout]);
    return copy;
  } finally {
    clearTimeout(timer);
    map.off('render', onRender);
  }
}

/** The attribution of the map's sources (a basemap's "© OpenStreetMap contributors"), as plain text. */
export function styleAttribution(map: MapLibreMap): string[] {
  const sources = map.getStyle()?.sources ?? {};
  const lines = Object.values(sources)
    .map((source) => ('attribution' in source && typeof source.attribution === 'string' ? plainText(source.attribution) : ''))
    .filter((line) => line !== '');
  return [...new Set(lines)];
}

/** Text of an attribution that may hold links; parsed inertly, never put into the page. */
function plainText(html: string): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

function drawSwatch(context: CanvasRenderingContext2D, r: Rect, swatch: Swatch): void {
  context.save();
  context.setLineDash([]);
  switch (swatch.kind) {
    case 'fill':
      context.fillStyle = swatch.colour;
      context.fillRect(r.x, r.y, r.width, r.height);
      context.strokeStyle = 'rgba(0, 0, 0, 0.25)';
      context.lineWidth = 1;
      context.strokeRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
      break;
    case 'hatch': {
      // As src/map/patterns.ts draws it on the map: dark diagonals every 8 px, both ways every 6.
      const spacing = swatch.cross ? 6 : 8;
      context.fillStyle = '#ffffff';
      context.fillRect(r.x, r.y, r.width, r.height);
      context.beginPath();
      context.rect(r.x, r.y, r.width, r.height);
      context.clip();
      context.strokeStyle = '#141414';
      context.lineWidth = 1.2;
      context.beginPath();
      for (let d = -r.height; d < r.width + r.height; d += spacing) {
        context.moveTo(r.x + d, r.y + r.height);
        context.lineTo(r.x + d + r.height, r.y);
        if (swatch.cross) {
          context.moveTo(r.x + d, r.y);
          context.lineTo(r.x + d + r.height, r.y + r.height);
        }
      }
      context.stroke();
      context.restore();
      context.save();
      context.strokeStyle = 'rgba(0, 0, 0, 0.25)';
      context.strokeRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
      break;
    }
    case 'outline': {
      const inset = swatch.width / 2;
      context.fillStyle = '#ffffff';
      context.fillRect(r.x, r.y, r.width, r.height);
      context.strokeStyle = swatch.colour;
      context.lineWidth = swatch.width;
      if (swatch.dash === 'dashed') context.setLineDash([swatch.width * 1.6, swatch.width]);
      if (swatch.dash === 'dotted') {
        context.lineCap = 'round';
        context.setLineDash([0.01, swatch.width * 1.8]);
      }
      context.strokeRect(r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset);
      break;
    }
    case 'dot': {
      const radius = (swatch.diameter - swatch.strokeWidth) / 2;
      context.beginPath();
      context.arc(r.x + r.width / 2, r.y + r.height / 2, radius, 0, 2 * Math.PI);
      context.fillStyle = swatch.fill;
      context.fill();
      context.strokeStyle = swatch.stroke;
      context.lineWidth = swatch.strokeWidth;
      context.stroke();
      if (swatch.stroke === '#ffffff') {
        // A white-ringed dot reads on white only with a dark edge, as in the on-screen legend.
        context.beginPath();
        context.arc(r.x + r.width / 2, r.y + r.height / 2, radius + swatch.strokeWidth / 2 + 0.5, 0, 2 * Math.PI);
        context.strokeStyle = swatch.fill;
        context.lineWidth = 1;
        context.stroke();
      }
      break;
    }
  }
  context.restore();
}
