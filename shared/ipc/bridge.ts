/**
 * What the preload (in Electron) or the host shim (in a browser) puts on `window`, built from
 * the contract and nothing else. The renderer reaches it only through `renderer/bridge/`.
 */
import { eventContract, type BackendApi, type EventName, type EventPayload } from './contract';

export type Unsubscribe = () => void;

export interface FaceshopBridge {
  readonly backend: BackendApi;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
  /** True when the page may expose its test-only event log (browser host, Electron under test). */
  readonly testHooks: boolean;
}

/** The property of `window` the bridge is exposed as. */
export const BRIDGE_GLOBAL_NAME = 'faceshop';

/** The command-line switch with which main tells the preload to enable test hooks. */
export const TEST_HOOKS_SWITCH = '--faceshop-test-hooks';

/** The payload of an event if it matches the contract, otherwise undefined (and dropped). */
export function parseEventPayload<E extends EventName>(
  event: E,
  payload: unknown,
): EventPayload<E> | undefined {
  const parsed = eventContract[event].payload.safeParse(payload);
  return parsed.success ? (parsed.data as EventPayload<E>) : undefined;
}
