import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ObhutError } from '../../src/errors/index.js';
import { pdqHashFile } from '../../src/safety/hash-image.js';
import { decodeForPdq } from '../../src/safety/image-input.js';
import { hash256ToHex } from '../../src/safety/pdq/index.js';

const dir = mkdtempSync(join(tmpdir(), 'obhut-image-'));

/** A benign synthetic RGB image: smooth colour gradients with some structure. */
function pattern(width: number, height: number, channels: 3 | 4 = 3): Buffer {
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * channels;
      data[p] = (x * 255) / width;
      data[p + 1] = (y * 255) / height;
      data[p + 2] = ((x ^ y) * 7) & 255;
      if (channels === 4) data[p + 3] = (x + y) & 255;
    }
  }
  return data;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return err instanceof ObhutError ? err.code : `not an ObhutError: ${String(err)}`;
  }
}

describe('decodeForPdq', () => {
  it('drops alpha without compositing: RGBA hashes like its RGB channels', async () => {
    const rgba = await sharp(pattern(64, 48, 4), { raw: { width: 64, height: 48, channels: 4 } })
      .png()
      .toBuffer();
    const rgb = await sharp(pattern(64, 48, 4), { raw: { width: 64, height: 48, channels: 4 } })
      .removeAlpha()
      .png()
      .toBuffer();
    writeFileSync(join(dir, 'rgba.png'), rgba);
    writeFileSync(join(dir, 'rgb.png'), rgb);
    const a = await pdqHashFile(join(dir, 'rgba.png'));
    const b = await pdqHashFile(join(dir, 'rgb.png'));
    expect(hash256ToHex(a.hash)).toBe(hash256ToHex(b.hash));
  });

  it('ignores EXIF orientation', async () => {
    const raw = { raw: { width: 80, height: 60, channels: 3 as const } };
    const plain = await sharp(pattern(80, 60), raw).png().toBuffer();
    const rotated = await sharp(pattern(80, 60), raw)
      .withMetadata({ orientation: 6 })
      .png()
      .toBuffer();
    const a = await decodeForPdq(plain);
    const b = await decodeForPdq(rotated);
    expect(b.pixels.width).toBe(80);
    expect(Buffer.from(b.pixels.data).equals(Buffer.from(a.pixels.data))).toBe(true);
  });

  it('takes the grey path for RGB images whose pixels are all grey', async () => {
    const grey = Buffer.alloc(30 * 20 * 3, 0);
    for (let i = 0; i < grey.length; i++) grey[i] = Math.floor(i / 3) & 255;
    const png = await sharp(grey, { raw: { width: 30, height: 20, channels: 3 } })
      .png()
      .toBuffer();
    const decoded = await decodeForPdq(png);
    expect(decoded.grey).toBe(true);
    expect(decoded.pixels.channels).toBe(1);
  });

  it('resizes images over 512 px to 512×512 under the reference policy only', async () => {
    const png = await sharp(pattern(700, 300), { raw: { width: 700, height: 300, channels: 3 } })
      .png()
      .toBuffer();
    const ref = await decodeForPdq(png);
    expect([ref.pixels.width, ref.pixels.height, ref.originalWidth]).toEqual([512, 512, 700]);
    const full = await decodeForPdq(png, 'full-resolution');
    expect([full.pixels.width, full.pixels.height]).toEqual([700, 300]);
  });

  it('reports garbage and truncated files as IMAGE_INVALID', async () => {
    expect(await codeOf(decodeForPdq(Buffer.from('not an image at all')))).toBe('IMAGE_INVALID');
    const jpeg = await sharp(pattern(200, 200), { raw: { width: 200, height: 200, channels: 3 } })
      .jpeg()
      .toBuffer();
    expect(await codeOf(decodeForPdq(jpeg.subarray(0, jpeg.length >> 1)))).toBe('IMAGE_INVALID');
  });

  it('refuses files over the byte or pixel limit with IMAGE_TOO_LARGE', async () => {
    const png = await sharp(pattern(200, 200), { raw: { width: 200, height: 200, channels: 3 } })
      .png()
      .toBuffer();
    expect(await codeOf(decodeForPdq(png, 'reference-512', { maxPixels: 10_000 }))).toBe(
      'IMAGE_TOO_LARGE',
    );
    expect(await codeOf(decodeForPdq(png, 'reference-512', { maxBytes: 100 }))).toBe(
      'IMAGE_TOO_LARGE',
    );
    writeFileSync(join(dir, 'big.png'), png);
    expect(await codeOf(pdqHashFile(join(dir, 'big.png'), { maxBytes: 100 }))).toBe(
      'IMAGE_TOO_LARGE',
    );
  });

  it('reports a missing file as INPUT_UNREADABLE', async () => {
    expect(await codeOf(pdqHashFile(join(dir, 'missing.png')))).toBe('INPUT_UNREADABLE');
  });
});
