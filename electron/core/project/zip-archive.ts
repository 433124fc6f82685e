/**
 * A zip archive opened for reading by code that trusts nothing in it (yauzl underneath).
 *
 * How it works. Opening reads only the central directory — the table of contents at the end
 * of a zip — and judges it before a single entry is inflated: the number of entries, each
 * name (nothing absolute, no `..`, no backslashes, no duplicates), each entry's declared sizes
 * against the caller's per-entry limit, the compression ratio, the total, encryption and
 * compression method, and that no two entries share their compressed bytes (the overlapping
 * trick behind the smallest zip bombs). Reading an entry later inflates it as a stream that
 * yauzl stops as soon as it produces more bytes than declared, and checks its CRC-32, so the
 * declared sizes that were judged are the sizes that reach memory.
 *
 * Why yauzl (with yazl for writing): it reads the central directory with random access from a
 * file descriptor or a buffer without inflating anything, exposes every raw field the checks
 * need, streams each entry on demand, and enforces declared sizes while inflating. fflate is
 * smaller and runs in browsers, but its unzip inflates whole entries into memory and trusts
 * the sizes it is given — the wrong default for files from strangers. Both yauzl and yazl are
 * pure JavaScript with zip64 support and one tiny dependency each.
 */
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PROJECT_LIMITS, formatMiB } from '../../../shared/project/project-limits';
import { ProjectFileError } from './project-file-error';

export type ArchiveSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

/** The largest a named entry may inflate to; null for a name the format does not define. */
export type EntryLimit = (name: string) => number | null;

export interface ArchiveEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly entry: Entry;
}

/** The local file header before an entry's data: 30 bytes plus the name (and extra field). */
const LOCAL_HEADER_BYTES = 30;
/** Info-ZIP's Unicode path field: another tool would read a different name from it. */
const UNICODE_PATH_FIELD = 0x7075;
const UTF8_NAME_FLAG = 0x800;

export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly label: string,
    /** Entries the format defines, by name. */
    readonly entries: ReadonlyMap<string, ArchiveEntry>,
    /** Names the format does not define: never inflated. */
    readonly ignored: readonly string[],
  ) {}

  /** Opens and judges the central directory; throws ProjectFileError on any refusal. */
  static async open(
    source: ArchiveSource,
    label: string,
    limitOf: EntryLimit,
  ): Promise<ZipArchive> {
    const options = { lazyEntries: true, autoClose: false, decodeStrings: false };
    let zip: ZipFile;
    try {
      zip =
        source.kind === 'file'
          ? await yauzl.openPromise(source.path, options)
          : await yauzl.fromBufferPromise(
              Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength),
              options,
            );
    } catch {
      throw new ProjectFileError(
        'not-a-zip',
        `“${label}” is not a FaceShop project: it is not a zip archive, or it is cut short.`,
      );
    }
    try {
      const { entries, ignored } = await judgeDirectory(zip, label, limitOf);
      return new ZipArchive(zip, label, entries, ignored);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflates one entry, at most its declared size, and checks its CRC-32. */
  async read(name: string): Promise<Buffer> {
    const found = this.entries.get(name);
    if (found === undefined) {
      throw new ProjectFileError('missing-entry', `“${this.label}” has no ${name}.`);
    }
    const damaged = (detail: string) =>
      new ProjectFileError('damaged', `“${this.label}” is damaged: ${name} ${detail}.`);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(found.entry);
    } catch {
      throw damaged('cannot be read');
    }
    const chunks: Buffer[] = [];
    let length = 0;
    let checksum = 0;
    try {
      for await (const chunk of stream) {
        const bytes = chunk as Buffer;
        length += bytes.byteLength;
        // yauzl already stops at the declared size; this keeps the promise local and explicit.
        if (length > found.uncompressedSize) throw damaged('is larger than it claims');
        checksum = crc32(bytes, checksum);
        chunks.push(bytes);
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof ProjectFileError) throw error;
      throw damaged('does not unpack');
    }
    if (length !== found.uncompressedSize) throw damaged('is shorter than it claims');
    if (checksum !== found.entry.crc32) throw damaged('fails its checksum');
    return Buffer.concat(chunks, length);
  }

  close(): void {
    this.zip.close();
  }
}

