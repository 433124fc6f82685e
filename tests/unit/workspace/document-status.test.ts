/**
 * Status lines belong to their document: the last round trip ("Result in … ms") and the last
 * synthesis error are the open document's, gone when another photo replaces it, and back when
 * that document comes back. Through the real EditingSession and SynthesisClient, with a backend
 * whose answers the test gives.
 */
import { describe, expect, it } from 'vitest';
import { createEmptyDocument, type FaceDocument } from '../../../shared/document';
import type { BackendApi } from '../../../shared/ipc/contract';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type {
  SynthesizeRequest,
  SynthesizeResponse,
} from '../../../shared/synthesis/synthesis-api';
import { DocumentStatusLines } from '../../../renderer/synthesis/document-status-lines';
import { EditingSession } from '../../../renderer/workspace/editing-session';
import { TestEditor } from '../editor/test-editor';
import { openedPhoto } from '../../support/opened-photo';

interface Call {
  readonly request: SynthesizeRequest;
  answer(result: Result<SynthesizeResponse>): Promise<void>;
}

const photo = (photoId: string) => openedPhoto(photoId);

/** A document on `photoId` with one mask stroke, so opening it asks for a synthesis. */
function maskedDocument(photoId: string): FaceDocument {
  const t = new TestEditor({
    document: createEmptyDocument({ assetId: photoId, width: 1000, height: 800 }, 7),
  });
  t.press('B').drag([300, 300], [400, 300]);
  return t.document;
}

function done(call: Call, inferenceMs = 40): Result<SynthesizeResponse> {
  const { requestId, revision, document } = call.request;
  return ok({
    status: 'done',
    requestId,
    revision,
    result: {
      workArea: document.workArea,
      resolution: 2,
      rgba: new Uint8Array(16).fill(9),
      inferenceMs,
      backendMs: inferenceMs + 10,
    },
  });
}

function setUp() {
  const calls: Call[] = [];
  const synthesize: BackendApi['synthesize'] = (request) =>
    new Promise((resolve) => {
      calls.push({
        request: request as SynthesizeRequest,
        answer: async (result) => {
          resolve(result);
          await Promise.resolve();
          await Promise.resolve();
        },
      });
    });
  const session = new EditingSession({ synthesize, platform: 'other', random: () => 0.5 });
  const status = () => session.getClient()?.getStatus();
  const lastCall = () => {
    const call = calls.at(-1);
    if (!call) throw new Error('no synthesis was asked for');
    return call;
  };
  return { session, calls, status, lastCall };
}

describe('status lines per document', () => {
  it('“Result in … ms” goes when another photo is opened', async () => {
    const { session, status, lastCall } = setUp();
    session.openDocument(maskedDocument('photo-a'), [photo('photo-a')], false);
    await lastCall().answer(done(lastCall(), 40));
    expect(status()?.lastRoundTripMs).not.toBeNull();
    expect(status()?.lastInferenceMs).toBe(40);

    session.open(photo('photo-b'));
    expect(status()).toEqual({
      running: false,
      lastRoundTripMs: null,
      lastInferenceMs: null,
      error: null,
    });
  });

  it('a document that comes back shows its own line, not the one left', async () => {
    const { session, status, lastCall, calls } = setUp();
    session.openDocument(maskedDocument('photo-a'), [photo('photo-a')], false);
    await lastCall().answer(done(lastCall(), 40));
    session.openDocument(maskedDocument('photo-b'), [photo('photo-b')], false);
    expect(status()?.lastInferenceMs).toBeNull();
    await lastCall().answer(done(lastCall(), 75));
    expect(status()?.lastInferenceMs).toBe(75);

    const asked = calls.length;
    session.openDocument(maskedDocument('photo-a'), [photo('photo-a')], false);
    // Its own line while its new result is on the way, then the new one.
    expect(calls.length).toBe(asked + 1);
    expect(status()).toMatchObject({ running: true, lastInferenceMs: 40 });
    await lastCall().answer(done(lastCall(), 55));
    expect(status()).toMatchObject({ running: false, lastInferenceMs: 55 });
  });

  it('an error belongs to its document too', async () => {
    const { session, status, lastCall } = setUp();
    session.openDocument(maskedDocument('photo-a'), [photo('photo-a')], false);
    await lastCall().answer(fail('model-unavailable', 'Model not installed.'));
    expect(status()?.error?.code).toBe('model-unavailable');
    session.open(photo('photo-b'));
    expect(status()?.error).toBeNull();
  });

  it('an answer for the document left never lands on the next one', async () => {
    const { session, status, calls } = setUp();
    session.openDocument(maskedDocument('photo-a'), [photo('photo-a')], false);
    const forA = calls[0] as Call;
    session.open(photo('photo-b'));
    await forA.answer(done(forA, 40));
    expect(status()?.lastRoundTripMs).toBeNull();
    expect(session.getEditor()?.session.result).toBeNull();
  });

  it('an Apply changes the photo, not whose line it is', async () => {
    const { session, status, lastCall } = setUp();
    session.openDocument(maskedDocument('photo-a'), [photo('photo-a')], false);
    await lastCall().answer(done(lastCall(), 40));
    // What an Apply does to the session: a baked photo beside the old one, same document.
    session.addPhoto(photo('photo-a-baked'));
    expect(status()?.lastInferenceMs).toBe(40);
  });
});

describe('the keyed memory of lines', () => {
  const EMPTY = 'nothing yet';

  it('gives a new document the empty line and remembers the one left', () => {
    const lines = new DocumentStatusLines(EMPTY);
    expect(lines.switchDocument(null, EMPTY, 'a')).toBe(EMPTY);
    expect(lines.switchDocument('a', 'A: 400 ms', 'b')).toBe(EMPTY);
    expect(lines.switchDocument('b', 'B: 90 ms', 'a')).toBe('A: 400 ms');
    expect(lines.lineOf('b')).toBe('B: 90 ms');
  });

  it('switching to the same document keeps its line', () => {
    const lines = new DocumentStatusLines(EMPTY);
    expect(lines.switchDocument('a', 'A: 400 ms', 'a')).toBe('A: 400 ms');
    expect(lines.size).toBe(0);
  });

  it('forgets the longest-left documents beyond its limit', () => {
    const lines = new DocumentStatusLines(EMPTY, 3);
    let from: string | null = null;
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      lines.switchDocument(from, `line ${from ?? ''}`, key);
      from = key;
    }
    // Left: a, b, c, d (in that order); the limit keeps the last three.
    expect(lines.size).toBe(3);
    expect(lines.lineOf('a')).toBeUndefined();
    expect(lines.lineOf('b')).toBe('line b');
    expect(lines.lineOf('d')).toBe('line d');
  });
});
