/**
 * A long run of Applies: the store releases the versions in between but keeps the photo as
 * first opened, and a saved project links the newest versions straight to it, so the original's
 * bytes are in the file and the file opens again.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../shared/document';
import { openPhoto } from '../../../electron/core/photos/open-photo';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { openProject } from '../../../electron/core/project/open-project';
import { readProjectFile } from '../../../electron/core/project/read-project-file';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import { gradientJpeg, gradientPng } from '../../support/project-fixtures';
import { makeTempDir } from '../../support/temp-dir';

describe('a project after more Applies than the store holds', () => {
  it('keeps the original and bridges the released versions', async () => {
    const store = new PhotoStore(3);
    const originalBytes = await gradientJpeg(64, 80);
    const opened = await openPhoto(
      { source: 'bytes', fileName: 'portrait.jpg', bytes: originalBytes },
      store,
    );
    if (!opened.ok) throw new Error(opened.error.message);
    const original = store.get(opened.value.photoId);
    if (original === undefined) throw new Error('the photo was not kept');
    let newest = original;
    for (let k = 1; k <= 5; k++) {
      const bytes = await gradientPng(64, 80, k * 20);
      newest = store.add(
        { ...original.info, fileName: `applied-${k}.png`, format: 'png', fileBytes: bytes.length },
        bytes,
        newest.id,
      );
    }
    const document = createEmptyDocument({ assetId: newest.id, width: 64, height: 80 });
    const file = path.join(await makeTempDir(), 'many-applies.faceshop');
    const saved = await saveProjectFile(document, file, {
      photos: store,
      appVersion: '1',
      model: null,
      withPreview: false,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.warnings.map((warning) => warning.code)).toEqual(['versions-dropped']);

    const contents = await readProjectFile({ kind: 'file', path: file }, 'many-applies.faceshop');
    expect(contents.manifest.originalAssetId).toBe(original.id);
    expect(Buffer.from(contents.assets.get(original.id)?.bytes ?? [])).toEqual(
      Buffer.from(originalBytes),
    );
    const roles = contents.manifest.assets.map((asset) => asset.role);
    expect(roles.filter((role) => role === 'original')).toHaveLength(1);
    expect(roles.filter((role) => role === 'applied-result').length).toBeGreaterThanOrEqual(1);

    const fresh = new PhotoStore();
    const reopened = await openProject({ source: 'path', path: file }, fresh);
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.value.document.photo.assetId).toBe(newest.id);
    const reopenedNewest = fresh.get(newest.id);
    // Reopened, the chain still remembers where it started, for the next round of Applies.
    expect(reopenedNewest?.origin).toBe(original.id);
    expect(fresh.originOf(reopenedNewest ?? newest)).toBe(original.id);
  });
});
