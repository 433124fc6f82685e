/**
 * The editing session a project keeps beside its document (`session.json`), so a reopened
 * project comes back as it was left (issue 17): the view, the brush sizes, the colour and the
 * recent colours, and the undo history — the last steps as the immer patches the editor
 * recorded (they are data), with how many of them are applied.
 *
 * None of it is needed to open the document: a file without it, or with one that does not
 * parse, opens with a fresh session and (for a damaged one) a warning. The loader checks the
 * shape and sizes here; the renderer, which applies patches, replays the history against the
 * document before it trusts it and keeps only the steps that lead to valid documents.
 */
import { z } from 'zod';
import { HexColorSchema } from '../document/color';
import { AssetIdSchema } from '../document/ids';
import { WorkAreaSchema } from '../document/work-area';

/** The steps a project keeps (the editor may hold more; the oldest are left out). */
export const MAX_SAVED_HISTORY_STEPS = 200;
/** The editor keeps 8; a hand-edited file may not make it keep more. */
const MAX_RECENT_COLORS = 16;

const PathSegmentSchema = z.union([
  z.string().max(128),
  z.number().int().nonnegative().max(1_000_000),
]);

/** One immer patch, rooted at the editor state (`['document', ...]`). */
export const SavedPatchSchema = z.strictObject({
  op: z.enum(['add', 'replace', 'remove']),
  path: z
    .array(PathSegmentSchema)
    .min(1)
    .max(24)
    .refine((path) => path[0] === 'document', 'a history step may only change the document'),
  value: z.unknown().optional(),
});
export type SavedPatch = z.infer<typeof SavedPatchSchema>;

export const SavedHistoryStepSchema = z.strictObject({
  label: z.string().max(200),
  commandId: z.string().max(120),
  patches: z.array(SavedPatchSchema).max(20_000),
  inversePatches: z.array(SavedPatchSchema).max(20_000),
});
export type SavedHistoryStep = z.infer<typeof SavedHistoryStepSchema>;

const size = z.number().finite().min(1).max(5000);

export const ProjectSessionSchema = z.strictObject({
  version: z.literal(1),
  viewport: z.strictObject({
    zoom: z.number().finite().min(0.01).max(32),
    offsetX: z.number().finite().min(-1e7).max(1e7),
    offsetY: z.number().finite().min(-1e7).max(1e7),
  }),
  brushSizes: z.strictObject({ mask: size, sketch: size, color: size, eraser: size }),
  color: HexColorSchema,
  recentColors: z.array(HexColorSchema).max(MAX_RECENT_COLORS),
  /** The photo open in the paste source panel (kept in the file) and how it was framed. */
  pasteSource: z
    .strictObject({
      assetId: AssetIdSchema,
      workArea: WorkAreaSchema,
      fileName: z.string().min(1).max(255),
    })
    .optional(),
  /** Oldest first: the applied steps, then the undone ones (redo). */
  history: z
    .strictObject({
      steps: z.array(SavedHistoryStepSchema).max(MAX_SAVED_HISTORY_STEPS),
      /** How many of `steps` are applied: the document is the state after them. */
      position: z.number().int().nonnegative(),
    })
    .refine((history) => history.position <= history.steps.length, 'position past the steps'),
});
export type ProjectSession = z.infer<typeof ProjectSessionSchema>;

/**
 * The session with every asset id renamed as the loader renamed the photos (an id already
 * taken in this app session gets a fresh one). Ids are opaque and unique, so any string in a
 * patch value equal to a renamed id is that asset.
 */
export function renameSessionAssets(
  session: ProjectSession,
  ids: ReadonlyMap<string, string>,
): ProjectSession {
  if ([...ids].every(([from, to]) => from === to)) return session;
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return ids.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    return value;
  };
  const patches = (list: readonly SavedPatch[]): SavedPatch[] =>
    list.map((patch) => ('value' in patch ? { ...patch, value: rename(patch.value) } : patch));
  const source = session.pasteSource;
  return {
    ...session,
    ...(source
      ? { pasteSource: { ...source, assetId: ids.get(source.assetId) ?? source.assetId } }
      : {}),
    history: {
      ...session.history,
      steps: session.history.steps.map((step) => ({
        ...step,
        patches: patches(step.patches),
        inversePatches: patches(step.inversePatches),
      })),
    },
  };
}
