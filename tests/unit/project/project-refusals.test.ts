/**
 * The loader trusts nothing: every malformed or hostile file is refused with its own reason
 * and a sentence that says what is wrong — and a refused file changes nothing, on disk or in
 * the photos the open document uses.
 */
import { mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { openProject } from '../../../electron/core/project/open-project';
import { ProjectFileError } from '../../../electron/core/project/project-file-error';
import { readProjectFile } from '../../../electron/core/project/read-project-file';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import { PROJECT_LIMITS } from '../../../shared/project/project-limits';
import {
  documentWithEveryLayer,
  editJson,
  gradientJpeg,
  rezip,
  storeWithPhotos,
  type StoredPhotos,
} from '../../support/project-fixtures';
import { buildZip, jsonBytes, text, type RawEntry } from '../../support/raw-zip';
import { makeTempDir } from '../../support/temp-dir';

let valid: Buffer;
let photos: StoredPhotos;

beforeAll(async () => {
  photos = await storeWithPhotos();
  const document = documentWithEveryLayer(
    { assetId: photos.photoId, width: 160, height: 200 },
    photos.sourceId,
  );
  const dir = await mkdtemp(path.join(tmpdir(), 'faceshop-refusals-'));
  const file = path.join(dir, 'valid.faceshop');
  const saved = await saveProjectFile(document, file, {
    photos: photos.store,
    appVersion: '1.0.0',
    model: null,
    withPreview: true,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  valid = await readFile(file);
  await rm(dir, { recursive: true, force: true });
});

async function refusalOf(bytes: Uint8Array): Promise<ProjectFileError> {
  try {
    await readProjectFile({ kind: 'bytes', bytes }, 'bad.faceshop');
  } catch (error) {
    if (error instanceof ProjectFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const photoEntry = () => `assets/${photos.photoId}.jpg`;

describe('files that are not FaceShop projects', () => {
  it('refuses bytes that are not a zip', async () => {
    const error = await refusalOf(text('meeting notes, not a project'));
    expect(error.reason).toBe('not-a-zip');
    expect(error.message).toBe(
      '“bad.faceshop” is not a FaceShop project: it is not a zip archive, or it is cut short.',
    );
  });

  it('refuses a photo renamed to .faceshop, an empty file and a truncated project', async () => {
    expect((await refusalOf(await gradientJpeg(20, 20))).reason).toBe('not-a-zip');
    expect((await refusalOf(new Uint8Array())).reason).toBe('not-a-zip');
    expect((await refusalOf(valid.subarray(0, valid.length - 40))).reason).toBe('not-a-zip');
  });

  it('refuses a zip without a manifest, and one whose manifest is not FaceShop’s', async () => {
    const plain = buildZip([{ name: 'readme.txt', data: text('hello') }]);
    expect(await refusalOf(plain)).toMatchObject({
      reason: 'not-a-project',
      message:
        '“bad.faceshop” is a zip archive but not a FaceShop project: it has no manifest.json.',
    });
    const other = buildZip([{ name: 'manifest.json', data: jsonBytes({ format: 'epub' }) }]);
    expect((await refusalOf(other)).reason).toBe('not-a-project');
  });
});

describe('zip bombs and hostile archives, judged before anything is inflated', () => {
  it('refuses more entries than a project can have', async () => {
    const entries: RawEntry[] = Array.from({ length: PROJECT_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `junk/${i}`,
      data: text('x'),
    }));
    expect(await refusalOf(buildZip(entries))).toMatchObject({
      reason: 'too-many-entries',
      message: expect.stringContaining('holds 65 entries; a FaceShop project has at most 64'),
    });
  });

  it('refuses an entry that claims to unpack beyond its limit', async () => {
    const bytes = await rezip(valid, (entries) =>
      entries.map((entry) =>
        entry.name === photoEntry()
          ? { ...entry, method: 8, declaredSize: PROJECT_LIMITS.maxAssetBytes + 1 }
          : entry,
      ),
    );
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'entry-too-large',
      message: expect.stringContaining('unpacks to 512 MB; at most 512 MB is allowed'),
    });
  });

  it('refuses a manifest larger than 1 MB', async () => {
    const bytes = await rezip(valid, (entries) =>
      entries.map((entry) =>
        entry.name === 'manifest.json' ? { ...entry, declaredSize: 2 * 1024 * 1024 } : entry,
      ),
    );
    expect((await refusalOf(bytes)).reason).toBe('entry-too-large');
  });

  it('refuses a deflate bomb by its ratio without unpacking it', async () => {
    // 64 MB of zeros deflate to ~64 kB: 1000:1.
    const zeros = new Uint8Array(PROJECT_LIMITS.maxDocumentBytes);
    const bytes = await rezip(valid, (entries) =>
      entries.map((entry) => (entry.name === 'document.json' ? { ...entry, data: zeros } : entry)),
    );
    const started = performance.now();
    const error = await refusalOf(bytes);
    expect(error).toMatchObject({
      reason: 'suspicious-ratio',
      message: expect.stringMatching(/document\.json” would unpack \d+ times larger .* zip bomb/),
    });
    // Judged from the directory: inflating 64 MB would take far longer than this.
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses entries whose total would unpack beyond the limit', async () => {
    const big = (name: string): RawEntry => ({
      name,
      data: text('x'),
      method: 0,
      declaredSize: PROJECT_LIMITS.maxAssetBytes,
      declaredCompressedSize: PROJECT_LIMITS.maxAssetBytes,
    });
    const bytes = buildZip([
      { name: 'manifest.json', data: text('{}') },
      big('assets/a.jpg'),
      big('assets/b.jpg'),
      big('assets/c.jpg'),
    ]);
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'total-too-large',
      message: expect.stringContaining('unpack to more than 1152 MB'),
    });
  });

  it('refuses entries that share their compressed bytes (overlapping entries)', async () => {
    const bytes = await rezip(valid, (entries) => [
      ...entries,
      { name: 'assets/again.jpg', data: entries[0]?.data ?? new Uint8Array(), sameDataAs: 0 },
    ]);
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'overlapping-entries',
      message: expect.stringContaining('overlap one another'),
    });
  });

  it('refuses an entry that inflates to more than it declared', async () => {
    const bytes = await rezip(valid, (entries) =>
      entries.map((entry) =>
        entry.name === 'document.json' ? { ...entry, declaredSize: 100 } : entry,
      ),
    );
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'damaged',
      message: '“bad.faceshop” is damaged: document.json does not unpack.',
    });
  });

  it('refuses an entry whose CRC-32 does not match', async () => {
    const bytes = await rezip(valid, (entries) =>
      entries.map((entry) => (entry.name === 'document.json' ? { ...entry, crc: 1234 } : entry)),
    );
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'damaged',
      message: '“bad.faceshop” is damaged: document.json fails its checksum.',
    });
  });

  it('refuses encrypted entries and unknown compression methods', async () => {
    const encrypted = await rezip(valid, (entries) =>
      entries.map((entry) => (entry.name === 'document.json' ? { ...entry, flags: 1 } : entry)),
    );
    expect(await refusalOf(encrypted)).toMatchObject({
      reason: 'encrypted',
      message: expect.stringContaining('the entry “document.json” is encrypted'),
    });
    const bzip2 = await rezip(valid, (entries) =>
      entries.map((entry) => (entry.name === 'document.json' ? { ...entry, method: 12 } : entry)),
    );
    expect(await refusalOf(bzip2)).toMatchObject({
      reason: 'unsupported-compression',
      message: expect.stringContaining('compression method 12'),
    });
  });

  it('refuses two entries with the same name', async () => {
    const bytes = await rezip(valid, (entries) => [...entries, entries[1] as RawEntry]);
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'duplicate-entry',
      message: expect.stringContaining('the entry “document.json” appears twice'),
    });
  });

  it.each([
    ['../outside.txt', 'climbs out of the archive with “..”'],
    ['assets/../../etc/passwd', 'climbs out of the archive with “..”'],
    ['/etc/passwd', 'has an absolute path'],
    ['C:/Windows/win.ini', 'has an absolute path'],
    ['assets\\..\\evil.jpg', 'uses backslashes'],
  ])('refuses the path %s, even for an entry it would never read', async (name, why) => {
    const bytes = await rezip(valid, (entries) => [...entries, { name, data: text('x') }]);
    const error = await refusalOf(bytes);
    expect(error.reason).toBe('unsafe-path');
    expect(error.message).toContain(why);
  });

  it('refuses a second (Unicode) name that other tools would extract instead', async () => {
    const extra = Buffer.alloc(4 + 5 + 9);
    extra.writeUInt16LE(0x7075, 0);
    extra.writeUInt16LE(14, 2);
    extra.writeUInt8(1, 4);
    const bytes = await rezip(valid, (entries) => [
      ...entries,
      { name: 'notes.txt', data: text('x'), extra },
    ]);
    expect((await refusalOf(bytes)).reason).toBe('unsafe-path');
  });
});

