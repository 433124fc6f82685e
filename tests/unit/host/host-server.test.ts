/** The browser host over real HTTP on 127.0.0.1, with the real core handlers behind it. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendHandlers } from '../../../electron/core/backend';
import { PhotoStore } from '../../../electron/core/photos/photo-store';
import { startHostServer, type RunningHost } from '../../../electron/host/host-server';
import { createDispatcher } from '../../../shared/ipc/dispatcher';
import { HOST_IPC_PATH_PREFIX, WIRE_CONTENT_TYPE } from '../../../shared/ipc/host-routes';
import { decodeWireMessage, encodeWireMessage } from '../../../shared/ipc/wire';
import { jpegPhoto } from '../../support/photo-fixtures';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Uint8Array; path?: string },
): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path ?? target.pathname,
        headers: options.headers,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('browser host server', () => {
  let host: RunningHost;
  let dir: string;
  let origin: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faceshop-host-'));
    const rendererDir = path.join(dir, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(
      path.join(rendererDir, 'index.html'),
      '<html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>',
    );
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
    await writeFile(path.join(dir, 'shim.js'), '/* shim */');
    await writeFile(path.join(dir, 'secret.txt'), 'not for the page');
    const handlers = createBackendHandlers({
      appVersion: '0.0.0-test',
      modelsDir: dir,
      photos: new PhotoStore(),
      choosePhotoFile: null,
      chooseProjectFile: null,
      chooseProjectSavePath: null,
      recovery: null,
    });
    host = await startHostServer({
      rendererDir,
      shimFile: path.join(dir, 'shim.js'),
      dispatcher: createDispatcher(handlers),
      port: 0,
    });
    origin = new URL(host.url).origin;
  });

  afterAll(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  const call = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
    request(origin + HOST_IPC_PATH_PREFIX + method, {
      method: 'POST',
      headers: { 'content-type': WIRE_CONTENT_TYPE, origin, ...headers },
      body: encodeWireMessage(payload),
    });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('serves index.html with the shim injected and the CSP header', async () => {
    const reply = await request(host.url, {});
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toContain(
      '<script src="/__faceshop/shim.js"></script><script type="module"',
    );
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the shim and the app assets', async () => {
    expect((await request(`${origin}/__faceshop/shim.js`, {})).body.toString()).toBe('/* shim */');
    const asset = await request(`${origin}/assets/app.js`, {});
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('does not serve files outside the renderer folder', async () => {
    const reply = await request(origin, { path: '/%2e%2e/secret.txt' });
    expect(reply.status).toBe(404);
  });

  it('answers a backend call with a binary wire envelope from the real handlers', async () => {
    const reply = await call('openPhoto', {
      source: 'bytes',
      fileName: 'a.jpg',
      bytes: await jpegPhoto(50, 40),
    });
    expect(reply.headers['content-type']).toBe(WIRE_CONTENT_TYPE);
    const envelope = decodeWireMessage(reply.body) as {
      ok: boolean;
      value: { info: { width: number }; preview: { bytes: Uint8Array } };
    };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.info.width).toBe(50);
    expect(envelope.value.preview.bytes).toBeInstanceOf(Uint8Array);
  });

  it('refuses an upload declared past the limit at once, without reading it (finding 7)', async () => {
    const target = new URL(origin);
    const reply = await new Promise<Reply>((resolve, reject) => {
      const outgoing = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: HOST_IPC_PATH_PREFIX + 'openPhoto',
          headers: { origin, 'content-length': String(600 * 1024 * 1024) },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (c: Buffer) => chunks.push(c));
          incoming.on('end', () =>
            resolve({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              body: Buffer.concat(chunks),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      // Only a first megabyte is ever sent: the reply must not wait for the other 599.
      outgoing.write(Buffer.alloc(1024 * 1024));
    });
    expect(reply.status).toBe(413);
    expect(decodeWireMessage(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'photo-too-large', message: expect.stringMatching(/at most 512 MB/) },
    });
  });

  it('a soak of 3,000 mixed requests leaves memory where it was', async () => {
    const mixed = (i: number) => {
      switch (i % 5) {
        case 0:
          return call('getStatus', {});
        case 1:
          return request(origin + HOST_IPC_PATH_PREFIX + 'getStatus', {
            method: 'POST',
            headers: { origin },
            body: Buffer.alloc(64 * 1024, i & 255),
          });
        case 2:
          return call('openPhoto', { wrong: 'shape', n: i });
        case 3:
          return request(`${origin}/assets/app.js`, {});
        default:
          return call('noSuchMethod', { x: i });
      }
    };
    const round = async (from: number, count: number) => {
      for (let i = from; i < from + count; i += 20)
        await Promise.all(Array.from({ length: 20 }, (_, k) => mixed(i + k)));
    };
    await round(0, 200); // warm up
    const before = process.memoryUsage().heapUsed;
    await round(200, 3000);
    const after = process.memoryUsage().heapUsed;
    console.log(
      `host soak: 3,000 requests, heap ${(before / 1e6).toFixed(1)} MB before, ${(after / 1e6).toFixed(1)} MB after`,
    );
    expect(after - before).toBeLessThan(40e6);
    // Still answering.
    expect((await call('getStatus', {})).status).toBe(200);
  }, 120_000);

  it('answers an unreadable body with invalid-request', async () => {
    const reply = await request(origin + HOST_IPC_PATH_PREFIX + 'getStatus', {
      method: 'POST',
      headers: { origin },
      body: new TextEncoder().encode('{"json":"is not the wire format"}'),
    });
    expect(reply.status).toBe(400);
    expect(decodeWireMessage(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a rebound Host name', { host: 'evil.example' }],
  ])('refuses backend calls with %s', async (_name, headers) => {
    const reply = await call('getStatus', undefined, headers);
    expect(reply.status).toBe(403);
    expect(decodeWireMessage(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses backend calls without an Origin', async () => {
    const reply = await request(origin + HOST_IPC_PATH_PREFIX + 'getStatus', {
      method: 'POST',
      body: encodeWireMessage(undefined),
    });
    expect(reply.status).toBe(403);
  });
});
