/**
 * Keeping work, in Chromium through the browser host with the real model: Save As through the
 * page's path prompt, a fresh page opening that project (strokes, work area, picture), Apply
 * baking the edit into the photo as one undo step, and a crashed host's autosave offered and
 * restored by the next one.
 *
 * The host is crashed for real (SIGKILL) and a second one started on the same app-data folder:
 * recovery is about a session that did not exit cleanly, which a page reload is not.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceshopTestApi } from '../../renderer/app-events/app-events';
import { REPO_ROOT, SAMPLE_PHOTO } from '../support/repo-paths';
import { startBrowserHost, type BrowserHost } from './support/browser-host';
import { openChromium, type ChromiumSession } from './support/chromium-session';
import { EditorPage, type PhotoPoint, type Pixels } from './support/editor-page';
import { awayFromPath, difference, filePixels, nearPath } from './support/pixel-regions';

type TestWindow = Window & { __faceshopTest?: FaceshopTestApi };

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const PHOTO = { x: 0, y: 0, width: 512, height: 512 } as const;
const EVERYWHERE = () => true;
/** Across the left eye of the sample, inside the default work area (the whole photo). */
const MASK_PATH: readonly PhotoPoint[] = [
  [186, 100],
  [226, 100],
];
const SKETCH_PATH: readonly PhotoPoint[] = [
  [192, 106],
  [206, 110],
  [220, 106],
];
/** Feathering (σ = 1 % of the 512 px work area) reaches a few σ beyond the brush's edge. */
const FEATHER_MARGIN = 20;
/** One document state gives the same result every time; allow rounding, nothing more. */
const SAME_PICTURE = 2;

