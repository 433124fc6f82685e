/**
 * The electron-builder configuration, checked without building a package (which needs the
 * Electron binary): the targets per platform, that the asarUnpack globs really match the
 * native files installed in node_modules (a pattern that matches nothing fails silently at
 * packaging time and the app crashes at start), the model files as extra resources, the icons
 * for every platform, and the .faceshop file association.
 *
 * Parsed with electron-builder's own YAML parser (js-yaml) and matched with minimatch, both
 * already installed as electron-builder's dependencies.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../support/repo-paths';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as {
  minimatch(file: string, pattern: string, options?: { dot?: boolean }): boolean;
};

interface TargetSpec {
  readonly target: string;
  readonly arch?: readonly string[];
}
interface ResourceSpec {
  readonly from: string;
  readonly to: string;
  readonly filter: readonly string[];
}
interface BuilderConfig {
  readonly appId: string;
  readonly productName: string;
  readonly files: readonly string[];
  readonly extraResources: readonly ResourceSpec[];
  readonly asarUnpack: readonly string[];
  readonly npmRebuild: boolean;
  readonly fileAssociations: readonly { ext: string; name: string; mimeType?: string }[];
  readonly directories: { buildResources: string };
  readonly linux: { target: readonly (string | TargetSpec)[]; icon: string };
  readonly win: { target: readonly (string | TargetSpec)[]; icon: string };
  readonly mac: { target: string | readonly (string | TargetSpec)[]; icon: string };
}

const config = yaml.load(
  readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;

function targetNames(target: string | readonly (string | TargetSpec)[]): string[] {
  const list = typeof target === 'string' ? [target] : target;
  return list.map((t) => (typeof t === 'string' ? t : t.target));
}

/** Every file under `dir`, relative to the repository root with forward slashes. */
function filesUnder(dir: string): string[] {
  const absolute = path.join(REPO_ROOT, dir);
  if (!existsSync(absolute)) return [];
  return (readdirSync(absolute, { recursive: true }) as string[])
    .map((entry) => path.join(absolute, entry))
    .filter((file) => statSync(file).isFile())
    .map((file) => path.relative(REPO_ROOT, file).split(path.sep).join('/'));
}

