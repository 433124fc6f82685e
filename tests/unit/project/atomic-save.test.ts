/**
 * Atomic, verified saves: whatever fails — a full disk midway, no permission, a file that does
 * not read back, the process killed mid-write — the previous file stays intact and readable,
 * no partial file is left where the project was, and the message says what happened.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  nodeReplaceFileSystem,
  type ReplaceFileSystem,
} from '../../../electron/core/project/atomic-replace';
import { readProjectFile } from '../../../electron/core/project/read-project-file';
import { saveProjectFile } from '../../../electron/core/project/save-project';
import type { FaceDocument } from '../../../shared/document';
import { documentWithEveryLayer, storeWithPhotos } from '../../support/project-fixtures';
import { REPO_ROOT } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

const errno = (code: string) => Object.assign(new Error(code), { code });

async function project() {
  const photos = await storeWithPhotos();
  const document = documentWithEveryLayer(
    { assetId: photos.photoId, width: 160, height: 200 },
    photos.sourceId,
  );
  const dir = await makeTempDir();
  const file = path.join(dir, 'p.faceshop');
  const save = (doc: FaceDocument, fs?: ReplaceFileSystem) =>
    saveProjectFile(doc, file, {
      photos: photos.store,
      appVersion: '1',
      model: null,
      withPreview: false,
      ...(fs ? { fs } : {}),
    });
  return { document, dir, file, save };
}

/** The same document with another seed: a different file when saved. */
function edited(document: FaceDocument): FaceDocument {
  return {
    ...document,
    seed: document.seed + 1,
  };
}

/** Writes the first half of whatever it is given, then fails like a full disk. */
const diskFullMidway: ReplaceFileSystem = {
  ...nodeReplaceFileSystem,
  async writeNewFile(file, content) {
    const chunks: Buffer[] = [];
    for await (const chunk of content as Readable) chunks.push(chunk as Buffer);
    const all = Buffer.concat(chunks);
    await writeFile(file, all.subarray(0, all.length >> 1), { flag: 'wx' });
    throw errno('ENOSPC');
  },
};

describe('a save that fails', () => {
  it('on a full disk midway leaves the previous file intact, and no partial file', async () => {
    const { document, dir, file, save } = await project();
    expect((await save(document)).ok).toBe(true);
    const before = await readFile(file);

    const failed = await save(edited(document), diskFullMidway);
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'project-save-failed',
        message:
          'There is not enough space on the disk to save the project “p.faceshop”; the previous “p.faceshop” is unchanged.',
      },
    });
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(dir)).toEqual(['p.faceshop']);
    const back = await readProjectFile({ kind: 'file', path: file }, 'p.faceshop');
    expect(back.document).toEqual(document);
  });

  it('on a full disk with no previous file leaves nothing behind', async () => {
    const { document, dir, save } = await project();
    const failed = await save(document, diskFullMidway);
    expect(failed).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/not enough space .*; nothing was written\.$/) },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('without permission to replace the file keeps it, and removes the backup it made', async () => {
    const { document, dir, file, save } = await project();
    await save(document);
    const before = await readFile(file);
    let backupDuringRename: Buffer | null = null;
    const denied: ReplaceFileSystem = {
      ...nodeReplaceFileSystem,
      async rename() {
        // The previous version is kept aside before anything replaces it.
        const backup = (await readdir(dir)).find((n) =>
          /^\.p\.faceshop\.[0-9a-f]{8}\.bak$/.test(n),
        );
        backupDuringRename = backup === undefined ? null : await readFile(path.join(dir, backup));
        throw errno('EACCES');
      },
    };
    const failed = await save(edited(document), denied);
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'project-save-failed',
        message: `FaceShop is not allowed to write the project in ${dir}; the previous “p.faceshop” is unchanged.`,
      },
    });
    expect(backupDuringRename).toEqual(before);
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(dir)).toEqual(['p.faceshop']);
  });

  it('when the written file does not read back, never replaces the previous one', async () => {
    const { document, dir, file, save } = await project();
    await save(document);
    const before = await readFile(file);
    const corrupting: ReplaceFileSystem = {
      ...nodeReplaceFileSystem,
      async writeNewFile(target, content) {
        const chunks: Buffer[] = [];
        for await (const chunk of content as Readable) chunks.push(chunk as Buffer);
        const bytes = Buffer.concat(chunks);
        bytes.fill(0, 200, 260); // a bad sector in the middle
        await nodeReplaceFileSystem.writeNewFile(target, Readable.from([bytes]));
      },
    };
    const failed = await save(edited(document), corrupting);
    expect(failed).toMatchObject({
      ok: false,
      error: {
        code: 'project-save-failed',
        message: expect.stringMatching(
          /^The project could not be read back after writing \(.+\); the previous “p\.faceshop” is unchanged\.$/,
        ),
      },
    });
    expect(await readFile(file)).toEqual(before);
    expect(await readdir(dir)).toEqual(['p.faceshop']);
  });
});

