/**
 * The first-run experience in Chromium through the browser host (issue 9): the empty workspace
 * offers the sample photo, Preferences persist to the host's settings file and report a
 * damaged one, and the shortcut sheet and About box open from the keyboard.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo-paths';
import { startBrowserHost, type BrowserHost } from './support/browser-host';
import { openChromium, type ChromiumSession } from './support/chromium-session';
import { WorkspacePage } from './support/workspace-page';

const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

describe('first run, preferences and the shortcut sheet in Chromium', () => {
  let dataDir: string;
  let host: BrowserHost;
  let session: ChromiumSession;
  let workspace: WorkspacePage;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'faceshop-first-run-'));
    // A settings file an older or hand-edited copy left behind: one field is wrong.
    await writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ executionProvider: 'tpu', jpegQuality: 80 }),
    );
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    host = await startBrowserHost({ dataDir });
    session = await openChromium(host.url);
    workspace = new WorkspacePage(session.page);
    await workspace.waitForAppEvent('app-ready');
  });

  afterAll(async () => {
    await session?.close();
    await host?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('greets with the first-run screen and says what was wrong with the settings file', async () => {
    const page = session.page;
    await page.getByTestId('first-run').waitFor();
    expect(await page.getByRole('button', { name: 'Try the sample photo' }).isEnabled()).toBe(true);
    const start = page.getByTestId('first-run');
    expect(await start.getByRole('button', { name: /^Open a photo…/ }).isEnabled()).toBe(true);
    expect(await start.getByRole('button', { name: /^Open a project…/ }).isEnabled()).toBe(true);
    expect(await page.getByTestId('first-run').innerText()).toMatch(/drop a photo/i);
    await page.getByText('The stored execution provider ("tpu") is not valid').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'first-run.png') });
  });

  it('opens the shortcut sheet with "?" and lists the editor’s keys', async () => {
    const page = session.page;
    await page.keyboard.press('Shift+Slash');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    const text = await sheet.innerText();
    for (const expected of ['Mask brush', 'Undo', 'Ctrl+Z', 'Zoom in', 'Open Photo', 'Ctrl+O']) {
      expect(text).toContain(expected);
    }
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'shortcut-sheet.png') });
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
  });

  it('changes Preferences with Ctrl+, and writes them to the settings file', async () => {
    const page = session.page;
    await page.keyboard.press('Control+Comma');
    const dialog = page.getByTestId('preferences-dialog');
    await dialog.waitFor();
    // The damaged field is named inside the dialog too, and the provider status is shown.
    expect(await dialog.getByTestId('settings-warnings').innerText()).toMatch(/tpu/);
    expect(await dialog.getByTestId('preferences-provider-status').innerText()).toMatch(
      /CPU|CUDA|DirectML|Core ML|Loading model|failed/,
    );
    await dialog.getByLabel('CPU threads').selectOption('1');
    await dialog.getByLabel('Execution provider').selectOption('cpu');
    await dialog.getByLabel('Default format').selectOption('png');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'preferences.png') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stored = JSON.parse(
      await readFile(path.join(dataDir, 'settings.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(stored).toMatchObject({
      executionProvider: 'cpu',
      cpuThreads: 1,
      exportFormat: 'png',
      jpegQuality: 80,
    });
    // The model reopens on the CPU: the status bar shows the reload, then the provider.
    await page.waitForFunction(
      () => {
        const status = document.querySelector('[data-testid="status-inference"]');
        return (
          status?.getAttribute('data-inference-state') === 'ready' &&
          // The provider's line, then the refiner's (installed or why not).
          status.getAttribute('title')?.split('\n')[0] === 'Using CPU.'
        );
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await page.getByTestId('status-inference').innerText()).toBe('CPU');
  });

  it('shows About with the model’s manifest version and the runtime versions', async () => {
    const manifest = JSON.parse(
      await readFile(path.join(REPO_ROOT, 'models', 'faceshop-256.json'), 'utf8'),
    ) as { name: string; version: string };
    const page = session.page;
    await page.getByRole('button', { name: 'About FaceShop' }).click();
    const about = page.getByTestId('about-dialog');
    await about.getByTestId('about-model').waitFor();
    expect(await about.getByTestId('about-model').innerText()).toBe(
      `${manifest.name} ${manifest.version} (256 px)`,
    );
    expect(await about.getByTestId('about-node-js').innerText()).toBe(process.versions.node);
    expect(await about.getByTestId('about-onnx-runtime').innerText()).toBe(
      'onnxruntime-node 1.30.0',
    );
    expect(await about.getByTestId('about-runs-on').innerText()).toBe('CPU');
    expect(await about.getByTestId('about-electron').innerText()).toMatch(/browser host/);
    expect(await about.getByTestId('about-chromium').innerText()).toMatch(
      /^\d+\.[\d.]+ \(this browser\)$/,
    );
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'about.png') });
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'detached' });
  });

  it('opens the sample photo from the first-run screen through openPhoto', async () => {
    const page = session.page;
    const before = await workspace.lastEventSeq();
    await page.getByRole('button', { name: 'Try the sample photo' }).click();
    const opened = await workspace.waitForAppEvent('photo-opened', before);
    expect(opened).toMatchObject({ fileName: 'astronaut.png', width: 512, height: 512 });
    await workspace.waitForAppEvent('photo-shown', before);
    expect(await page.getByTestId('first-run').count()).toBe(0);
    expect(await workspace.text('status-photo-size')).toBe('512 × 512 px');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'sample-opened.png') });
  });
});
