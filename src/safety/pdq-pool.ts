// PDQ of many images, on both cores: the calling thread reads files and hashes while libvips
// decodes the next images on libuv's threads (sharp runs each decode there). A 1024×768 JPEG
// costs about 6 ms to decode and 3–4 ms to hash, so with a few images in flight the two cores
// are both busy. Worker threads doing whole images were measured too (BENCHMARKS.md): each
// thread's start-up (libvips, the hash code compiled again) cost more CPU than they saved.
import { ObhutError } from '../errors/index.js';
import { type PdqImageHash, type PdqImageOptions, pdqHashBytes } from './hash-image.js';
import {
  checkedImageSize,
  DEFAULT_MAX_IMAGE_BYTES,
  DEFAULT_MAX_IMAGE_PIXELS,
  readImageFile,
} from './image-input.js';
import { PixelBudget } from './pixel-budget.js';

/**
 * PDQ of many images, several at once: each image's header is read and checked against the
 * limits first, and the pixels decoded at once stay within one budget (one image at the pixel
 * limit, or several smaller ones).
 */
export class PdqPool {
  /** Images to have in flight: enough to keep libvips decoding while this thread hashes. */
  readonly capacity = 4;
  readonly #budget = new PixelBudget(DEFAULT_MAX_IMAGE_PIXELS);

  async hashBytes(
    bytes: Uint8Array,
    options: PdqImageOptions = {},
    label = 'image',
  ): Promise<PdqImageHash> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMAGE_BYTES;
    if (bytes.length > maxBytes) {
      throw new ObhutError(
        'IMAGE_TOO_LARGE',
        `${label}: ${bytes.length} bytes is over the limit of ${maxBytes} bytes`,
      );
    }
    // The header is read once, here: the decode reuses it.
    const header = await checkedImageSize(bytes, options, label);
    return this.#budget.run(header.width * header.height, () =>
      pdqHashBytes(bytes, options, label, header),
    );
  }

  async hashFile(path: string, options: PdqImageOptions = {}): Promise<PdqImageHash> {
    return this.hashBytes(await readImageFile(path, options.maxBytes), options, path);
  }
}