describe('projects with missing or malformed parts', () => {
  it('refuses a project without document.json', async () => {
    const bytes = await rezip(valid, (entries) =>
      entries.filter((e) => e.name !== 'document.json'),
    );
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'missing-entry',
      message: '“bad.faceshop” cannot be opened: it has no document.json.',
    });
  });

  it('refuses a project whose photo is missing or damaged', async () => {
    const missing = await rezip(valid, (entries) => entries.filter((e) => e.name !== photoEntry()));
    expect(await refusalOf(missing)).toMatchObject({
      reason: 'missing-entry',
      message: `“bad.faceshop” cannot be opened: its photo ${photoEntry()} is missing.`,
    });
    const damaged = await rezip(valid, (entries) =>
      entries.map((entry) =>
        entry.name === photoEntry()
          ? { ...entry, data: Buffer.from(entry.data).fill(7, 100, 120) }
          : entry,
      ),
    );
    expect(await refusalOf(damaged)).toMatchObject({
      reason: 'damaged',
      message: `“bad.faceshop” cannot be opened: its photo ${photoEntry()} is damaged.`,
    });
  });

  it('refuses a manifest that is not JSON, or whose fields have the wrong types', async () => {
    const notJson = await rezip(valid, (entries) =>
      entries.map((e) => (e.name === 'manifest.json' ? { ...e, data: text('{ nope') } : e)),
    );
    expect(await refusalOf(notJson)).toMatchObject({
      reason: 'invalid-manifest',
      message: '“bad.faceshop” cannot be opened: its manifest is not valid JSON.',
    });
    const wrongTypes = await rezip(valid, (entries) =>
      editJson(entries, 'manifest.json', (manifest) => ({ ...manifest, createdAt: 12 })),
    );
    const error = await refusalOf(wrongTypes);
    expect(error.reason).toBe('invalid-manifest');
    expect(error.message).toContain('its manifest is invalid');
    expect(error.message).toContain('createdAt');
  });

  it('refuses a document with the wrong types where nothing can be repaired', async () => {
    const bytes = await rezip(valid, (entries) =>
      editJson(entries, 'document.json', (document) => ({ ...document, layers: 'all of them' })),
    );
    expect(await refusalOf(bytes)).toMatchObject({
      reason: 'invalid-document',
      message: '“bad.faceshop” cannot be opened: the document has no list of layers.',
    });
    const noPhoto = await rezip(valid, (entries) =>
      editJson(entries, 'document.json', (document) => ({ ...document, photo: { width: 'wide' } })),
    );
    expect((await refusalOf(noPhoto)).reason).toBe('invalid-document');
  });

  it('says a document that is not JSON is damaged, not "not an object" (finding 9)', async () => {
    const broken = await rezip(valid, (entries) =>
      entries.map((e) =>
        e.name === 'document.json' ? { ...e, data: Buffer.from('{"layers": [tru') } : e,
      ),
    );
    expect(await refusalOf(broken)).toMatchObject({
      reason: 'invalid-document',
      message:
        '“bad.faceshop” cannot be opened: its document is not valid JSON (the file is damaged).',
    });
  });

  it('refuses a project made by a newer FaceShop, by its project or its document version', async () => {
    const newerProject = await rezip(valid, (entries) =>
      editJson(entries, 'manifest.json', (manifest) => ({
        ...manifest,
        schemaVersion: 7,
        app: { name: 'FaceShop', version: '9.0.0' },
      })),
    );
    const error = await refusalOf(newerProject);
    expect(error).toMatchObject({
      reason: 'too-new',
      message: '“bad.faceshop” was made by a newer FaceShop (9.0.0); update FaceShop to open it.',
    });
    expect(error.code).toBe('project-too-new');
    const newerDocument = await rezip(valid, (entries) =>
      editJson(entries, 'document.json', (document) => ({ ...document, schemaVersion: 2 })),
    );
    expect((await refusalOf(newerDocument)).reason).toBe('too-new');
  });
});

