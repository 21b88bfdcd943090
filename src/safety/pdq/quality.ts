const fround = Math.fround;

/**
 * The reference's image-domain quality on the 64×64 buffer: the summed absolute neighbour
 * differences, each scaled to 0..100 and truncated, divided by 90 and capped at 100.
 */
export function pdqQuality(a: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      sum += Math.abs(
        Math.trunc(fround(fround(fround(a[(i + 1) * 64 + j]! - a[i * 64 + j]!) * 100) / 255)),
      );
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      sum += Math.abs(
        Math.trunc(fround(fround(fround(a[i * 64 + j + 1]! - a[i * 64 + j]!) * 100) / 255)),
      );
    }
  }
  return Math.min(100, Math.trunc(sum / 90));
}
