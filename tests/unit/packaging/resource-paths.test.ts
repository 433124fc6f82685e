/**
 * Resource paths in each layout FaceShop runs from, built as real folder trees in a temporary
 * directory: a checkout with bundles in dist/, the CLI, the sources under test, and a packaged
 * app's resources folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findModelsDir, SKETCH_DOMAIN_FILE } from '../../../electron/core/models/models-dir';
import {
  resolveResourcePaths,
  SAMPLE_PHOTO_FILE,
  unpackedPath,
} from '../../../electron/core/models/resource-paths';
import { MODELS_DIR, REPO_ROOT, SAMPLE_PHOTO } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

async function touch(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '');
}

/** A checkout: models/ and assets/samples/ at the root, bundles in dist/. */
async function checkout(): Promise<string> {
  const root = await makeTempDir('faceshop-checkout-');
  await touch(path.join(root, 'models', SKETCH_DOMAIN_FILE));
  await touch(path.join(root, 'models', 'faceshop-256.json'));
  await touch(path.join(root, 'assets', 'samples', SAMPLE_PHOTO_FILE));
  for (const part of ['electron', 'host', 'cli'])
    await mkdir(path.join(root, 'dist', part), { recursive: true });
  return root;
}

/** A packaged app (Linux/Windows layout; macOS has the same below Contents/Resources). */
async function packaged(): Promise<string> {
  const root = await makeTempDir('faceshop-packaged-');
  const resources = path.join(root, 'FaceShop.app', 'Contents', 'Resources');
  await touch(path.join(resources, 'app.asar'));
  await touch(path.join(resources, 'models', SKETCH_DOMAIN_FILE));
  await touch(path.join(resources, 'models', 'faceshop-256.onnx'));
  await touch(path.join(resources, 'samples', SAMPLE_PHOTO_FILE));
  return resources;
}

const noEnv = {} as NodeJS.ProcessEnv;

describe('resolveResourcePaths', () => {
  it('finds models and the sample from every bundle of a checkout (app, host, CLI)', async () => {
    const root = await checkout();
    for (const part of ['electron', 'host', 'cli']) {
      expect(
        resolveResourcePaths({ kind: 'checkout', startDir: path.join(root, 'dist', part) }, noEnv),
      ).toEqual({
        modelsDir: path.join(root, 'models'),
        samplePhoto: path.join(root, 'assets', 'samples', SAMPLE_PHOTO_FILE),
        modelsFrom: 'checkout',
      });
    }
  });

  it('agrees with the CLI’s own lookup (findModelsDir) in a checkout', async () => {
    const root = await checkout();
    const start = path.join(root, 'dist', 'cli');
    expect(resolveResourcePaths({ kind: 'checkout', startDir: start }, noEnv).modelsDir).toBe(
      findModelsDir(start, noEnv),
    );
  });

  it('finds this repository’s own models and sample from the sources (tests, tsx)', () => {
    const paths = resolveResourcePaths(
      { kind: 'checkout', startDir: path.join(REPO_ROOT, 'electron', 'core', 'models') },
      noEnv,
    );
    expect(paths.modelsDir).toBe(MODELS_DIR);
    expect(paths.samplePhoto).toBe(SAMPLE_PHOTO);
  });

  it('says what is missing in a tree without models or samples', async () => {
    const empty = await makeTempDir('faceshop-empty-');
    expect(resolveResourcePaths({ kind: 'checkout', startDir: empty }, noEnv)).toEqual({
      modelsDir: null,
      samplePhoto: null,
      modelsFrom: 'missing',
    });
  });

  it('uses resources/models and resources/samples in a packaged app', async () => {
    const resources = await packaged();
    expect(resolveResourcePaths({ kind: 'packaged', resourcesPath: resources }, noEnv)).toEqual({
      modelsDir: path.join(resources, 'models'),
      samplePhoto: path.join(resources, 'samples', SAMPLE_PHOTO_FILE),
      modelsFrom: 'packaged',
    });
    // The upward search from inside the archive lands on the same folder.
    expect(findModelsDir(path.join(resources, 'app.asar', 'dist', 'electron'), noEnv)).toBe(
      path.join(resources, 'models'),
    );
  });

  it('reports a packaged app without its sample photo rather than a broken path', async () => {
    const resources = await makeTempDir('faceshop-bare-');
    expect(
      resolveResourcePaths({ kind: 'packaged', resourcesPath: resources }, noEnv).samplePhoto,
    ).toBeNull();
  });

  it('lets FACESHOP_MODELS_DIR override the models folder in every layout', async () => {
    const elsewhere = await makeTempDir('faceshop-models-');
    const env = { FACESHOP_MODELS_DIR: elsewhere } as NodeJS.ProcessEnv;
    const root = await checkout();
    for (const layout of [
      { kind: 'checkout' as const, startDir: path.join(root, 'dist', 'electron') },
      { kind: 'packaged' as const, resourcesPath: await packaged() },
    ]) {
      const paths = resolveResourcePaths(layout, env);
      expect(paths.modelsDir).toBe(elsewhere);
      expect(paths.modelsFrom).toBe('environment');
    }
  });
});

describe('unpackedPath', () => {
  it('maps a file inside app.asar to its unpacked twin on every platform', () => {
    expect(unpackedPath('/opt/FaceShop/resources/app.asar/dist/electron/inference-worker.js')).toBe(
      '/opt/FaceShop/resources/app.asar.unpacked/dist/electron/inference-worker.js',
    );
    expect(unpackedPath('C:\\FaceShop\\resources\\app.asar\\dist\\electron\\w.js')).toBe(
      'C:\\FaceShop\\resources\\app.asar.unpacked\\dist\\electron\\w.js',
    );
  });
  it('leaves paths of a checkout alone', () => {
    expect(unpackedPath('/work/faceshop/dist/electron/inference-worker.js')).toBe(
      '/work/faceshop/dist/electron/inference-worker.js',
    );
  });
});
