/**
 * The status bar's model line, read by the same strict manifest reader as the inference service
 * (a manifest the service would refuse is never reported as installed).
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelStatus } from '../../../electron/core/status/model-status';
import { MODEL_MANIFEST } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

async function shippedManifest(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(MODEL_MANIFEST, 'utf8')) as Record<string, unknown>;
}

describe('readModelStatus', () => {
  it('reports "not installed" when there is no manifest', async () => {
    const dir = await makeTempDir();
    expect(await readModelStatus(dir)).toEqual({
      state: 'not-installed',
      message: expect.stringMatching(/^Model not installed: .*faceshop-256\.json was not found/),
    });
  });

  it('reports "not installed" when the manifest has no ONNX file beside it', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'faceshop-256.json'), JSON.stringify(await shippedManifest()));
    expect(await readModelStatus(dir)).toMatchObject({
      state: 'not-installed',
      message: expect.stringContaining('faceshop-256.onnx'),
    });
  });

  it.each([
    ['not JSON', () => Promise.resolve('{name: m')],
    ['missing its version', () => Promise.resolve(JSON.stringify({ name: 'faceshop' }))],
    [
      'with the resolution spelled another way',
      async () => {
        const { nativeResolution, ...rest } = await shippedManifest();
        return JSON.stringify({ ...rest, native_resolution: nativeResolution });
      },
    ],
    ['of a refiner', async () => JSON.stringify({ ...(await shippedManifest()), role: 'refiner' })],
  ])('reports "invalid" for a manifest %s', async (_name, text) => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'faceshop-256.json'), await text());
    await writeFile(path.join(dir, 'faceshop-256.onnx'), 'onnx');
    expect(await readModelStatus(dir)).toMatchObject({
      state: 'invalid',
      message: expect.stringMatching(/^Model manifest faceshop-256\.json /),
    });
  });

  it('reports name, version and resolution of an installed model, ignoring other fields', async () => {
    const dir = await makeTempDir();
    await writeFile(
      path.join(dir, 'faceshop-256.json'),
      JSON.stringify({ ...(await shippedManifest()), version: '3.1', notes: { any: 1 } }),
    );
    await copyFile(
      path.join(path.dirname(MODEL_MANIFEST), 'faceshop-256.onnx'),
      path.join(dir, 'faceshop-256.onnx'),
    );
    expect(await readModelStatus(dir)).toEqual({
      state: 'installed',
      name: 'faceshop-256',
      version: '3.1',
      resolution: 256,
    });
  });
});
