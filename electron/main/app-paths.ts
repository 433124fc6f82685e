/** Where main finds its files, in a development checkout and in a packaged app. */
import path from 'node:path';
import { app } from 'electron';

export interface AppPaths {
  readonly rendererDir: string;
  readonly preloadFile: string;
  readonly modelsDir: string;
}

export function resolveAppPaths(): AppPaths {
  // The bundle lives in dist/electron/, beside dist/renderer/.
  const bundleDir = import.meta.dirname;
  return {
    rendererDir: path.join(bundleDir, '..', 'renderer'),
    preloadFile: path.join(bundleDir, 'preload.cjs'),
    // electron-builder copies models/ into the resources folder (electron-builder.yml).
    modelsDir: app.isPackaged
      ? path.join(process.resourcesPath, 'models')
      : path.join(app.getAppPath(), 'models'),
  };
}