describe('a save that succeeds', () => {
  it('replaces the file, removes its backup, and keeps working where links are impossible', async () => {
    const { document, dir, file, save } = await project();
    await save(document);
    const noLinks: ReplaceFileSystem = {
      ...nodeReplaceFileSystem,
      link: () => Promise.reject(errno('EPERM')),
    };
    expect((await save(edited(document), noLinks)).ok).toBe(true);
    expect(await readdir(dir)).toEqual(['p.faceshop']);
    const back = await readProjectFile({ kind: 'file', path: file }, 'p.faceshop');
    expect(back.document.seed).toBe(document.seed + 1);
  });

  it("never touches the person's own files beside the target (finding 5)", async () => {
    const { document, dir, file, save } = await project();
    expect((await save(document)).ok).toBe(true);
    // A person's own backup, and files that merely look like FaceShop's temporaries.
    await writeFile(`${file}.bak`, 'my own backup');
    await writeFile(path.join(dir, '.p.faceshop.mine.saving'), 'my notes');
    await writeFile(path.join(dir, '.p.faceshop.1234abcd.saving.txt'), 'more notes');
    expect((await save(edited(document))).ok).toBe(true);
    const denied: ReplaceFileSystem = {
      ...nodeReplaceFileSystem,
      rename: () => Promise.reject(errno('EACCES')),
    };
    expect((await save(edited(edited(document)), denied)).ok).toBe(false);
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('my own backup');
    expect((await readdir(dir)).sort()).toEqual([
      '.p.faceshop.1234abcd.saving.txt',
      '.p.faceshop.mine.saving',
      'p.faceshop',
      'p.faceshop.bak',
    ]);
  });

  it('clears what a save killed midway left behind', async () => {
    const { document, dir, save } = await project();
    await writeFile(path.join(dir, '.p.faceshop.1234abcd.saving'), 'half a project');
    await writeFile(path.join(dir, '.other.faceshop.1234abcd.saving'), 'not ours');
    expect((await save(document)).ok).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['.other.faceshop.1234abcd.saving', 'p.faceshop']);
  });
});

describe('a save killed midway (a real process, SIGKILL)', () => {
  it('leaves the previous file intact and readable', async () => {
    const { document, dir, file, save } = await project();
    await save(document);
    const before = await readFile(file);
    // The next version's bytes, which the child will get halfway through writing.
    const next = path.join(dir, 'next.bin');
    await writeFile(next, Buffer.alloc(400_000, 7));

    const script = path.join(await makeTempDir(), 'save-child.mjs');
    await build({
      stdin: {
        contents: [
          "import { readFileSync } from 'node:fs';",
          "import { Readable } from 'node:stream';",
          "import { replaceFileAtomically } from './electron/core/project/atomic-replace';",
          'const [target, nextFile] = process.argv.slice(2);',
          'const bytes = readFileSync(nextFile);',
          'let sent = false;',
          // Half the file, then a stream that never ends: the process dies mid-write.
          'const content = () => new Readable({ read() { if (!sent) { sent = true; this.push(bytes.subarray(0, bytes.length / 2)); } } });',
          "await replaceFileAtomically(target, { what: 'the project', content, verify: async () => {} });",
        ].join('\n'),
        resolveDir: REPO_ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [script, file, next], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const temporary = await waitForHalfWritten(dir, 200_000);
    child.kill('SIGKILL');
    await exited;

    expect(await readFile(file)).toEqual(before);
    const back = await readProjectFile({ kind: 'file', path: file }, 'p.faceshop');
    expect(back.document).toEqual(document);
    // The half-written temporary file is all that remains of the killed save...
    expect((await readdir(dir)).sort()).toEqual(
      [path.basename(temporary), 'next.bin', 'p.faceshop'].sort(),
    );
    // ...and the next save clears it.
    expect((await save(document)).ok).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['next.bin', 'p.faceshop']);
  }, 20_000);
});

async function waitForHalfWritten(dir: string, bytes: number): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.saving')) continue;
      const file = path.join(dir, name);
      if ((await stat(file).catch(() => null))?.size === bytes) return file;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the child never wrote half the file');
}
