/**
 * Which photos a project file must hold, taken from the PhotoStore: the document's photo, the
 * chain of photos it was made from by applying results (down to the original as opened), and
 * the source photo of every pasted region.
 */
import { createHash } from 'node:crypto';
import type { FaceDocument } from '../../../shared/document/document';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import { ArchiveAssetIdSchema } from '../../../shared/project/project-format';
import type { AssetRole } from '../../../shared/project/project-manifest';
import type { ProjectWarning } from '../../../shared/project/project-warning';
import type { PhotoAsset, PhotoStore } from '../photos/photo-store';
import type { ProjectAsset } from './read-project-file';

export interface CollectedAssets {
  readonly assets: readonly ProjectAsset[];
  readonly originalAssetId: string;
  readonly warnings: readonly ProjectWarning[];
}

export function collectProjectAssets(
  document: FaceDocument,
  store: PhotoStore,
  /** Photos kept beside the document though it does not use them (the open paste source). */
  alsoKeep: readonly string[] = [],
): Result<CollectedAssets> {
  const photo = store.get(document.photo.assetId);
  if (photo === undefined) {
    return fail(
      'photo-not-found',
      'The photo of this document is no longer open, so the project cannot be saved; open it again.',
    );
  }
  const warnings: ProjectWarning[] = [];
  // Newest first: the document's photo, then what it was made from, back to the original.
  const chain: PhotoAsset[] = [photo];
  // Where versions in between were released: the photo whose parent is gone, linked straight
  // to the original (the store keeps the original of an open edit for exactly this).
  let bridged: { from: PhotoAsset; to: PhotoAsset } | null = null;
  for (let asset = photo; asset.derivedFrom !== undefined;) {
    let earlier = store.get(asset.derivedFrom);
    if (earlier === undefined) {
      const origin = store.get(store.originOf(asset));
      if (origin !== undefined && origin.derivedFrom === undefined && !chain.includes(origin)) {
        bridged = { from: asset, to: origin };
        warnings.push({
          code: 'versions-dropped',
          message:
            'Some versions between the original photo and this one were no longer in memory; the project keeps the original and the newest versions.',
        });
        earlier = origin;
      }
    }
    if (earlier === undefined || chain.includes(earlier)) {
      warnings.push({
        code: 'original-missing',
        message:
          'The photo as first opened is no longer in memory; the project keeps the earliest version FaceShop still holds.',
      });
      break;
    }
    chain.push(earlier);
    asset = earlier;
  }
  const root = chain[chain.length - 1] as PhotoAsset;
  const records = new Map<string, ProjectAsset>();
  for (const asset of chain) {
    const isRoot = asset === root;
    const parent = isRoot ? undefined : bridged?.from === asset ? bridged.to.id : asset.derivedFrom;
    records.set(asset.id, record(asset, isRoot ? 'original' : 'applied-result', parent));
  }
  for (const layer of document.layers) {
    if (layer.kind !== 'pasted-region' || records.has(layer.sourceAssetId)) continue;
    const source = store.get(layer.sourceAssetId);
    if (source === undefined) {
      warnings.push({
        code: 'asset-dropped',
        message: `The photo the region “${layer.name}” was copied from is no longer open; the region was left out of the saved project.`,
      });
      continue;
    }
    records.set(source.id, record(source, 'paste-source', undefined));
  }
  for (const id of alsoKeep) {
    const source = records.has(id) ? undefined : store.get(id);
    if (source) records.set(source.id, record(source, 'paste-source', undefined));
  }
  for (const id of records.keys()) {
    if (!ArchiveAssetIdSchema.safeParse(id).success) {
      return fail('internal', `The photo id “${id}” cannot be stored in a project file.`);
    }
  }
  return ok({ assets: [...records.values()], originalAssetId: root.id, warnings });
}

function record(asset: PhotoAsset, role: AssetRole, derivedFrom: string | undefined): ProjectAsset {
  return {
    record: {
      id: asset.id,
      role,
      format: asset.info.format,
      byteLength: asset.source.byteLength,
      sha256: createHash('sha256').update(asset.source).digest('hex'),
      ...(derivedFrom === undefined ? {} : { derivedFrom }),
      fileName: asset.info.fileName.slice(0, 255) || 'photo',
    },
    bytes: asset.source,
  };
}
