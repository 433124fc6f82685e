/** The About box's facts, gathered where they are true: the backend process. */
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import type { AboutInfo } from '../../../shared/status/about';
import type { InferenceStatus } from '../../../shared/status/app-status';
import { readModelStatus } from './model-status';

export async function readAboutInfo(options: {
  readonly appVersion: string;
  readonly modelsDir: string | null;
  readonly inference: InferenceStatus;
}): Promise<AboutInfo> {
  // Electron's main process carries its own and Chromium's versions; plain Node does not.
  const versions = process.versions as NodeJS.ProcessVersions & {
    electron?: string;
    chrome?: string;
  };
  return {
    appName: 'FaceShop',
    appVersion: options.appVersion,
    model:
      options.modelsDir === null
        ? { state: 'not-installed', message: 'Model not installed: no models folder was found.' }
        : await readModelStatus(options.modelsDir),
    modelsDir: options.modelsDir,
    inference: options.inference,
    runtime: {
      electron: versions.electron ?? null,
      chromium: versions.chrome ?? null,
      node: versions.node,
      onnxruntime: ort.env.versions.node ?? ort.env.versions.common,
      sharp: sharp.versions.sharp ?? 'unknown',
      libvips: sharp.versions.vips ?? null,
      platform: process.platform,
      arch: process.arch,
    },
  };
}
