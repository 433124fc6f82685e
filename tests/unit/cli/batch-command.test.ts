/**
 * `faceshop batch` with the real model: a folder of photos with masks beside them and a saved
 * project, the models loaded once; a photo without a mask is skipped, a damaged one fails
 * without stopping the rest, the summary counts them and the exit code says a failure happened.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli/run-cli';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import { corruptJpeg, gradientRaw } from '../../support/photo-fixtures';
import { documentWithEveryLayer, storeWithPhotos } from '../../support/project-fixtures';
import { MODEL_MANIFEST } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

const disc = (w: number, h: number) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="black"/><circle cx="${w / 2}" cy="${h / 2}" r="${w / 8}" fill="white"/></svg>`,
    ),
  )
    .png()
    .toBuffer();

describe('faceshop batch', () => {
  it('edits every photo with a mask, renders projects, skips and fails one item each without stopping', async () => {
    const dir = await makeTempDir();
    const input = path.join(dir, 'in');
    await mkdir(input);
    await writeFile(path.join(input, 'a.jpg'), await gradientRaw(200, 160).jpeg().toBuffer());
    await writeFile(path.join(input, 'a.mask.png'), await disc(200, 160));
    await writeFile(path.join(input, 'b.png'), await gradientRaw(160, 160, 5).png().toBuffer());
    await writeFile(path.join(input, 'b.mask.png'), await disc(160, 160));
    await writeFile(path.join(input, 'c.png'), await gradientRaw(100, 100).png().toBuffer());
    await writeFile(path.join(input, 'd.jpg'), corruptJpeg());
    await writeFile(path.join(input, 'd.mask.png'), await disc(120, 80));
    const photos = await storeWithPhotos();
    const saved = await saveProjectFile(
      documentWithEveryLayer({ assetId: photos.photoId, width: 160, height: 200 }, photos.sourceId),
      path.join(input, 'e.faceshop'),
      { photos: photos.store, appVersion: '1', model: null, withPreview: false },
    );
    expect(saved.ok).toBe(true);

    const err: string[] = [];
    const out: string[] = [];
    const code = await runCli(
      ['batch', input, '-o', path.join(dir, 'out'), '--model', MODEL_MANIFEST, '--threads', '2'],
      { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir },
    );
    expect(code).toBe(1);
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['a.jpg', 'b.png', 'e.png']);
    expect(err.filter((l) => l.startsWith('loading model'))).toHaveLength(1);
    expect(err).toContainEqual(
      expect.stringMatching(/^\[3\/5\] c\.png: skipped — no c\.mask\.png/),
    );
    expect(err).toContainEqual(expect.stringMatching(/^\[4\/5\] d\.jpg: failed — /));
    expect(out.at(-1)).toMatch(/^5 items in [\d.]+ s: 3 written, 1 skipped, 1 failed$/);
    const a = await sharp(path.join(dir, 'out', 'a.jpg')).metadata();
    expect([a.width, a.height]).toEqual([200, 160]);
  }, 120_000);

  it('refuses to write into its own input folder', async () => {
    const dir = await makeTempDir();
    const code = await runCli(['batch', dir, '-o', dir], {
      out: () => {},
      err: () => {},
      cwd: dir,
    });
    expect(code).toBe(2);
  });
});
