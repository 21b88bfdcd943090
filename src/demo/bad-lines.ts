import type { ItemRecord } from './items.js';
import type { BadLineKind } from './plan.js';
import type { Rng } from './random.js';

// Deliberately broken item lines, modelled on what real exports get wrong. Each kind violates
// the item record contract in a way a consumer must detect; none contains a newline.

const INVALID_KINDS = ['video', 'reel', 'story', 'livestream', 'poll'];
const INVALID_REGIONS = ['Germany', 'Deutschland', 'Austria', 'United States', 'Europe', 'D-A-CH'];

/**
 * Serialises `record` broken in the given way. `earlierId` is the id of the latest good line;
 * the planner only plans a duplicate-id line once such a line exists.
 */
export function badLine(
  record: ItemRecord,
  kind: BadLineKind,
  rng: Rng,
  earlierId: string | undefined,
): string {
  switch (kind) {
    case 'truncated-json':
      return truncate(JSON.stringify(record), rng);
    case 'missing-id':
      Reflect.deleteProperty(record, 'id');
      return JSON.stringify(record);
    case 'invalid-kind':
      record.kind = rng.pick(INVALID_KINDS);
      return JSON.stringify(record);
    case 'wrong-type':
      return JSON.stringify(wrongType(record, rng));
    case 'invalid-region':
      (record.subject as Record<string, string>).region = rng.pick(INVALID_REGIONS);
      return JSON.stringify(record);
    case 'duplicate-id':
      if (earlierId === undefined)
        throw new Error('a duplicate-id line needs an earlier good line');
      record.id = earlierId;
      return JSON.stringify(record);
  }
}

/** A field with the right name and the wrong JSON type, as from a sloppy hand-written export. */
function wrongType(record: ItemRecord, rng: Rng): ItemRecord {
  const variant = rng.next();
  if (variant < 0.6) {
    const { platform, account } = record.subject as Record<string, string>;
    record.subject = `${platform}:${account}`;
  } else if (variant < 0.8) {
    // Epoch seconds instead of an RFC 3339 string.
    record.created_at = Math.floor(Date.parse(record.created_at as string) / 1000);
  } else {
    record.signals = { tdm_reserved: 'yes' };
  }
  return record;
}

/** Cuts the line somewhere in its second half, as an interrupted write does; never parses. */
function truncate(line: string, rng: Rng): string {
  let cut = Math.floor(line.length * (0.5 + 0.45 * rng.next()));
  // Do not split a surrogate pair (emoji): the line must stay valid UTF-16 and so valid UTF-8.
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return line.slice(0, cut);
}
