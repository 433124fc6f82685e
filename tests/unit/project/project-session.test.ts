/**
 * The editing session kept beside the document (`session.json`, issue 17): saved and opened
 * through the real writer and loader; older files (no session) and a damaged session still open.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { openProject } from '../../../electron/core/project/open-project';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import { SESSION_ENTRY } from '../../../shared/project/project-format';
import type { ProjectSession } from '../../../shared/project/project-session';
import {
  documentWithEveryLayer,
  gradientJpeg,
  rezip,
  storeWithPhotos,
  unzipAll,
} from '../../support/project-fixtures';
import { REPO_ROOT } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

async function saved(sessionFor: (photoId: string) => ProjectSession | null) {
  const photos = await storeWithPhotos();
  const session = sessionFor(photos.photoId);
  const document = documentWithEveryLayer(
    { assetId: photos.photoId, width: 160, height: 200 },
    photos.sourceId,
  );
  const file = path.join(await makeTempDir(), 'session.faceshop');
  const result = await saveProjectFile(document, file, {
    photos: photos.store,
    appVersion: '1.2.3',
    model: null,
    withPreview: false,
    session,
  });
  if (!result.ok) throw new Error(result.error.message);
  return { photos, document, file, session };
}

function sessionNaming(photoId: string): ProjectSession {
  return {
    version: 1,
    viewport: { zoom: 2.5, offsetX: -310, offsetY: -120.5 },
    brushSizes: { mask: 24, sketch: 2, color: 12, eraser: 16 },
    color: '#a05a4b',
    recentColors: ['#a05a4b', '#202020'],
    history: {
      steps: [
        {
          label: 'Apply result',
          commandId: 'apply-result',
          patches: [{ op: 'replace', path: ['document', 'photo', 'assetId'], value: photoId }],
          inversePatches: [
            { op: 'replace', path: ['document', 'photo', 'assetId'], value: 'older' },
          ],
        },
      ],
      position: 1,
    },
  };
}

describe('the editing session in a project file', () => {
  it('comes back as it was saved', async () => {
    const { file, session } = await saved(sessionNaming);
    const entries = await unzipAll(await readFile(file));
    expect(entries.map((entry) => entry.name)).toContain(SESSION_ENTRY);
    const opened = await openProject({ source: 'path', path: file }, new PhotoStore());
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.session).toEqual(session);
    expect(opened.value.warnings).toEqual([]);
  });

  it('follows the photos when the loader gives them fresh ids', async () => {
    const { photos, file } = await saved(sessionNaming);
    const store = new PhotoStore();
    const info = photos.store.get(photos.photoId)?.info;
    if (!info) throw new Error('no photo');
    // The id is taken in this app session by other bytes: the loader renames the photo.
    store.restore({ id: photos.photoId, info, source: await gradientJpeg(20, 20, 5) });
    const opened = await openProject({ source: 'path', path: file }, store);
    if (!opened.ok) throw new Error(opened.error.message);
    const renamed = opened.value.document.photo.assetId;
    expect(renamed).not.toBe(photos.photoId);
    expect(opened.value.session?.history.steps[0]?.patches[0]?.value).toBe(renamed);
  });

  it('a file without one (every project before it) opens with none', async () => {
    const { file } = await saved(() => null);
    const entries = await unzipAll(await readFile(file));
    expect(entries.map((entry) => entry.name)).not.toContain(SESSION_ENTRY);
    const opened = await openProject({ source: 'path', path: file }, new PhotoStore());
    expect(opened.ok && opened.value.session).toBe(null);
    const fixture = path.join(REPO_ROOT, 'tests', 'fixtures', 'project', 'v1-every-layer.faceshop');
    const old = await openProject({ source: 'path', path: fixture }, new PhotoStore());
    expect(old.ok && old.value.session).toBe(null);
  });

  it('a damaged session is left out with a note; the document still opens', async () => {
    const { file, document } = await saved(sessionNaming);
    for (const damage of ['{"version": 1, "viewport": "everywhere"}', 'not json at all']) {
      const bytes = await rezip(await readFile(file), (entries) =>
        entries.map((entry) =>
          entry.name === SESSION_ENTRY ? { ...entry, data: Buffer.from(damage) } : entry,
        ),
      );
      const damaged = path.join(path.dirname(file), 'damaged.faceshop');
      await writeFile(damaged, bytes);
      const opened = await openProject({ source: 'path', path: damaged }, new PhotoStore());
      if (!opened.ok) throw new Error(opened.error.message);
      expect(opened.value.session).toBe(null);
      expect(opened.value.document.layers).toEqual(document.layers);
      expect(opened.value.warnings.map((warning) => warning.code)).toEqual(['session-dropped']);
    }
  });
});

describe('the paste source in a project file', () => {
  it('keeps the photo open in the paste source panel, unused by the document, and its framing', async () => {
    const photos = await storeWithPhotos();
    // A document without the pasted region: the source is kept only because the panel holds it.
    const document = {
      ...documentWithEveryLayer(
        { assetId: photos.photoId, width: 160, height: 200 },
        photos.sourceId,
      ),
    };
    const plain = {
      ...document,
      layers: document.layers.filter((l) => l.kind !== 'pasted-region'),
    };
    const session: ProjectSession = {
      ...sessionNaming(photos.photoId),
      pasteSource: {
        assetId: photos.sourceId,
        workArea: { x: 2, y: 4, size: 56 },
        fileName: 'donor.png',
      },
    };
    const file = path.join(await makeTempDir(), 'with-source.faceshop');
    const saved = await saveProjectFile(plain, file, {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: false,
      session,
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const opened = await openProject({ source: 'path', path: file }, new PhotoStore());
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.session?.pasteSource).toEqual(session.pasteSource);
    expect(opened.value.photos.map((p) => p.photoId)).toContain(photos.sourceId);
    // Without a session naming it, the unused source is not written.
    const bare = path.join(path.dirname(file), 'bare.faceshop');
    const again = await saveProjectFile(plain, bare, {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: false,
    });
    if (!again.ok) throw new Error(again.error.message);
    const reopened = await openProject({ source: 'path', path: bare }, new PhotoStore());
    expect(reopened.ok && reopened.value.photos.map((p) => p.photoId)).not.toContain(
      photos.sourceId,
    );
  });
});

describe('a session too large for the file', () => {
  it('loses its oldest undo steps, never the document, so the save still succeeds', async () => {
    const { fittedSession } = await import('../../../electron/core/project/save-project');
    const step = (i: number) => ({
      label: `Sketch stroke ${i}`,
      commandId: 'add-stroke',
      patches: [
        {
          op: 'add' as const,
          path: ['document', 'layers', 1, 'strokes', i],
          value: 'x'.repeat(1000),
        },
      ],
      inversePatches: [{ op: 'remove' as const, path: ['document', 'layers', 1, 'strokes', i] }],
    });
    const session: ProjectSession = {
      ...sessionNaming('photo-1'),
      history: { steps: Array.from({ length: 40 }, (_, i) => step(i)), position: 30 },
    };
    const fitted = fittedSession(session, 20_000);
    expect(fitted).not.toBeNull();
    if (!fitted) return;
    expect(JSON.stringify(fitted, null, 1).length).toBeLessThanOrEqual(20_000);
    // The newest applied steps and every redo step are kept while there are applied ones to drop.
    expect(fitted.history.steps.at(-1)?.label).toBe('Sketch stroke 39');
    expect(fitted.history.steps.length - fitted.history.position).toBe(10);
    expect(fittedSession(session)).toBe(session);
    expect(fittedSession({ ...session, history: { steps: [], position: 0 } }, 10)).toBeNull();
  });
});
