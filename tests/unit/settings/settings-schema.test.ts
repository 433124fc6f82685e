import { describe, expect, it } from 'vitest';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  MAX_RECENT_FILES,
  readSettings,
  withRecentFile,
  type RecentFile,
} from '../../../shared/settings/settings';

const recent = (path: string, kind: RecentFile['kind'] = 'photo'): RecentFile => ({
  path,
  kind,
  openedAt: '2025-01-01T00:00:00.000Z',
});

describe('readSettings', () => {
  it('gives the defaults without a warning when there is no file yet', () => {
    expect(readSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
  });

  it('falls back to the defaults and says so when the file is not JSON', () => {
    const { settings, warnings } = readSettings('{"executionProvider": "cuda",');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(warnings).toEqual([
      'The settings file is not valid JSON; FaceShop is using its default settings.',
    ]);
  });

  it('falls back when the file holds something other than an object', () => {
    for (const text of ['[]', '42', 'null', '"cpu"']) {
      const { settings, warnings } = readSettings(text);
      expect(settings).toEqual(DEFAULT_SETTINGS);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/holds no settings/);
    }
  });

  it('keeps the valid fields and replaces each invalid one, naming it', () => {
    const { settings, warnings } = readSettings(
      JSON.stringify({
        executionProvider: 'cuda',
        cpuThreads: 0,
        exportFormat: 'bmp',
        jpegQuality: 80,
        webpQuality: 101,
        autosaveIntervalSeconds: 120,
      }),
    );
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      executionProvider: 'cuda',
      jpegQuality: 80,
      autosaveIntervalSeconds: 120,
    });
    expect(warnings).toEqual([
      'The stored CPU threads (0) is not valid; using the default ("auto").',
      'The stored export format ("bmp") is not valid; using the default ("jpeg").',
      'The stored WebP quality (101) is not valid; using the default (90).',
    ]);
  });

  it('takes missing fields from the defaults quietly and drops unknown ones', () => {
    const { settings, warnings } = readSettings(
      JSON.stringify({ cpuThreads: 4, futureOption: true }),
    );
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, cpuThreads: 4 });
    expect(settings).not.toHaveProperty('futureOption');
    expect(warnings).toEqual([]);
  });

  it('accepts 0 (off) or 10–3600 seconds for autosave and nothing in between', () => {
    expect(readSettings('{"autosaveIntervalSeconds":0}').settings.autosaveIntervalSeconds).toBe(0);
    expect(readSettings('{"autosaveIntervalSeconds":5}').warnings[0]).toMatch(/autosave interval/);
    expect(readSettings('{"autosaveIntervalSeconds":3601}').warnings).toHaveLength(1);
  });

  it('keeps the readable recent files, deduplicated, newest first, and counts the rest', () => {
    const { settings, warnings } = readSettings(
      JSON.stringify({
        recentFiles: [
          recent('/photos/b.jpg'),
          { path: '', kind: 'photo', openedAt: 'x' },
          recent('/photos/a.faceshop', 'project'),
          recent('/photos/b.jpg'),
          'not an entry',
        ],
      }),
    );
    expect(settings.recentFiles.map((f) => f.path)).toEqual([
      '/photos/b.jpg',
      '/photos/a.faceshop',
    ]);
    expect(warnings).toEqual(['2 unreadable entries were removed from the recent files.']);
  });

  it('cuts an over-long recent list to the limit', () => {
    const many = Array.from({ length: 25 }, (_, i) => recent(`/p/${i}.png`));
    const { settings } = readSettings(JSON.stringify({ recentFiles: many }));
    expect(settings.recentFiles).toHaveLength(MAX_RECENT_FILES);
    expect(settings.recentFiles[0]?.path).toBe('/p/0.png');
  });
});

describe('withRecentFile', () => {
  it('puts the file first, removes its older entry and keeps at most the limit', () => {
    let list: RecentFile[] = [];
    for (let i = 0; i < 12; i++) list = withRecentFile(list, recent(`/p/${i}.png`));
    expect(list).toHaveLength(MAX_RECENT_FILES);
    expect(list[0]?.path).toBe('/p/11.png');
    list = withRecentFile(list, recent('/p/5.png'));
    expect(list.map((f) => f.path).slice(0, 3)).toEqual(['/p/5.png', '/p/11.png', '/p/10.png']);
    expect(list.filter((f) => f.path === '/p/5.png')).toHaveLength(1);
  });

  it('treats paths differing only in case as one file where asked to', () => {
    const list = withRecentFile([recent('C:\\Photos\\A.jpg')], recent('c:\\photos\\a.JPG'), true);
    expect(list.map((f) => f.path)).toEqual(['c:\\photos\\a.JPG']);
    expect(withRecentFile([recent('/a.jpg')], recent('/A.jpg'))).toHaveLength(2);
  });
});

describe('applySettingsPatch', () => {
  it('changes only the named fields and refuses invalid values', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { cpuThreads: 2, exportFormat: 'png' });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, cpuThreads: 2, exportFormat: 'png' });
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { jpegQuality: 0 })).toThrow();
  });
});
