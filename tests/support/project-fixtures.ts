/**
 * Projects made on the fly for the project-file tests: generated photos (never training data),
 * a document with every layer type, a PhotoStore holding its photos, and helpers to take a
 * saved archive apart and put it back together with one part changed.
 */
import yauzl from 'yauzl';
import { createEmptyDocument, type FaceDocument, type Stroke } from '../../shared/document';
import { openPhoto } from '../../electron/core/photos/open-photo';
import { PhotoStore } from '../../electron/core/photos/photo-store';
import { gradientRaw } from './photo-fixtures';
import { buildZip, type RawEntry } from './raw-zip';

export async function gradientJpeg(width = 160, height = 200, phase = 0): Promise<Uint8Array> {
  return new Uint8Array(await gradientRaw(width, height, phase).jpeg({ quality: 90 }).toBuffer());
}

export async function gradientPng(width = 64, height = 64, phase = 0): Promise<Uint8Array> {
  return new Uint8Array(await gradientRaw(width, height, phase).png().toBuffer());
}

export interface StoredPhotos {
  readonly store: PhotoStore;
  readonly photoId: string;
  readonly photoBytes: Uint8Array;
  readonly sourceId: string;
  readonly sourceBytes: Uint8Array;
}

/** A store with a portrait (JPEG) and a second photo to paste from (PNG), opened as the app does. */
export async function storeWithPhotos(store = new PhotoStore()): Promise<StoredPhotos> {
  const photoBytes = await gradientJpeg(160, 200);
  const sourceBytes = await gradientPng(64, 64, 40);
  const photo = await openPhoto(
    { source: 'bytes', fileName: 'portrait.jpg', bytes: photoBytes },
    store,
  );
  const source = await openPhoto(
    { source: 'bytes', fileName: 'donor.png', bytes: sourceBytes },
    store,
  );
  if (!photo.ok || !source.ok) throw new Error('the generated photos did not open');
  return {
    store,
    photoId: photo.value.photoId,
    photoBytes,
    sourceId: source.value.photoId,
    sourceBytes,
  };
}

function stroke(id: string, points: [number, number][], width: number, color?: string): Stroke {
  return {
    id,
    tool: 'paint',
    points: points.map(([x, y]) => ({ x, y, pressure: 1 })),
    width,
    ...(color === undefined ? {} : { color }),
  };
}

/**
 * Something in every kind of layer: mask (paint and erase), color, sketch (pressure), iris,
 * and a pasted region with its own channels and placement; switches set off their defaults.
 */
export function documentWithEveryLayer(
  photo: { assetId: string; width: number; height: number },
  sourceAssetId: string,
): FaceDocument {
  const empty = createEmptyDocument(photo, 1234);
  return {
    ...empty,
    workArea: { x: 16, y: 30, size: 128 },
    layers: [
      ...empty.layers.map((layer) => {
        switch (layer.kind) {
          case 'mask':
            return {
              ...layer,
              opacity: 0.5,
              strokes: [
                stroke(
                  'm1',
                  [
                    [60, 80],
                    [100, 90],
                    [110, 120],
                  ],
                  28,
                ),
                { ...stroke('m2', [[100, 100]], 6), tool: 'erase' as const },
              ],
            };
          case 'color':
            return {
              ...layer,
              strokes: [
                stroke(
                  'c1',
                  [
                    [70, 85],
                    [95, 88],
                  ],
                  8,
                  '#8a5a44',
                ),
              ],
            };
          case 'sketch':
            return {
              ...layer,
              locked: true,
              strokes: [
                {
                  ...stroke(
                    's1',
                    [
                      [62, 78],
                      [80, 70],
                      [104, 84],
                    ],
                    3,
                  ),
                  points: [
                    { x: 62, y: 78, pressure: 0.4 },
                    { x: 80, y: 70, pressure: 0.9 },
                    { x: 104, y: 84, pressure: 0.6 },
                  ],
                },
              ],
            };
          case 'iris':
            return {
              ...layer,
              marks: [{ id: 'i1', center: { x: 84, y: 96 }, radius: 7, color: '#336699' }],
            };
          default:
            return layer;
        }
      }),
      {
        id: 'region-1',
        name: 'Nose from donor',
        kind: 'pasted-region',
        visible: true,
        opacity: 0.8,
        locked: false,
        sourceAssetId,
        channels: {
          mask: [
            stroke(
              'r1',
              [
                [10, 10],
                [30, 30],
              ],
              12,
            ),
          ],
          sketch: [
            stroke(
              'r2',
              [
                [12, 12],
                [28, 26],
              ],
              2,
            ),
          ],
          color: [
            stroke(
              'r3',
              [
                [14, 20],
                [26, 22],
              ],
              5,
              '#c08070',
            ),
          ],
        },
        transform: { x: 70, y: 110, scale: 0.75, angle: -10 },
      },
    ],
  };
}

export interface ArchiveEntryData {
  readonly name: string;
  readonly data: Buffer;
  readonly method: number;
}

/** Every entry of a zip, inflated (for tests of what the writer wrote). */
export async function unzipAll(bytes: Uint8Array): Promise<ArchiveEntryData[]> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes), { lazyEntries: true });
  const out: ArchiveEntryData[] = [];
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    out.push({
      name: entry.fileName,
      data: Buffer.concat(chunks),
      method: entry.compressionMethod,
    });
  }
  return out;
}

/**
 * A saved project taken apart, changed by `change`, and zipped again with the raw writer —
 * how the tests make a file that is valid in every way but one.
 */
export async function rezip(
  bytes: Uint8Array,
  change: (entries: RawEntry[]) => RawEntry[] | void,
): Promise<Buffer> {
  const entries: RawEntry[] = (await unzipAll(bytes)).map((entry) => ({
    name: entry.name,
    data: entry.data,
    method: entry.method,
  }));
  return buildZip(change(entries) ?? entries);
}

/** Replaces one JSON entry's content. */
export function editJson(
  entries: RawEntry[],
  name: string,
  edit: (value: Record<string, unknown>) => unknown,
): RawEntry[] {
  return entries.map((entry) => {
    if (entry.name !== name) return entry;
    const value = JSON.parse(Buffer.from(entry.data).toString('utf8')) as Record<string, unknown>;
    return { ...entry, data: Buffer.from(JSON.stringify(edit(value))) };
  });
}
