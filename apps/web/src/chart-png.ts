import type { PngCaption } from './chart-snapshot';

interface Drawable {
  getDataURL(options: { type: 'png'; pixelRatio: number; backgroundColor: string; excludeComponents: string[] }): string;
}

const RATIO = 2;
const HEADER = 64;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('chart image did not load'));
    image.src = url;
  });
}

/** A PNG (data URL) of the chart under a header that says what it shows, so a saved image stands alone. */
export async function captionedPng(chart: Drawable, caption: PngCaption, font: string): Promise<string> {
  const drawing = await loadImage(chart.getDataURL({ type: 'png', pixelRatio: RATIO, backgroundColor: '#fff', excludeComponents: ['toolbox', 'dataZoom'] }));
  const canvas = document.createElement('canvas');
  canvas.width = drawing.width;
  canvas.height = drawing.height + HEADER * RATIO;
  const pen = canvas.getContext('2d');
  if (!pen) throw new Error('no 2D canvas');
  pen.fillStyle = '#fff';
  pen.fillRect(0, 0, canvas.width, canvas.height);
  pen.scale(RATIO, RATIO);
  pen.fillStyle = '#111827';
  pen.font = `600 16px ${font}`;
  pen.fillText(caption.title, 12, 26);
  pen.fillStyle = '#4b5563';
  pen.font = `13px ${font}`;
  pen.fillText(caption.caption, 12, 48);
  pen.setTransform(1, 0, 0, 1, 0, 0);
  pen.drawImage(drawing, 0, HEADER * RATIO);
  return canvas.toDataURL('image/png');
}

export function downloadDataUrl(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}
