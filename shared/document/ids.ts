/**
 * Identifiers used inside a document. Ids are opaque strings chosen by whoever creates the
 * thing (the editor injects its own generator, tests use counters); the schema only keeps them
 * short and free of characters that would need escaping in a file name or a JSON pointer.
 */
import { z } from 'zod';

const opaqueId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'not a valid id');

export type LayerId = string;
export type StrokeId = string;
export type IrisMarkId = string;
/**
 * Names an image held by the backend (a decoded photo, a synthesis result, a pasted source).
 * The document only ever references pixels by asset id, so it stays small, serializable and
 * cheap to diff (STYLE.md 5).
 */
export type AssetId = string;

export const LayerIdSchema = opaqueId;
export const StrokeIdSchema = opaqueId;
export const IrisMarkIdSchema = opaqueId;
export const AssetIdSchema = opaqueId;
