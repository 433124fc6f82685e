/**
 * The paste source belongs to the editing session (issue 17): what Save writes of it, and a
 * reopened project puts it back in the panel — through the real EditingSession.
 */
import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../shared/document';
import { ok } from '../../../shared/ipc/result';
import { EditingSession } from '../../../renderer/workspace/editing-session';
import { openedPhoto } from '../../support/opened-photo';

const photo = (photoId: string) => openedPhoto(photoId);

const session = () =>
  new EditingSession({
    synthesize: () => Promise.resolve(ok({ status: 'superseded', requestId: 'x', revision: 0 })),
    platform: 'other',
    random: () => 0.5,
  });

describe('the paste source in the editing session', () => {
  it('is saved with the session, and a reopened project puts it back in the panel', () => {
    const first = session();
    first.open(photo('photo-target'));
    expect(first.savedSession()?.pasteSource).toBeUndefined();
    const donor = photo('photo-donor');
    first.pasteSource.set({
      photo: donor,
      workArea: { x: 10, y: 20, size: 300 },
      fileName: 'donor.png',
      from: 'photo',
    });
    const saved = first.savedSession();
    expect(saved?.pasteSource).toEqual({
      assetId: 'photo-donor',
      workArea: { x: 10, y: 20, size: 300 },
      fileName: 'donor.png',
    });

    const second = session();
    let told = 0;
    second.pasteSource.subscribe(() => told++);
    const document = createEmptyDocument({ assetId: 'photo-target', width: 1000, height: 800 }, 1);
    if (!saved) throw new Error('nothing saved');
    second.openDocument(document, [photo('photo-target'), donor], false, saved);
    expect(second.pasteSource.get()).toMatchObject({
      photo: { photoId: 'photo-donor' },
      workArea: { x: 10, y: 20, size: 300 },
      fileName: 'donor.png',
    });
    expect(told).toBe(1);

    // A source whose photo did not come back with the project is left out.
    const third = session();
    third.openDocument(document, [photo('photo-target')], false, saved);
    expect(third.pasteSource.get()).toBeNull();
  });
});