const unpacked = (file: string) =>
  config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }));

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.faceshop.desktop');
    expect(config.productName).toBe('FaceShop');
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(targetNames(config.mac.target)).toEqual(['dmg']);
  });

  it('unpacks every native file of onnxruntime-node that is installed here', () => {
    const native = filesUnder('node_modules/onnxruntime-node/bin').filter((f) =>
      /\.(node|so(\.\d+)*|dylib|dll)$/.test(f),
    );
    // The binding and libonnxruntime for this machine at least.
    const here = `node_modules/onnxruntime-node/bin/napi-v6/${process.platform}/${process.arch}/`;
    expect(native).toContain(`${here}onnxruntime_binding.node`);
    expect(native.length).toBeGreaterThan(2);
    expect(native.filter((f) => !unpacked(f))).toEqual([]);
    // The worker requires the package's JavaScript and onnxruntime-common from the unpacked side.
    const js = [
      ...filesUnder('node_modules/onnxruntime-node/dist'),
      ...filesUnder('node_modules/onnxruntime-common/dist'),
    ].filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    expect(js.filter((f) => !unpacked(f))).toEqual([]);
  });

  it('unpacks sharp and every installed @img package (the addon and libvips)', () => {
    const img = filesUnder('node_modules/@img');
    const addons = img.filter((f) => f.endsWith('.node'));
    const libvips = img.filter((f) => /libvips.*\.(so(\.\d+)*|dylib|dll)$/.test(f));
    expect(addons.length).toBeGreaterThan(0);
    expect(libvips.length).toBeGreaterThan(0);
    expect(img.filter((f) => !unpacked(f))).toEqual([]);
    const sharpFiles = filesUnder('node_modules/sharp/lib');
    expect(sharpFiles.length).toBeGreaterThan(0);
    expect(sharpFiles.filter((f) => !unpacked(f))).toEqual([]);
  });

  it('unpacks the worker threads but leaves the rest of the app in the archive', () => {
    expect(unpacked('dist/electron/inference-worker.js')).toBe(true);
    expect(unpacked('dist/electron/raster-worker.js')).toBe(true);
    for (const file of [
      'dist/electron/main.js',
      'dist/renderer/index.html',
      'node_modules/zod/package.json',
      'package.json',
    ]) {
      expect(unpacked(file), file).toBe(false);
    }
  });

  it('ships the model and its manifest (and the sample photo) as resources outside the asar', () => {
    const models = config.extraResources.find((r) => r.from === 'models');
    expect(models?.to).toBe('models');
    const shipped = (name: string) =>
      models?.filter.some((pattern) => minimatch(name, pattern)) ?? false;
    for (const file of [
      'faceshop-256.onnx',
      'faceshop-256.json',
      'sketch-domain.onnx',
      'sketch-domain.json',
    ]) {
      expect(shipped(file), file).toBe(true);
      expect(existsSync(path.join(REPO_ROOT, 'models', file)), file).toBe(true);
    }
    // Training code and checkpoints never ship.
    expect(shipped('training')).toBe(false);
    expect(shipped('README.md')).toBe(false);
    const samples = config.extraResources.find((r) => r.from === 'assets/samples');
    expect(samples?.to).toBe('samples');
    expect(samples?.filter.some((p) => minimatch('astronaut.png', p))).toBe(true);
  });

  it('packs the app bundles and not the browser test host or source maps', () => {
    const packed = (file: string) => {
      let included = false;
      for (const pattern of config.files) {
        if (pattern.startsWith('!')) {
          if (minimatch(file, pattern.slice(1))) included = false;
        } else if (minimatch(file, pattern)) included = true;
      }
      return included;
    };
    expect(packed('dist/electron/main.js')).toBe(true);
    expect(packed('dist/electron/preload.cjs')).toBe(true);
    expect(packed('dist/renderer/index.html')).toBe(true);
    expect(packed('dist/host/main.js')).toBe(false);
    expect(packed('dist/electron/main.js.map')).toBe(false);
  });

  it('does not rebuild the N-API modules (that needs the network)', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('opens .faceshop projects by double-click', () => {
    expect(config.fileAssociations).toContainEqual(
      expect.objectContaining({ ext: 'faceshop', name: 'FaceShop Project' }),
    );
  });

  it('has an icon in every size each platform asks for', async () => {
    const build = path.join(REPO_ROOT, config.directories.buildResources);
    expect(config.linux.icon).toBe('build/icons');
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const meta = await sharp(
        path.join(REPO_ROOT, 'build', 'icons', `${size}x${size}.png`),
      ).metadata();
      expect([meta.width, meta.height], `${size}`).toEqual([size, size]);
    }
    const png = await sharp(path.join(build, 'icon.png')).metadata();
    expect(png.width).toBeGreaterThanOrEqual(512);

    // ICO: a directory of images, including 256 (written as 0) and 16.
    const ico = readFileSync(path.join(REPO_ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const widths = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));

    // ICNS: the magic, a length equal to the file's, and the 512 and 1024 entries.
    const icns = readFileSync(path.join(REPO_ROOT, config.mac.icon));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.toString('ascii', at, at + 4));
    }
    expect(types).toEqual(expect.arrayContaining(['icp4', 'ic07', 'ic09', 'ic10']));
  });
});

describe('hardening of the packaged app (reliability finding 10)', () => {
  it('flips the Electron fuses and turns DevTools off when packaged', () => {
    const config = yaml.load(
      readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8'),
    ) as {
      electronFuses?: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const factory = readFileSync(
      path.join(REPO_ROOT, 'electron', 'main', 'window-factory.ts'),
      'utf8',
    );
    expect(factory).toMatch(/devTools: !app\.isPackaged/);
  });
});
