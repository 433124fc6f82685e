/**
 * The calling side of the contract: builds a `BackendApi` from the contract table and a
 * transport (Electron's `ipcRenderer.invoke`, the browser host's HTTP, or an in-memory pipe in
 * tests). Replies are checked against the contract's response schema, and transport failures
 * become `transport` errors, so callers handle exactly one shape: a `Result`.
 */
import { backendContract, methodNames, type BackendApi, type MethodName } from './contract';
import { fail, resultSchema, type Result } from './result';

/** Sends one call and resolves to the raw reply (expected to be a `Result`). */
export type Transport = (method: MethodName, payload: unknown) => Promise<unknown>;

export function createBackendClient(transport: Transport): BackendApi {
  const call = async (method: MethodName, payload: unknown): Promise<Result<unknown>> => {
    let raw: unknown;
    try {
      raw = await transport(method, payload);
    } catch {
      return fail('transport', `Could not reach the backend to run ${method}.`);
    }
    const reply = resultSchema(backendContract[method].response).safeParse(raw);
    if (!reply.success) {
      return fail('transport', `The backend sent a malformed reply to ${method}.`);
    }
    return reply.data;
  };

  // Every method has the same runtime shape (one optional payload in, a Result out); the
  // per-method types live in `BackendApi`, so the generic object is cast once, here.
  const api = Object.fromEntries(
    methodNames.map((method) => [method, (payload?: unknown) => call(method, payload)]),
  );
  return Object.freeze(api) as unknown as BackendApi;
}
