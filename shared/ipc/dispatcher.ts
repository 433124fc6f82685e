/**
 * The receiving side of the contract, shared by Electron's main process and the browser host:
 * it looks the method up, parses the payload with the contract's schema, calls the handler,
 * and checks the handler's reply against the response schema before it leaves the process.
 * Whatever happens, the caller gets a `Result` — nothing is thrown back across the boundary.
 */
import type { ZodError } from 'zod';
import { backendContract, isMethodName, type BackendHandlers, type MethodName } from './contract';
import { fail, resultSchema, type Result } from './result';

export interface Dispatcher {
  dispatch(method: string, payload: unknown): Promise<Result<unknown>>;
}

/** Told about handler bugs, so the backend can log details the user message leaves out. */
export type InternalErrorReporter = (method: MethodName, error: unknown) => void;

export function createDispatcher(
  handlers: BackendHandlers,
  reportInternalError: InternalErrorReporter = () => {},
): Dispatcher {
  async function dispatch(method: string, payload: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return fail('unknown-method', `The backend has no method named "${method}".`);
    }
    const spec = backendContract[method];
    const request = spec.request.safeParse(payload);
    if (!request.success) {
      return fail('invalid-request', `Invalid request to ${method}: ${summarize(request.error)}`);
    }

    let reply: Result<unknown>;
    try {
      // The contract ties each handler to its own request type; indexing by a union of method
      // names loses that link, so the call goes through a deliberately widened signature.
      const handler = handlers[method] as (request: unknown) => Promise<Result<unknown>>;
      reply = await handler(request.data);
    } catch (error) {
      reportInternalError(method, error);
      return fail('internal', `Something went wrong in the backend while running ${method}.`);
    }

    const checked = resultSchema(spec.response).safeParse(reply);
    if (!checked.success) {
      reportInternalError(method, checked.error);
      return fail('internal', `The backend produced a malformed reply to ${method}.`);
    }
    return checked.data;
  }

  return { dispatch };
}

/** A one-line description of what was wrong with a payload, for logs and messages. */
function summarize(error: ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'request';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}
