/**
 * The browser test host: an HTTP server on 127.0.0.1 that serves the built renderer and answers
 * backend calls with the very dispatcher and handlers Electron's main process uses. The page
 * gets `shim.js` injected before the app's own script; the shim puts a bridge on `window`
 * exactly as the preload would, so the renderer cannot tell the difference.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../../shared/ipc/dispatcher';
import {
  HOST_IPC_PATH_PREFIX,
  HOST_SHIM_PATH,
  WIRE_CONTENT_TYPE,
} from '../../shared/ipc/host-routes';
import { fail } from '../../shared/ipc/result';
import { decodeWireMessage, encodeWireMessage } from '../../shared/ipc/wire';
import { MAX_PHOTO_FILE_BYTES } from '../../shared/photo/photo-limits';
import { RENDERER_CSP_HEADER } from '../core/web/renderer-csp';
import { contentTypeOf, resolveStaticFile } from '../core/web/static-files';
import { checkHostRequest } from './request-guard';

export interface HostServerOptions {
  readonly rendererDir: string;
  readonly shimFile: string;
  readonly dispatcher: Dispatcher;
  /** 0 picks a free port. */
  readonly port: number;
}

export interface RunningHost {
  readonly url: string;
  close(): Promise<void>;
}

/** A photo at the size limit plus room for the request's other fields. */
const MAX_REQUEST_BYTES = MAX_PHOTO_FILE_BYTES + 1024 * 1024;

/**
 * Request bodies held in memory at once, across all requests: one photo at the limit and some
 * small calls. A request that would go past it is answered 503 at once, not buffered, so a
 * burst of large uploads cannot take the host's memory with it.
 */
const MAX_BUFFERED_BYTES = MAX_REQUEST_BYTES + 64 * 1024 * 1024;

const SECURITY_HEADERS = {
  'content-security-policy': RENDERER_CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
} as const;

export async function startHostServer(options: HostServerOptions): Promise<RunningHost> {
  let origin = '';
  const budget = { buffered: 0 };
  const server = http.createServer((request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('[faceshop host] request failed:', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handleRequest(request: http.IncomingMessage, response: http.ServerResponse) {
    const url = new URL(request.url ?? '/', origin);
    const isBackendCall = url.pathname.startsWith(HOST_IPC_PATH_PREFIX);
    const verdict = checkHostRequest(request.headers, origin, isBackendCall);
    if (!verdict.allowed) {
      console.warn(`[faceshop host] refused ${request.method} ${url.pathname}: ${verdict.reason}`);
      if (isBackendCall) {
        return sendWire(
          response,
          403,
          fail('forbidden-sender', 'This page may not use the backend.'),
        );
      }
      return sendText(response, 403, 'Forbidden');
    }

    if (isBackendCall) {
      if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed');
      const method = url.pathname.slice(HOST_IPC_PATH_PREFIX.length);
      const body = await readBody(request, MAX_REQUEST_BYTES, budget);
      if (body === 'too-large') {
        response.setHeader('connection', 'close');
        return sendWire(
          response,
          413,
          fail('photo-too-large', 'The request is too large: photos may be at most 512 MB.'),
        );
      }
      if (body === 'busy') {
        response.setHeader('connection', 'close');
        return sendWire(
          response,
          503,
          fail('internal', 'FaceShop is busy receiving another large file; try again in a moment.'),
        );
      }
      try {
        let payload: unknown;
        try {
          payload = decodeWireMessage(body);
        } catch {
          return sendWire(response, 400, fail('invalid-request', 'The request is not readable.'));
        }
        return sendWire(response, 200, await options.dispatcher.dispatch(method, payload));
      } finally {
        budget.buffered -= body.byteLength;
      }
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed');
    }
    if (url.pathname === HOST_SHIM_PATH) {
      return sendFile(response, options.shimFile, await readFile(options.shimFile));
    }
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    if (file === null) return sendText(response, 404, 'Not found');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return sendText(response, 404, 'Not found');
    }
    if (file.endsWith('index.html')) content = Buffer.from(injectShim(content.toString('utf8')));
    return sendFile(response, file, content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The shim must run before the app's module script, which looks for the bridge at start-up. */
export function injectShim(html: string): string {
  const tag = `<script src="${HOST_SHIM_PATH}"></script>`;
  const firstScript = html.indexOf('<script');
  if (firstScript === -1) return html.replace('</head>', `${tag}</head>`);
  return html.slice(0, firstScript) + tag + html.slice(firstScript);
}

/**
 * The request's body, refused as soon as it is known to be too large (its Content-Length, or
 * the bytes so far) or to overrun the host's shared budget; a refused request's socket is closed
 * after the reply instead of being drained, and its chunks are released at once.
 */
function readBody(
  request: http.IncomingMessage,
  limit: number,
  budget: { buffered: number },
): Promise<Uint8Array | 'too-large' | 'busy'> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return refuse(request, 'too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // A refused body is released at once; a received one stays counted until the caller is
    // done with it (`release`).
    const finish = (value: Uint8Array | 'too-large' | 'busy'): void => {
      if (settled) return;
      settled = true;
      if (typeof value === 'string') budget.buffered -= size;
      chunks.length = 0;
      resolve(value);
    };
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (
        size + chunk.byteLength > limit ||
        budget.buffered + chunk.byteLength > MAX_BUFFERED_BYTES
      ) {
        const why = size + chunk.byteLength > limit ? 'too-large' : 'busy';
        request.removeAllListeners('data');
        request.pause();
        finish(why);
        return;
      }
      size += chunk.byteLength;
      budget.buffered += chunk.byteLength;
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (settled) return;
      const body = Buffer.concat(chunks);
      finish(body);
    });
    request.on('error', () => finish('busy'));
    request.on('close', () => finish('busy'));
  });
}

function refuse(request: http.IncomingMessage, why: 'too-large'): Promise<'too-large'> {
  request.pause();
  return Promise.resolve(why);
}

function sendWire(response: http.ServerResponse, status: number, value: unknown): void {
  const body = encodeWireMessage(value);
  // A refused upload is not drained: the reply goes out and the connection is closed.
  if (response.getHeader('connection') === 'close')
    response.on('finish', () => response.req.destroy());
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': WIRE_CONTENT_TYPE,
    'content-length': body.byteLength,
  });
  response.end(body);
}

function sendFile(response: http.ServerResponse, file: string, content: Buffer): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': contentTypeOf(file),
    'content-length': content.byteLength,
  });
  response.end(response.req.method === 'HEAD' ? undefined : content);
}

function sendText(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
