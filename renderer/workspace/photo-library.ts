/**
 * The photos the renderer has opened, by the backend's photo id (the document's photo asset
 * id): their metadata and previews, for the canvas to display whichever photo the document
 * references. Only ids that the open document can reach are worth keeping; `keepOnly` forgets
 * the rest (a preview is a few hundred kilobytes to a few megabytes).
 */
import type { OpenedPhoto } from '../../shared/photo/photo';

export class PhotoLibrary {
  private readonly photos = new Map<string, OpenedPhoto>();

  add(photo: OpenedPhoto): void {
    this.photos.set(photo.photoId, photo);
  }

  get(photoId: string): OpenedPhoto | undefined {
    return this.photos.get(photoId);
  }

  keepOnly(photoIds: ReadonlySet<string>): void {
    for (const id of [...this.photos.keys()]) if (!photoIds.has(id)) this.photos.delete(id);
  }
}