describe('projects, Apply and crash recovery in Chromium', () => {
  let dataDir: string;
  let projectDir: string;
  let host: BrowserHost;
  let nextHost: BrowserHost | null = null;
  let session: ChromiumSession;
  let editor: EditorPage;
  let original: Pixels;
  let photo: Pixels;
  let edited: Pixels;
  let applied: Pixels;
  let maskWidth = 0;
  let projectPath = '';
  let savedDocument: Awaited<ReturnType<EditorPage['readDocument']>>;

  const inside = () => nearPath(MASK_PATH, maskWidth / 4);
  const outside = () => awayFromPath(MASK_PATH, maskWidth / 2 + FEATHER_MARGIN);
  const screenshot = (name: string) =>
    session.page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
  const title = () => session.page.getByTestId('document-title').locator('.toolbar__title-name');
  const unsavedMark = () => session.page.getByTestId('unsaved-mark');

  async function resultAfter(act: () => Promise<void>) {
    const seq = await editor.lastEventSeq();
    await act();
    const document = await editor.readDocument();
    await editor.waitForResult(document.revision, seq);
    return document;
  }

  /** Waits for an autosave of a document whose photo is `photoId`. */
  async function autosavedWithPhoto(photoId: string, afterSeq: number) {
    await session.page.waitForFunction(
      ([wanted, after]: readonly [string, number]) =>
        (window as TestWindow).__faceshopTest
          ?.events()
          .some(
            (event) =>
              event.seq > after &&
              event.name === 'autosaved' &&
              (event.detail as { photoId: string }).photoId === wanted,
          ),
      [photoId, afterSeq] as const,
      { timeout: 30_000 },
    );
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'faceshop-e2e-data-'));
    projectDir = await mkdtemp(path.join(tmpdir(), 'faceshop-e2e-projects-'));
    host = await startBrowserHost({ dataDir });
    session = await openChromium(host.url);
    editor = new EditorPage(session.page);
    const ready = await editor.waitForAppEvent('app-ready');
    if (ready.modelState !== 'installed') {
      throw new Error(
        `the model is ${ready.modelState}: these tests need models/faceshop-256.onnx`,
      );
    }
    original = await filePixels(SAMPLE_PHOTO);
    const seq = await editor.lastEventSeq();
    await editor.openWithPicker(SAMPLE_PHOTO);
    await editor.waitForAppEvent('photo-shown', seq);
    photo = await editor.readPixels(PHOTO, 'photo');
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await nextHost?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(projectDir, { recursive: true, force: true });
  });

  it('edits an eye: the title marks the unsaved work; the status bar names the provider', async () => {
    expect(await title().innerText()).toBe('astronaut.png');
    await expect(unsavedMark().count()).resolves.toBe(0);
    await editor.press('b');
    maskWidth = (await editor.readDocument()).brushSizes['mask'] ?? 0;
    await resultAfter(() => editor.drag(MASK_PATH));
    await editor.press('s');
    savedDocument = await resultAfter(() => editor.drag(SKETCH_PATH));
    expect(savedDocument.counts).toMatchObject({ mask: 1, sketch: 1 });
    edited = await editor.readPixels(PHOTO, 'photo-and-result');
    expect(difference(edited, photo, outside()).max).toBe(0);
    expect(difference(edited, original, inside()).mean).toBeGreaterThan(4);

    await expect(unsavedMark().count()).resolves.toBe(1);
    expect(await session.page.title()).toBe('• astronaut.png — FaceShop');
    // The model loaded for the first result; the bar now says where it runs and why.
    const inference = session.page.locator(
      '[data-testid=status-inference][data-inference-state=ready]',
    );
    await inference.waitFor();
    expect(await inference.innerText()).toMatch(/^(CPU|CUDA|DirectML|Core ML)\b/);
  });

  it('Save As asks for a path in the page, writes the project and clears the mark', async () => {
    await editor.press('Control+Shift+S');
    const prompt = session.page.getByTestId('save-prompt');
    await prompt.waitFor();
    await screenshot('project-1-save-prompt.png');
    projectPath = path.join(projectDir, 'eye-edit.faceshop');
    const seq = await editor.lastEventSeq();
    // Without the extension: the backend adds it.
    await prompt.getByRole('textbox').fill(projectPath.replace(/\.faceshop$/, ''));
    await prompt.getByRole('button', { name: 'Save' }).click();
    const saved = await editor.waitForAppEvent('project-saved', seq);
    expect(saved).toMatchObject({ path: projectPath, fileName: 'eye-edit.faceshop' });
    expect(existsSync(projectPath)).toBe(true);
    await prompt.waitFor({ state: 'detached' });
    expect(await title().innerText()).toBe('eye-edit.faceshop');
    await expect(unsavedMark().count()).resolves.toBe(0);
    expect(await session.page.title()).toBe('eye-edit.faceshop — FaceShop');
  });

  it('a fresh page opens the project: the strokes, the work area, the picture, the view, the brushes and the undo steps come back', async () => {
    await session.page.reload();
    await editor.waitForAppEvent('app-ready');
    const seq = await editor.lastEventSeq();
    const chooser = session.page.waitForEvent('filechooser');
    await session.page.getByRole('button', { name: 'Open Project…' }).click();
    await (await chooser).setFiles(projectPath);
    const opened = await editor.waitForAppEvent('project-opened', seq);
    expect(opened).toMatchObject({ fileName: 'eye-edit.faceshop', origin: 'bytes', warnings: 0 });
    const document = await editor.readDocument();
    await editor.waitForResult(document.revision, seq);
    expect(document.counts).toEqual(savedDocument.counts);
    expect(document.workArea).toEqual(savedDocument.workArea);
    // The session as it was left: the undo steps (at the saved state), the view, the brushes.
    expect(document.history.steps).toEqual(savedDocument.history.steps);
    expect(document.history.position).toBe(savedDocument.history.steps.length);
    expect(document.viewport).toEqual(savedDocument.viewport);
    expect(document.brushSizes).toEqual(savedDocument.brushSizes);
    expect(difference(await editor.readPixels(PHOTO, 'photo'), photo, EVERYWHERE).max).toBe(0);
    const picture = await editor.readPixels(PHOTO, 'photo-and-result');
    expect(difference(picture, edited, EVERYWHERE).max).toBeLessThanOrEqual(SAME_PICTURE);
    expect(await title().innerText()).toBe('eye-edit.faceshop');
    await expect(unsavedMark().count()).resolves.toBe(0);
    await screenshot('project-2-reopened.png');
  });

  it('Apply bakes the edit into a new photo: strokes cleared, one "Apply" step', async () => {
    const before = await editor.readDocument();
    const seq = await editor.lastEventSeq();
    await session.page.getByRole('button', { name: 'Apply' }).click();
    const done = await editor.waitForAppEvent('result-applied', seq, 120_000);
    expect(done.revision).toBe(before.revision);
    const shown = await editor.waitForAppEvent('photo-shown', seq);
    expect(shown.photoId).toBe(done.photoId);

    const document = await editor.readDocument();
    expect(document.counts).toMatchObject({ mask: 0, sketch: 0, color: 0, iris: 0 });
    // The strokes' steps came back with the project; Apply is one more.
    expect(document.history.steps).toEqual([...savedDocument.history.steps, 'Apply result']);
    expect(document.resultRevision).toBeNull();
    await expect(unsavedMark().count()).resolves.toBe(1);

    // The photo itself now holds the edit: changed in the mask, the same elsewhere. The
    // renderer sees a quality-90 JPEG preview of the (lossless) baked photo, so "the same" is
    // within a preview's error of the file, as for the photo when it was opened.
    applied = await editor.readPixels(PHOTO, 'photo');
    const away = difference(applied, original, outside());
    expect(away.mean).toBeLessThan(3);
    expect(difference(applied, original, inside()).mean).toBeGreaterThan(4);
    // …and it is the edit that was on screen, rendered at full resolution.
    const likeShown = difference(applied, edited, inside());
    console.log(
      `applied photo vs the result on screen, in the mask: mean ${likeShown.mean.toFixed(2)}, ` +
        `max ${likeShown.max}; outside the mask vs the file: mean ${away.mean.toFixed(2)}`,
    );
    expect(likeShown.mean).toBeLessThan(8);
    await screenshot('project-3-applied.png');
  });

  it('undo returns the original photo and strokes; redo applies again', async () => {
    let seq = await editor.lastEventSeq();
    const undone = await resultAfter(() => editor.press('Control+z'));
    expect(undone.counts).toMatchObject({ mask: 1, sketch: 1 });
    expect(undone.history.position).toBe(savedDocument.history.steps.length);
    await editor.waitForAppEvent('photo-shown', seq);
    expect(difference(await editor.readPixels(PHOTO, 'photo'), photo, EVERYWHERE).max).toBe(0);
    const picture = await editor.readPixels(PHOTO, 'photo-and-result');
    expect(difference(picture, edited, EVERYWHERE).max).toBeLessThanOrEqual(SAME_PICTURE);
    // Back at the state the file holds.
    await expect(unsavedMark().count()).resolves.toBe(0);

    seq = await editor.lastEventSeq();
    await editor.press('Control+Shift+z');
    const shown = await editor.waitForAppEvent('photo-shown', seq);
    const redone = await editor.readDocument();
    expect(redone.counts).toMatchObject({ mask: 0, sketch: 0 });
    expect(difference(await editor.readPixels(PHOTO, 'photo'), applied, EVERYWHERE).max).toBe(0);
    // A change of photo is significant: the autosave follows on its own.
    await autosavedWithPhoto(shown.photoId, seq);
  });

  it('after a crash the next start offers the autosave; Restore brings the work back', async () => {
    await host.crash();
    nextHost = await startBrowserHost({ dataDir });
    // The page still holds unsaved work, so leaving it asks first (beforeunload): leave.
    session.page.once('dialog', (dialog) => void dialog.accept());
    await session.page.goto(nextHost.url);
    await editor.waitForAppEvent('app-ready');
    const offer = await editor.waitForAppEvent('recovery-offered');
    expect(offer.displayName).toMatch(/eye-edit|astronaut/);
    const banner = session.page.getByTestId('recovery-banner');
    await banner.waitFor();
    await screenshot('project-4-recovery-banner.png');

    const seq = await editor.lastEventSeq();
    await banner.getByRole('button', { name: 'Restore' }).click();
    const opened = await editor.waitForAppEvent('project-opened', seq);
    expect(opened.origin).toBe('recovery');
    await editor.waitForAppEvent('photo-shown', seq);
    await banner.waitFor({ state: 'detached' });
    const document = await editor.readDocument();
    expect(document.counts).toMatchObject({ mask: 0, sketch: 0 });
    expect(document.workArea).toEqual(savedDocument.workArea);
    const restored = await editor.readPixels(PHOTO, 'photo');
    expect(difference(restored, applied, EVERYWHERE).max).toBeLessThanOrEqual(SAME_PICTURE);
    // Recovered work lives in no file yet: named as the offer named it, and marked unsaved.
    expect(await title().innerText()).toBe(offer.displayName);
    await expect(unsavedMark().count()).resolves.toBe(1);
    await screenshot('project-5-restored.png');
  });

  it('a project saved after an Apply reopens with the Apply undoable', async () => {
    await editor.press('Control+Shift+S');
    const prompt = session.page.getByTestId('save-prompt');
    await prompt.waitFor();
    const afterApply = path.join(projectDir, 'after-apply.faceshop');
    let seq = await editor.lastEventSeq();
    await prompt.getByRole('textbox').fill(afterApply);
    await prompt.getByRole('button', { name: 'Save' }).click();
    await editor.waitForAppEvent('project-saved', seq);
    const saved = await editor.readDocument();
    expect(saved.history.steps.at(-1)).toBe('Apply result');

    await session.page.reload();
    await editor.waitForAppEvent('app-ready');
    seq = await editor.lastEventSeq();
    const chooser = session.page.waitForEvent('filechooser');
    await session.page.getByRole('button', { name: 'Open Project…' }).click();
    await (await chooser).setFiles(afterApply);
    const opened = await editor.waitForAppEvent('project-opened', seq);
    expect(opened.warnings).toBe(0);
    await editor.waitForAppEvent('photo-shown', seq);
    const reopened = await editor.readDocument();
    expect(reopened.history).toEqual(saved.history);
    await expect(unsavedMark().count()).resolves.toBe(0);

    // Undo takes the Apply back: the photo as first opened, with the strokes on it.
    seq = await editor.lastEventSeq();
    const undone = await resultAfter(() => editor.press('Control+z'));
    expect(undone.counts).toMatchObject({ mask: 1, sketch: 1 });
    await editor.waitForAppEvent('photo-shown', seq);
    expect(difference(await editor.readPixels(PHOTO, 'photo'), photo, EVERYWHERE).max).toBe(0);
    await expect(unsavedMark().count()).resolves.toBe(1);
  });

  it('logged no page errors and no host failures', () => {
    // The crashed host's page may log the aborted connection; nothing else is expected.
    expect(session.problems.filter((problem) => !/Failed to fetch|ERR_/.test(problem))).toEqual([]);
    expect(host.stderr()).toBe('');
    expect(nextHost?.stderr()).toBe('');
  });
});
