import { writeFile } from 'node:fs/promises';
import { type Header, pack } from 'tar-stream';

/** A tar member: a file's name and body, or any header (symlinks, directories, FIFOs…). */
export type Member =
  | readonly [name: string, body: Buffer | string]
  | (Partial<Header> & { readonly name: string });

/** Writes a tar of these members, in order. */
export async function writeTar(file: string, members: readonly Member[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => tar.on('end', () => resolve()));
  for (const member of members) {
    if (Array.isArray(member)) tar.entry({ name: member[0] }, member[1] as Buffer | string);
    else tar.entry(member as Header);
  }
  tar.finalize();
  await done;
  const bytes = Buffer.concat(chunks);
  await writeFile(file, bytes);
  return bytes;
}

/** A copy of a tar whose first header declares `size` bytes (checksum fixed up). */
export function withDeclaredSize(tar: Buffer, size: number): Buffer {
  const out = Buffer.from(tar);
  // ustar: size is 11 octal digits at offset 124; checksum (spaces while summing) at 148.
  out.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  out.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += out[i]!;
  out.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return out;
}
