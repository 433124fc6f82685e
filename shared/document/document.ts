/**
 * The project document: everything the person made, as plain readonly data (STYLE.md 5). The
 * editor changes it only through immer, so every change is a patch and undo is exact; the
 * project file stores it as JSON; the synthesis request derives the network's inputs from it.
 *
 * What is deliberately NOT in here: pixels (photos and results are asset ids), the viewport and
 * the selected tool (session state), the latest synthesis result (not part of undo), and the
 * revision (a session counter, see revision.ts).
 */
import { z } from 'zod';
import { LayerSchema, strokeChannelsOf, strokesOf, type Layer, type LayerKind } from './layer';
import { PhotoRefSchema, type PhotoRef } from './photo-ref';
import { WorkAreaSchema, isWorkAreaInside, type WorkArea } from './work-area';

/**
 * Bump this with every change of the saved shape, add a migration from the previous version and
 * keep a fixture of the old format under tests/fixtures/document/ (STYLE.md 10).
 */
export const DOCUMENT_SCHEMA_VERSION = 1;

export interface FaceDocument {
  readonly schemaVersion: typeof DOCUMENT_SCHEMA_VERSION;
  readonly photo: PhotoRef;
  readonly workArea: WorkArea;
  /** Bottom to top. Order matters where strokes overlap: later color strokes win. */
  readonly layers: readonly Layer[];
  /** Seeds the network's noise input; "variation" draws a new one. Unsigned 32-bit. */
  readonly seed: number;
}

/** The kinds every document has at least one of: the tools draw into them. */
export const BASE_LAYER_KINDS: readonly LayerKind[] = ['mask', 'sketch', 'color', 'iris'];

export const SeedSchema = z.number().int().min(0).max(0xffff_ffff);

export const FaceDocumentSchema: z.ZodType<FaceDocument> = z
  .object({
    schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
    photo: PhotoRefSchema,
    workArea: WorkAreaSchema,
    layers: z.array(LayerSchema).max(1000),
    seed: SeedSchema,
  })
  .superRefine((document, context) => {
    for (const problem of documentProblems(document)) {
      context.addIssue({ code: 'custom', message: problem.message, path: problem.path });
    }
  });

interface Problem {
  readonly message: string;
  readonly path: (string | number)[];
}

/**
 * Rules a single field's schema cannot see. Ids must be unique across the whole document
 * because the canvas mirrors strokes by id and history patches address them.
 */
function documentProblems(document: FaceDocument): Problem[] {
  const problems: Problem[] = [];
  if (!isWorkAreaInside(document.workArea, document.photo)) {
    problems.push({ message: 'the work area lies outside the photo', path: ['workArea'] });
  }
  for (const kind of BASE_LAYER_KINDS) {
    if (!document.layers.some((layer) => layer.kind === kind)) {
      problems.push({ message: `the document has no ${kind} layer`, path: ['layers'] });
    }
  }
  const layerIds = new Set<string>();
  const itemIds = new Set<string>();
  document.layers.forEach((layer, layerIndex) => {
    if (layerIds.has(layer.id)) {
      problems.push({ message: `duplicate layer id "${layer.id}"`, path: ['layers', layerIndex] });
    }
    layerIds.add(layer.id);
    const itemId = (id: string): void => {
      if (itemIds.has(id)) {
        problems.push({ message: `duplicate id "${id}"`, path: ['layers', layerIndex] });
      }
      itemIds.add(id);
    };
    if (layer.kind === 'iris') layer.marks.forEach((mark) => itemId(mark.id));
    for (const channel of strokeChannelsOf(layer)) {
      for (const stroke of strokesOf(layer, channel)) {
        itemId(stroke.id);
        const wantsColor = channel === 'color' && stroke.tool === 'paint';
        if (wantsColor !== (stroke.color !== undefined)) {
          problems.push({
            message: wantsColor
              ? `color stroke "${stroke.id}" has no color`
              : `stroke "${stroke.id}" carries a color outside the color channel`,
            path: ['layers', layerIndex],
          });
        }
      }
    }
  });
  return problems;
}

export type DocumentParseResult =
  | { readonly ok: true; readonly document: FaceDocument }
  | { readonly ok: false; readonly error: string };

/**
 * Validates untrusted JSON (a project file, a fixture). Never throws. A document from another
 * schema version is refused with a reason; migrating old versions is the project file's job and
 * hooks in before this call.
 */
export function parseDocument(value: unknown): DocumentParseResult {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== DOCUMENT_SCHEMA_VERSION) {
    return {
      ok: false,
      error:
        version > DOCUMENT_SCHEMA_VERSION
          ? `the document was made by a newer FaceShop (schema version ${version})`
          : `schema version ${version} needs a migration to version ${DOCUMENT_SCHEMA_VERSION}`,
    };
  }
  const parsed = FaceDocumentSchema.safeParse(value);
  return parsed.success
    ? { ok: true, document: parsed.data }
    : { ok: false, error: z.prettifyError(parsed.error) };
}
