/**
 * The browser host's equivalent of main's sender check. It listens on 127.0.0.1 only, but any
 * web page the developer visits could still send it requests (cross-site request forgery) or
 * reach it through a DNS name rebound to 127.0.0.1. So every request must name the host's own
 * address in `Host`, and backend calls must carry the host's own `Origin`.
 */

export interface RequestHeaders {
  readonly host?: string | undefined;
  readonly origin?: string | undefined;
}

export type GuardVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkHostRequest(
  headers: RequestHeaders,
  hostOrigin: string,
  isBackendCall: boolean,
): GuardVerdict {
  const expectedHost = new URL(hostOrigin).host;
  if (headers.host !== expectedHost) {
    return { allowed: false, reason: `unexpected Host header ${headers.host ?? '(none)'}` };
  }
  if (headers.origin !== undefined && headers.origin !== hostOrigin) {
    return { allowed: false, reason: `foreign Origin ${headers.origin}` };
  }
  if (isBackendCall && headers.origin === undefined) {
    return { allowed: false, reason: 'backend call without an Origin header' };
  }
  return { allowed: true };
}
