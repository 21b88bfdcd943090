import { encodePngRgb } from './png.js';
import { hash3 } from './random.js';

// The picture behind each image item: a small abstract pattern (gradient, stripes, checks or a
// disc) in colours drawn from the item's hash. Abstract on purpose: no faces, nothing to
// recognise, yet every file is different, so content hashes and dedup behave as with real media.

export const IMAGE_SIZE = 32;
const SALT_IMAGE = 0x1a6e0001;

export function demoImage(key: number, index: number): Uint8Array {
  const h = hash3(key, SALT_IMAGE, index);
  const h2 = hash3(key, SALT_IMAGE + 1, index);
  const a = [h & 0xff, (h >>> 8) & 0xff, (h >>> 16) & 0xff] as const;
  const b = [h2 & 0xff, (h2 >>> 8) & 0xff, (h2 >>> 16) & 0xff] as const;
  const pattern = (h >>> 24) % 4;
  const size = IMAGE_SIZE;
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let t: number; // 0 => colour a, 1 => colour b
      if (pattern === 0) t = (x + y) / (2 * (size - 1));
      else if (pattern === 1) t = (x >> 2) % 2;
      else if (pattern === 2) t = ((x >> 3) + (y >> 3)) % 2;
      else t = (x - 15.5) ** 2 + (y - 15.5) ** 2 < 100 ? 1 : y / (size - 1) / 2;
      const p = (y * size + x) * 3;
      for (let c = 0; c < 3; c++) rgb[p + c] = Math.round(a[c]! + (b[c]! - a[c]!) * t);
    }
  }
  // The line index goes into the lowest blue bit of the first 32 pixels: invisible, and it makes
  // two files identical only if they are the same item.
  for (let bit = 0; bit < 32; bit++) {
    const p = bit * 3 + 2;
    rgb[p] = (rgb[p]! & 0xfe) | ((index >>> bit) & 1);
  }
  return encodePngRgb(size, size, rgb);
}
