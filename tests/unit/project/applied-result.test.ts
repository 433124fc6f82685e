/**
 * "Apply" and the project file together, with the real model: the baked photo remembers the
 * photo it was made from, so a saved project holds the original's bytes untouched beside the
 * applied result its document edits, and reopening restores both.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { openProject } from '../../../electron/core/project/open-project';
import { readProjectFile } from '../../../electron/core/project/read-project-file';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import { EditorSynthesis } from '../../../electron/core/synthesis/editor-synthesis';
import { documentWithEveryLayer, storeWithPhotos } from '../../support/project-fixtures';
import { MODEL_MANIFEST } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

const editors: EditorSynthesis[] = [];
afterAll(() => Promise.all(editors.map((editor) => editor.dispose())));

describe('a project after "apply"', () => {
  it('keeps the original untouched beside the applied result', async () => {
    const photos = await storeWithPhotos();
    const editor = new EditorSynthesis({
      manifestPath: MODEL_MANIFEST,
      photos: photos.store,
      inference: { threads: 2 },
    });
    editors.push(editor);
    const edit = documentWithEveryLayer(
      { assetId: photos.photoId, width: 160, height: 200 },
      photos.sourceId,
    );
    const applied = await editor.apply(edit);
    if (!applied.ok) throw new Error(applied.error.message);
    // What the editor's apply-result command does to the document.
    const document = { ...edit, photo: { ...edit.photo, assetId: applied.value.photoId } };

    const file = path.join(await makeTempDir(), 'applied.faceshop');
    const saved = await saveProjectFile(document, file, {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: true,
    });
    expect(saved).toMatchObject({ ok: true, value: { warnings: [] } });
    const contents = await readProjectFile({ kind: 'file', path: file }, 'applied.faceshop');
    expect(contents.manifest.originalAssetId).toBe(photos.photoId);
    expect(contents.manifest.assets.map((asset) => [asset.role, asset.format])).toEqual([
      ['applied-result', 'png'],
      ['original', 'jpeg'],
      ['paste-source', 'png'],
    ]);
    expect(Buffer.from(contents.assets.get(photos.photoId)?.bytes ?? [])).toEqual(
      Buffer.from(photos.photoBytes),
    );

    const fresh = new PhotoStore();
    const opened = await openProject({ source: 'path', path: file }, fresh);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document).toEqual(document);
    expect(fresh.get(applied.value.photoId)?.derivedFrom).toBe(photos.photoId);
  }, 60_000);
});
