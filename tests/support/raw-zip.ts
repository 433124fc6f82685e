/**
 * A zip writer for tests that needs to lie: hand-built local headers, central directory and
 * end record, with every field a hostile archive might fake (names yazl would refuse, sizes,
 * CRCs, flags, compression methods, entries sharing their data). Real archives come from the
 * app's own writer; this one makes the files the loader must refuse.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflated (default), anything else to test refusals. */
  readonly method?: number;
  /** Overrides of what the central directory claims. */
  readonly declaredSize?: number;
  readonly declaredCompressedSize?: number;
  readonly crc?: number;
  readonly flags?: number;
  /** Point this entry's header at another entry's (by index): overlapping data. */
  readonly sameDataAs?: number;
  /** Raw extra field bytes for the central directory. */
  readonly extra?: Uint8Array;
}

export function buildZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const name = Buffer.from(entry.name, 'utf8');
    const stored = method === 8 ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const crc = entry.crc ?? crc32(entry.data);
    const flags = (entry.flags ?? 0) | 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const own = offset;
    offsets.push(own);
    locals.push(local, name, stored);
    offset += local.length + name.length + stored.length;

    const extra = Buffer.from(entry.extra ?? new Uint8Array());
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.declaredCompressedSize ?? stored.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    const headerAt = entry.sameDataAs === undefined ? own : (offsets[entry.sameDataAs] as number);
    central.writeUInt32LE(headerAt, 42);
    centrals.push(central, name, extra);
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const text = (value: string): Uint8Array => new TextEncoder().encode(value);
export const jsonBytes = (value: unknown): Uint8Array => text(JSON.stringify(value));
