/**
 * `faceshop render` with the real model: a saved project and the same project saved again
 * after reopening render to identical pixels; the edit changes the masked area and nothing
 * outside the feathered mask; a project without mask paint renders as its photo.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli/run-cli';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { openProject } from '../../../electron/core/project/open-project';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import type { FaceDocument } from '../../../shared/document';
import { documentWithEveryLayer, storeWithPhotos } from '../../support/project-fixtures';
import { MODEL_MANIFEST } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

async function render(args: string[]) {
  const err: string[] = [];
  const code = await runCli(['render', ...args, '--model', MODEL_MANIFEST, '--threads', '2'], {
    out: () => undefined,
    err: (line) => err.push(line),
    cwd: process.cwd(),
  });
  return { code, err };
}

async function pixels(file: string) {
  const { data, info } = await sharp(file)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function savedProject(document: (photo: string, source: string) => FaceDocument) {
  const photos = await storeWithPhotos();
  const dir = await makeTempDir();
  const file = path.join(dir, 'edit.faceshop');
  const saved = await saveProjectFile(document(photos.photoId, photos.sourceId), file, {
    photos: photos.store,
    appVersion: '1',
    model: null,
    withPreview: false,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return { dir, file, photos };
}

const everyLayer = (photo: string, source: string) =>
  documentWithEveryLayer({ assetId: photo, width: 160, height: 200 }, source);

describe('faceshop render', () => {
  it('renders a project and its reopened-and-saved copy to identical pixels', async () => {
    const { dir, file } = await savedProject(everyLayer);
    // Reopen in a fresh backend and save again: what a person does between sessions.
    const store = new PhotoStore();
    const opened = await openProject({ source: 'path', path: file }, store);
    if (!opened.ok) throw new Error(opened.error.message);
    const again = path.join(dir, 'again.faceshop');
    const resaved = await saveProjectFile(opened.value.document, again, {
      photos: store,
      appVersion: '1',
      model: null,
      withPreview: false,
    });
    expect(resaved.ok).toBe(true);

    const first = await render([file, '-o', path.join(dir, 'first.png')]);
    const second = await render([again, '-o', path.join(dir, 'second.png')]);
    expect(first.code, first.err.join('\n')).toBe(0);
    expect(second.code, second.err.join('\n')).toBe(0);
    const a = await pixels(path.join(dir, 'first.png'));
    const b = await pixels(path.join(dir, 'second.png'));
    expect([a.width, a.height]).toEqual([160, 200]);
    expect(a.data.equals(b.data)).toBe(true);
    expect(first.err.at(-1)).toMatch(/^wrote .*first\.png \(160×200; \d+ pixels changed\)$/);
  }, 60_000);

  it('changes the masked area and leaves the photo alone far from the mask', async () => {
    const { dir, file, photos } = await savedProject(everyLayer);
    const out = path.join(dir, 'out.png');
    expect((await render([file, '-o', out])).code).toBe(0);
    const edited = await pixels(out);
    const { data: original } = await sharp(photos.photoBytes)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const at = (data: Buffer, x: number, y: number) => [
      ...data.subarray(3 * (y * 160 + x), 3 * (y * 160 + x) + 3),
    ];
    // Far outside the work area (16,30,128): identical.
    expect(at(edited.data, 2, 2)).toEqual(at(original, 2, 2));
    expect(at(edited.data, 150, 190)).toEqual(at(original, 150, 190));
    // Inside the painted mask: changed somewhere.
    let changed = 0;
    for (let y = 82; y < 118; y++) {
      for (let x = 64; x < 106; x++) {
        if (
          at(edited.data, x, y).some((v, c) => Math.abs(v - (at(original, x, y)[c] as number)) > 2)
        )
          changed++;
      }
    }
    expect(changed).toBeGreaterThan(100);
  }, 60_000);

  it('writes the photo itself for a project without mask paint, without loading the model', async () => {
    // No mask paint anywhere, and no iris marks (an iris masks its own eye).
    const { dir, file, photos } = await savedProject((photo, source) => {
      const document = everyLayer(photo, source);
      return {
        ...document,
        layers: document.layers.map((layer) =>
          layer.kind === 'mask'
            ? { ...layer, strokes: [] }
            : layer.kind === 'pasted-region'
              ? { ...layer, channels: { ...layer.channels, mask: [] } }
              : layer.kind === 'iris'
                ? { ...layer, marks: [] }
                : layer,
        ),
      };
    });
    const out = path.join(dir, 'same.png');
    const result = await render([file, '-o', out]);
    expect(result.code).toBe(0);
    expect(result.err.join('\n')).not.toContain('loading model');
    const { data: original } = await sharp(photos.photoBytes)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect((await pixels(out)).data.equals(original)).toBe(true);
  });

  it('a hostile project (four 100k-point mask strokes 100,000 px wide) ends at once with a clear message', async () => {
    const hostile = (photo: string, source: string): FaceDocument => {
      const document = everyLayer(photo, source);
      return {
        ...document,
        layers: document.layers.map((layer) =>
          layer.kind === 'mask'
            ? {
                ...layer,
                strokes: [1, 2, 3, 4].map((k) => ({
                  id: `bomb${k}`,
                  tool: 'paint' as const,
                  width: 100_000,
                  points: Array.from({ length: 100_000 }, (_, i) => ({
                    x: (i * 7) % 160,
                    y: (i * 13) % 200,
                    pressure: 1,
                  })),
                })),
              }
            : layer,
        ),
      };
    };
    const { dir, file } = await savedProject(hostile);
    const out = path.join(dir, 'bomb.png');
    const result = await render([file, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.err.at(-1)).toMatch(
      /^faceshop render: This edit has too many or too wide strokes/,
    );
    await expect(readFile(out)).rejects.toThrow();
  }, 60_000);

  it('refuses a file that is not a project, and a bad command line, in one line', async () => {
    const dir = await makeTempDir();
    const notes = path.join(dir, 'notes.faceshop');
    await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toFile(notes);
    const refused = await render([notes, '-o', path.join(dir, 'x.png')]);
    expect(refused).toEqual({
      code: 1,
      err: [
        'faceshop render: “notes.faceshop” is not a FaceShop project: it is not a zip archive, or it is cut short.',
      ],
    });
    expect((await render([notes, '-o', path.join(dir, 'x.gif')])).code).toBe(2);
    expect((await render([notes])).code).toBe(2);
    await expect(readFile(path.join(dir, 'x.png'))).rejects.toThrow();
  });
});
