import { describe, expect, it } from 'vitest';
import { checkHostRequest } from '../../../electron/host/request-guard';

const origin = 'http://127.0.0.1:4321';

describe('browser host request guard', () => {
  it('allows the page and its own backend calls', () => {
    expect(checkHostRequest({ host: '127.0.0.1:4321' }, origin, false)).toEqual({ allowed: true });
    expect(checkHostRequest({ host: '127.0.0.1:4321', origin }, origin, true)).toEqual({
      allowed: true,
    });
  });

  it.each([
    ['a DNS-rebound host name', { host: 'evil.example:4321', origin }, false],
    ['another port', { host: '127.0.0.1:80' }, false],
    ['no Host header', {}, false],
    [
      'a foreign origin (cross-site request)',
      { host: '127.0.0.1:4321', origin: 'https://evil.example' },
      true,
    ],
    ['a backend call without Origin', { host: '127.0.0.1:4321' }, true],
  ])('refuses %s', (_name, headers, isBackendCall) => {
    expect(checkHostRequest(headers, origin, isBackendCall).allowed).toBe(false);
  });
});