async function judgeDirectory(
  zip: ZipFile,
  label: string,
  limitOf: EntryLimit,
): Promise<{ entries: Map<string, ArchiveEntry>; ignored: string[] }> {
  const refuse = (reason: ConstructorParameters<typeof ProjectFileError>[0], why: string) =>
    new ProjectFileError(reason, `“${label}” cannot be opened: ${why}.`);
  if (zip.entryCount > PROJECT_LIMITS.maxEntries) {
    throw refuse(
      'too-many-entries',
      `it holds ${zip.entryCount} entries; a FaceShop project has at most ${PROJECT_LIMITS.maxEntries}`,
    );
  }
  const entries = new Map<string, ArchiveEntry>();
  const seen = new Set<string>();
  const ignored: string[] = [];
  const all: Entry[] = [];
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      all.push(entry);
      const name = entryName(entry);
      const unsafe = unsafeNameReason(name, entry);
      if (unsafe !== null) {
        throw refuse('unsafe-path', `the entry “${printable(name)}” ${unsafe}`);
      }
      if (seen.has(name)) throw refuse('duplicate-entry', `the entry “${name}” appears twice`);
      seen.add(name);
      if (entry.isEncrypted()) throw refuse('encrypted', `the entry “${name}” is encrypted`);
      const limit = limitOf(name);
      if (limit === null) {
        ignored.push(name);
        continue;
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw refuse(
          'unsupported-compression',
          `the entry “${name}” uses compression method ${entry.compressionMethod}`,
        );
      }
      const size = entry.uncompressedSize;
      if (size > limit) {
        throw refuse(
          'entry-too-large',
          `the entry “${name}” unpacks to ${formatMiB(size)}; at most ${formatMiB(limit)} is allowed`,
        );
      }
      if (
        size > PROJECT_LIMITS.ratioExemptBytes &&
        size > entry.compressedSize * PROJECT_LIMITS.maxCompressionRatio
      ) {
        throw refuse(
          'suspicious-ratio',
          `the entry “${name}” would unpack ${entry.compressedSize === 0 ? 'from nothing' : `${Math.round(size / entry.compressedSize)} times larger than it is stored`}, the mark of a zip bomb`,
        );
      }
      total += size;
      if (total > PROJECT_LIMITS.maxTotalBytes) {
        throw refuse(
          'total-too-large',
          `its entries unpack to more than ${formatMiB(PROJECT_LIMITS.maxTotalBytes)}`,
        );
      }
      entries.set(name, {
        name,
        compressedSize: entry.compressedSize,
        uncompressedSize: size,
        entry,
      });
    }
  } catch (error) {
    if (error instanceof ProjectFileError) throw error;
    throw refuse('damaged', 'its table of contents is damaged');
  }
  if (sharesBytes(all)) {
    throw refuse('overlapping-entries', 'its entries overlap one another, the mark of a zip bomb');
  }
  return { entries, ignored };
}

/**
 * Names are decoded byte for byte (latin1): the format's own names are ASCII, and every check
 * below concerns ASCII characters, which UTF-8 never uses inside a multi-byte character.
 */
function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return (entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0
    ? raw.toString('utf8')
    : raw.toString('latin1');
}

function unsafeNameReason(name: string, entry: Entry): string | null {
  if (name.length === 0) return 'has no name';
  if (name.includes('\0')) return 'has a name with a NUL character';
  if (name.includes('\\')) return 'uses backslashes, which could escape the archive on Windows';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').includes('..')) return 'climbs out of the archive with “..”';
  if (entry.extraFields.some((field) => field.id === UNICODE_PATH_FIELD)) {
    return 'carries a second name that other tools would use instead';
  }
  return null;
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 200);
}

/**
 * Whether two entries' data could overlap. Each entry occupies at least its local header
 * (30 bytes and its name) plus its compressed data from its header's offset on; well-formed
 * archives lay these end to end, a bomb of overlapping entries points many headers into the
 * same bytes.
 */
function sharesBytes(entries: readonly Entry[]): boolean {
  const spans = entries
    .map((entry) => ({
      start: entry.relativeOffsetOfLocalHeader,
      end:
        entry.relativeOffsetOfLocalHeader +
        LOCAL_HEADER_BYTES +
        entry.fileNameLength +
        entry.compressedSize,
    }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if ((spans[i] as { start: number }).start < (spans[i - 1] as { end: number }).end) return true;
  }
  return false;
}
