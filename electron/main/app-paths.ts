/**
 * Where main finds its files, in a development checkout and in a packaged app. The models and
 * the sample photo are resolved by the core (electron/core/models/resource-paths.ts), the same
 * way the CLI and the browser host resolve them; this only says which layout main runs in.
 */
import path from 'node:path';
import { app } from 'electron';
import { resolveResourcePaths, unpackedPath } from '../core/models/resource-paths';

export interface AppPaths {
  readonly rendererDir: string;
  readonly preloadFile: string;
  /** Null when no models folder was found; the app starts and the status says so. */
  readonly modelsDir: string | null;
  readonly samplePhoto: string | null;
  /** The inference worker's script: a real file (app.asar.unpacked) in a packaged app. */
  readonly inferenceWorker: string;
  /** The rasterization worker's script, likewise. */
  readonly rasterWorker: string;
  /** settings.json and the recovery folder live here. */
  readonly userDataDir: string;
}

export function resolveAppPaths(): AppPaths {
  // The bundle lives in dist/electron/, beside dist/renderer/.
  const bundleDir = import.meta.dirname;
  const resources = resolveResourcePaths(
    app.isPackaged
      ? { kind: 'packaged', resourcesPath: process.resourcesPath }
      : { kind: 'checkout', startDir: bundleDir },
  );
  return {
    rendererDir: path.join(bundleDir, '..', 'renderer'),
    preloadFile: path.join(bundleDir, 'preload.cjs'),
    modelsDir: resources.modelsDir,
    samplePhoto: resources.samplePhoto,
    inferenceWorker: unpackedPath(path.join(bundleDir, 'inference-worker.js')),
    rasterWorker: unpackedPath(path.join(bundleDir, 'raster-worker.js')),
    userDataDir: app.getPath('userData'),
  };
}