describe('opening refused files', () => {
  it('changes nothing on disk and leaves the open photos as they were', async () => {
    const dir = await makeTempDir();
    const file = path.join(dir, 'bomb.faceshop');
    const bomb = await rezip(valid, (entries) =>
      entries.map((e) =>
        e.name === 'document.json' ? { ...e, data: new Uint8Array(8 * 1024 * 1024) } : e,
      ),
    );
    await writeFile(file, bomb);
    const store = new PhotoStore();
    const kept = await storeWithPhotos(store);
    const before = { names: await readdir(dir), bytes: await readFile(file), size: store.size };

    const opened = await openProject({ source: 'path', path: file }, store);
    expect(opened).toMatchObject({ ok: false, error: { code: 'project-unreadable' } });
    expect(await readdir(dir)).toEqual(before.names);
    expect(await readFile(file)).toEqual(before.bytes);
    expect(store.size).toBe(before.size);
    expect(store.get(kept.photoId)?.source).toBe(kept.photoBytes);
  });

  it('refuses a missing path, a folder and a file over the size limit before reading it', async () => {
    const dir = await makeTempDir();
    const store = new PhotoStore();
    expect(
      await openProject({ source: 'path', path: path.join(dir, 'gone.faceshop') }, store),
    ).toEqual({
      ok: false,
      error: {
        code: 'project-not-found',
        message: `There is no project at ${path.join(dir, 'gone.faceshop')}.`,
      },
    });
    expect(await openProject({ source: 'path', path: dir }, store)).toMatchObject({
      ok: false,
      error: { code: 'project-unreadable', message: expect.stringContaining('is not a file') },
    });
    const huge = path.join(dir, 'huge.faceshop');
    await writeFile(huge, '');
    await truncate(huge, PROJECT_LIMITS.maxFileBytes + 1); // sparse: no disk space used
    expect(await openProject({ source: 'path', path: huge }, store)).toMatchObject({
      ok: false,
      error: {
        code: 'project-unreadable',
        message: '“huge.faceshop” is 1152 MB; FaceShop opens projects up to 1152 MB.',
      },
    });
  });

  it('refuses a photo that is not an image, and one whose size contradicts the document', async () => {
    const notImage = await rezipWithPhoto(text('not a photo at all'));
    expect(
      await openProject(
        { source: 'bytes', fileName: 'x.faceshop', bytes: notImage },
        new PhotoStore(),
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'project-unreadable',
        message: '“x.faceshop” cannot be opened: its photo “portrait.jpg” cannot be decoded.',
      },
    });
    const otherSize = await rezipWithPhoto(await gradientJpeg(100, 100));
    expect(
      await openProject(
        { source: 'bytes', fileName: 'x.faceshop', bytes: otherSize },
        new PhotoStore(),
      ),
    ).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining(
          'its photo is 100 × 100 pixels but the document expects 160 × 200',
        ),
      },
    });
  });
});

/** The valid project with other photo bytes, its manifest updated to match (size, sha256). */
async function rezipWithPhoto(bytes: Uint8Array): Promise<Buffer> {
  const { createHash } = await import('node:crypto');
  return rezip(valid, (entries) =>
    editJson(
      entries.map((e) => (e.name === photoEntry() ? { ...e, data: bytes } : e)),
      'manifest.json',
      (manifest) => ({
        ...manifest,
        assets: (manifest['assets'] as Record<string, unknown>[]).map((asset) =>
          asset['id'] === photos.photoId
            ? {
                ...asset,
                byteLength: bytes.byteLength,
                sha256: createHash('sha256').update(bytes).digest('hex'),
              }
            : asset,
        ),
      }),
    ),
  );
}
