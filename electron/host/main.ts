/**
 * Entry point of the browser test host (`npm run host`, and the e2e tests). Serves the built
 * renderer on 127.0.0.1 with the core's handlers and prints the address, as one line
 * `FACESHOP_HOST_URL=<url>` that scripts can wait for.
 *
 *   node dist/host/main.js [--port N]
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../../shared/ipc/dispatcher';
import { APP_VERSION } from '../core/app-version';
import { createBackendHandlers } from '../core/backend';
import { DEFAULT_MODEL_MANIFEST } from '../core/models/models-dir';
import { resolveResourcePaths } from '../core/models/resource-paths';
import { inferenceSettingsOf } from '../core/settings/settings-handlers';
import { SETTINGS_FILE_NAME, SettingsStore } from '../core/settings/settings-store';
import { PhotoStore } from '../core/photos/photo-store';
import { installedModel } from '../core/project/installed-model';
import { RecoveryStore } from '../core/project/recovery-store';
import { EditorSynthesis } from '../core/synthesis/editor-synthesis';
import { startHostServer } from './host-server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a port number, got ${values.port}`);
  }

  // The bundle lives in dist/host/, beside dist/renderer/; models/ and the sample photo are
  // found the way the app and the CLI find them (FACESHOP_MODELS_DIR, else upward).
  const bundleDir = import.meta.dirname;
  const resources = resolveResourcePaths({ kind: 'checkout', startDir: bundleDir });
  const modelsDir = resources.modelsDir ?? path.resolve(bundleDir, '..', '..', 'models');
  const photos = new PhotoStore();
  // Autosaves and settings go where --data-dir says (a test that restarts the host to check
  // recovery passes the same folder twice), else to a folder of this host's own, so parallel
  // hosts never meet.
  const ownDataDir =
    values['data-dir'] === undefined
      ? await mkdtemp(path.join(tmpdir(), 'faceshop-host-data-'))
      : null;
  const settings = await SettingsStore.open({
    filePath: path.join(values['data-dir'] ?? (ownDataDir as string), SETTINGS_FILE_NAME),
  });
  const { preference, threads } = inferenceSettingsOf(settings.current());
  // The same worker-thread inference and rasterization as the app, so e2e timings are the app's.
  const synthesis = new EditorSynthesis({
    manifestPath: path.join(modelsDir, DEFAULT_MODEL_MANIFEST),
    photos,
    rasterWorkerPath: path.join(bundleDir, 'raster-worker.js'),
    inference: {
      workerPath: path.join(bundleDir, 'inference-worker.js'),
      preference,
      ...(threads === undefined ? {} : { threads }),
    },
  });
  synthesis.load().catch(() => undefined);
  const recovery = await RecoveryStore.open({
    folder: values['data-dir'] ?? (ownDataDir as string),
    photos,
    appVersion: APP_VERSION,
    model: () => installedModel(modelsDir),
  });
  const handlers = createBackendHandlers({
    appVersion: APP_VERSION,
    modelsDir,
    photos,
    choosePhotoFile: null,
    chooseProjectFile: null,
    chooseProjectSavePath: null,
    recovery,
    synthesis,
    settings,
    samplePhoto: resources.samplePhoto,
  });
  const host = await startHostServer({
    rendererDir: path.join(bundleDir, '..', 'renderer'),
    shimFile: path.join(bundleDir, 'shim.js'),
    dispatcher: createDispatcher(handlers, (method, error) => {
      console.error(`[faceshop host] ${method} failed:`, error);
    }),
    port,
  });
  console.log(`FACESHOP_HOST_URL=${host.url}`);

  const stop = () => {
    recovery.closeSync();
    if (ownDataDir !== null) rmSync(ownDataDir, { recursive: true, force: true });
    Promise.all([host.close(), synthesis.dispose()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`faceshop host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
