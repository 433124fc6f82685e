import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli/run-cli';
import { orientedJpeg, truncatedJpeg } from '../../support/photo-fixtures';
import { MODEL_MANIFEST } from '../../support/repo-paths';
import { makeTempDir } from '../../support/temp-dir';

async function cli(args: string[], cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    cwd,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('faceshop CLI', () => {
  it('prints help listing its commands', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: faceshop <command>/);
    expect(out).toMatch(/^\s+info\s+Show the size/m);
  });

  it('prints usage to stderr and exits 2 without a command', async () => {
    const { code, err } = await cli([]);
    expect(code).toBe(2);
    expect(err).toMatch(/Usage/);
  });

  it('prints the version', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, out: 'development' });
  });

  it('refuses unknown commands in one line with exit code 2', async () => {
    const { code, err } = await cli(['paint']);
    expect(code).toBe(2);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/unknown command "paint"/);
  });

  it('shows a command’s usage', async () => {
    expect((await cli(['help', 'info'])).out).toMatch(/^Usage: faceshop info <photo>/);
    expect((await cli(['info', '--help'])).out).toMatch(/^Usage: faceshop info <photo>/);
  });

  it('info: describes a photo given relative to the working folder', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'portrait.jpg'), await orientedJpeg(300, 200, 6));
    const { code, out } = await cli(['info', 'portrait.jpg', '--json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      width: 200,
      height: 300,
      orientation: 6,
      format: 'jpeg',
    });
  });

  it('info: exits 1 with a one-line reason for a file that is not a photo', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'notes.txt'), 'hello');
    const { code, err } = await cli(['info', path.join(dir, 'notes.txt')]);
    expect(code).toBe(1);
    expect(err).toMatch(/^faceshop info: “notes\.txt” could not be read as an image/);
    expect(err.split('\n')).toHaveLength(1);
  });

  it('edit: a truncated JPEG is refused in FaceShop words before the model loads (finding 9)', async () => {
    const dir = await makeTempDir();
    await writeFile(path.join(dir, 'cut.jpg'), await truncatedJpeg());
    await writeFile(path.join(dir, 'mask.png'), await orientedJpeg(8, 8, 1));
    const { code, err } = await cli([
      'edit',
      path.join(dir, 'cut.jpg'),
      '--mask',
      path.join(dir, 'mask.png'),
      '--model',
      MODEL_MANIFEST,
      '-o',
      path.join(dir, 'out.png'),
    ]);
    expect(code).toBe(1);
    expect(err).not.toMatch(/loading model|Vips|vips|libjpeg/);
    expect(err).toMatch(
      /^faceshop edit: “cut\.jpg” is damaged: its JPEG data is cut short or corrupt/,
    );
  });

  it('info: exits 2 on a malformed command line', async () => {
    expect((await cli(['info'])).code).toBe(2);
    expect((await cli(['info', 'a.jpg', '--colour'])).code).toBe(2);
  });
});
