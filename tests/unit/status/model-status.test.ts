import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelStatus } from '../../../electron/core/status/model-status';
import { makeTempDir } from '../../support/temp-dir';

describe('readModelStatus', () => {
  it('reports "not installed" when there is no manifest', async () => {
    const dir = await makeTempDir();
    expect(await readModelStatus(dir)).toEqual({
      state: 'not-installed',
      message: expect.stringMatching(/^Model not installed: faceshop-256\.json was not found/),
    });
  });

  it('reports "not installed" when the manifest has no ONNX file beside it', async () => {
    const dir = await makeTempDir();
    await writeFile(
      path.join(dir, 'faceshop-256.json'),
      JSON.stringify({ name: 'm', version: '1' }),
    );
    expect(await readModelStatus(dir)).toMatchObject({
      state: 'not-installed',
      message: expect.stringContaining('faceshop-256.onnx'),
    });
  });

  it.each([
    ['not JSON', '{name: m'],
    ['missing its version', JSON.stringify({ name: 'faceshop' })],
  ])('reports "invalid" for a manifest %s', async (_name, text) => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'faceshop-256.json'), text);
    expect(await readModelStatus(dir)).toMatchObject({ state: 'invalid' });
  });

  it('reports name, version and resolution of an installed model, ignoring other fields', async () => {
    const dir = await makeTempDir();
    const manifest = { name: 'faceshop', version: 3, native_resolution: 256, metrics: { l1: 0.1 } };
    await writeFile(path.join(dir, 'faceshop-256.json'), JSON.stringify(manifest));
    await writeFile(path.join(dir, 'faceshop-256.onnx'), 'onnx');
    expect(await readModelStatus(dir)).toEqual({
      state: 'installed',
      name: 'faceshop',
      version: '3',
      resolution: 256,
    });
  });
});
