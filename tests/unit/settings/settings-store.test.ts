import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../shared/settings/settings';
import { makeTempDir } from '../../support/temp-dir';

describe('SettingsStore', () => {
  it('starts from the defaults without a file and creates it on the first change', async () => {
    const dir = await makeTempDir();
    const filePath = path.join(dir, 'user data', 'settings.json');
    const store = await SettingsStore.open({ filePath });
    expect(await store.load()).toEqual({ settings: DEFAULT_SETTINGS, warnings: [], filePath });

    await store.update({ executionProvider: 'cpu', cpuThreads: 3 });
    const onDisk = JSON.parse(await readFile(filePath, 'utf8')) as unknown;
    expect(onDisk).toEqual({ ...DEFAULT_SETTINGS, executionProvider: 'cpu', cpuThreads: 3 });
    // Atomic replacement leaves nothing beside the file.
    expect(await readdir(path.dirname(filePath))).toEqual(['settings.json']);

    const reopened = await SettingsStore.open({ filePath });
    expect((await reopened.load()).settings.cpuThreads).toBe(3);
  });

  it('reports a damaged file, runs on defaults field by field, and forgets the warning once saved', async () => {
    const dir = await makeTempDir();
    const filePath = path.join(dir, 'settings.json');
    await writeFile(filePath, JSON.stringify({ executionProvider: 'tpu', jpegQuality: 70 }));
    const store = await SettingsStore.open({ filePath });
    const loaded = await store.load();
    expect(loaded.settings.executionProvider).toBe('auto');
    expect(loaded.settings.jpegQuality).toBe(70);
    expect(loaded.warnings).toEqual([
      'The stored execution provider ("tpu") is not valid; using the default ("auto").',
    ]);
    // Reading never rewrites a damaged file behind the person's back.
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toEqual({
      executionProvider: 'tpu',
      jpegQuality: 70,
    });
    const updated = await store.update({ exportFormat: 'webp' });
    expect(updated.warnings).toEqual([]);
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toMatchObject({
      executionProvider: 'auto',
      jpegQuality: 70,
      exportFormat: 'webp',
    });
  });

  it('reports a settings path it cannot read (a folder) and still starts', async () => {
    const dir = await makeTempDir();
    const store = await SettingsStore.open({ filePath: dir });
    const loaded = await store.load();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.warnings[0]).toMatch(/could not be read .* default settings/);
  });

  it('keeps recent files newest first, deduplicated, and prunes the ones that vanished', async () => {
    const dir = await makeTempDir();
    const files = ['a.jpg', 'b.png', 'c.faceshop'].map((n) => path.join(dir, n));
    for (const file of files) await writeFile(file, 'x');
    const store = await SettingsStore.open({ filePath: path.join(dir, 'settings.json') });
    const changes: number[] = [];
    store.onChange((s) => changes.push(s.recentFiles.length));
    await store.addRecentFile(files[0] as string, 'photo');
    await store.addRecentFile(files[1] as string, 'photo');
    await store.addRecentFile(files[2] as string, 'project');
    await store.addRecentFile(files[0] as string, 'photo');
    let recent = (await store.load()).settings.recentFiles;
    expect(recent.map((f) => path.basename(f.path))).toEqual(['a.jpg', 'c.faceshop', 'b.png']);
    expect(recent.map((f) => f.kind)).toEqual(['photo', 'project', 'photo']);
    expect(changes).toEqual([1, 2, 3, 3]);

    await rm(files[2] as string);
    recent = (await store.load()).settings.recentFiles;
    expect(recent.map((f) => path.basename(f.path))).toEqual(['a.jpg', 'b.png']);
    // The pruned list is what a restart reads.
    const reopened = await SettingsStore.open({ filePath: path.join(dir, 'settings.json') });
    expect(reopened.current().recentFiles).toHaveLength(2);

    await store.clearRecentFiles();
    expect((await store.load()).settings.recentFiles).toEqual([]);
  });

  it('serializes quick successive writes so the last change wins on disk', async () => {
    const dir = await makeTempDir();
    const filePath = path.join(dir, 'settings.json');
    const store = await SettingsStore.open({ filePath });
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.update({ cpuThreads: n })));
    await store.flush();
    expect(JSON.parse(await readFile(filePath, 'utf8'))).toMatchObject({ cpuThreads: 5 });
  });
});
