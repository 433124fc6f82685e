/**
 * The backend's contract: every method the renderer may call, with its channel and the zod
 * schemas of its request and response, plus the events the backend may send.
 *
 * Everything else is derived from this one table: the preload's exposed API, the typed handler
 * object main registers (a method without a handler does not compile), the browser host's
 * routes and its shim. No other file spells a channel string.
 */
import { z } from 'zod';
import { COMMAND_IDS } from '../commands/command-catalog';
import { AppStatusSchema } from '../status/app-status';
import { AboutInfoSchema } from '../status/about';
import {
  LoadedSettingsSchema,
  OpenFileRequestSchema,
  SettingsPatchSchema,
} from '../settings/settings';
import { ExportPhotoRequestSchema, ExportedPhotoSchema } from '../export/export-api';
import { OpenPhotoRequestSchema, OpenedPhotoSchema } from '../photo/photo';
import { PhotoDetailRequestSchema, PhotoDetailSchema } from '../photo/photo-detail';
import {
  AutosaveRequestSchema,
  AutosavedSchema,
  OpenProjectRequestSchema,
  OpenedProjectSchema,
  RecoveryOfferSchema,
  SaveProjectRequestSchema,
  SavedProjectSchema,
} from '../project/project-api';
import { ConvertPasteRegionRequestSchema, ConvertedPasteRegionSchema } from '../paste/paste-api';
import {
  ApplyResultRequestSchema,
  SynthesizeRequestSchema,
  SynthesizeResponseSchema,
} from '../synthesis/synthesis-api';
import type { Result } from './result';

interface MethodSpec {
  readonly channel: string;
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

export const backendContract = {
  getStatus: {
    channel: 'faceshop:get-status',
    request: z.void(),
    response: AppStatusSchema,
  },
  /** Decode a photo from a path or from bytes, keep it at full resolution, return a preview. */
  openPhoto: {
    channel: 'faceshop:open-photo',
    request: OpenPhotoRequestSchema,
    response: OpenedPhotoSchema,
  },
  /** Ask the operating system for a photo file and open it; null when the person cancels. */
  openPhotoFromDialog: {
    channel: 'faceshop:open-photo-from-dialog',
    request: z.void(),
    response: OpenedPhotoSchema.nullable(),
  },
  /**
   * Re-synthesize the document's masked region for its revision. Latest-wins: a request that a
   * newer one overtook answers `superseded` (DESIGN.md, the data flow).
   */
  synthesize: {
    channel: 'faceshop:synthesize',
    request: SynthesizeRequestSchema,
    response: SynthesizeResponseSchema,
  },
  /**
   * Bake the document's edit into a new full-resolution photo asset (FaceShop's iterative
   * "Apply"). The old photo stays in the store, so undoing the apply finds it again.
   */
  applyResult: {
    channel: 'faceshop:apply-result',
    request: ApplyResultRequestSchema,
    response: OpenedPhotoSchema,
  },
  /**
   * Save the document as a `.faceshop` project: to `path` ("Save"), or where the person picks
   * in the native save dialog ("Save As"; null when they cancel). Atomic: a failure leaves the
   * previous file intact and answers `project-save-failed`.
   */
  saveProject: {
    channel: 'faceshop:save-project',
    request: SaveProjectRequestSchema,
    response: SavedProjectSchema.nullable(),
  },
  /** Open a project from a path or from bytes: its document, its photos registered, warnings. */
  openProject: {
    channel: 'faceshop:open-project',
    request: OpenProjectRequestSchema,
    response: OpenedProjectSchema,
  },
  /** Ask the operating system for a project file and open it; null when the person cancels. */
  openProjectFromDialog: {
    channel: 'faceshop:open-project-from-dialog',
    request: z.void(),
    response: OpenedProjectSchema.nullable(),
  },
  /** Keep the open document safe in the app's data folder (every minute or so, and on big edits). */
  autosave: {
    channel: 'faceshop:autosave',
    request: AutosaveRequestSchema,
    response: AutosavedSchema,
  },
  /** Work a crashed session left behind, to offer at start; null when there is none. */
  checkRecovery: {
    channel: 'faceshop:check-recovery',
    request: z.void(),
    response: RecoveryOfferSchema.nullable(),
  },
  /** Open the work a crashed session left behind (it has unsaved changes by definition). */
  restoreRecovery: {
    channel: 'faceshop:restore-recovery',
    request: z.void(),
    response: OpenedProjectSchema,
  },
  /** The person's preferences, with what was wrong with the stored file (issue 9). */
  getSettings: {
    channel: 'faceshop:get-settings',
    request: z.void(),
    response: LoadedSettingsSchema,
  },
  /**
   * Changes some preferences and stores them. A new execution provider or thread count reopens
   * the model: `getStatus` says `not-loaded` until it is up again.
   */
  updateSettings: {
    channel: 'faceshop:update-settings',
    request: SettingsPatchSchema,
    response: LoadedSettingsSchema,
  },
  clearRecentFiles: {
    channel: 'faceshop:clear-recent-files',
    request: z.void(),
    response: LoadedSettingsSchema,
  },
  /** Help → About: app, model and runtime versions. */
  getAbout: {
    channel: 'faceshop:get-about',
    request: z.void(),
    response: AboutInfoSchema,
  },
  /**
   * The open photo's own pixels for a rectangle at full resolution (the canvas at 100 % and
   * beyond); `photo-not-found` when it is no longer open, `invalid-request` for a rectangle
   * outside it.
   */
  photoDetail: {
    channel: 'faceshop:photo-detail',
    request: PhotoDetailRequestSchema,
    response: PhotoDetailSchema,
  },
  /** Opens the sample photo installed with the app (the first-run screen's "Try it"). */
  openSamplePhoto: {
    channel: 'faceshop:open-sample-photo',
    request: z.void(),
    response: OpenedPhotoSchema,
  },
  /**
   * Files the operating system asked the app to open before the page listened (a double-clicked
   * project); later ones arrive as `openFile` events. Empty in the browser host.
   */
  takeOpenFileRequests: {
    channel: 'faceshop:take-open-file-requests',
    request: z.void(),
    response: z.array(OpenFileRequestSchema),
  },
  /** Throw away the work a crashed session left behind. */
  discardRecovery: {
    channel: 'faceshop:discard-recovery',
    request: z.void(),
    response: z.null(),
  },
  /**
   * Smart copy-paste: a selection on a source photo (one opened with `openPhoto`) becomes the
   * mask, sketch and colour strokes of a pasted-region layer, in region coordinates.
   */
  convertPasteRegion: {
    channel: 'faceshop:convert-paste-region',
    request: ConvertPasteRegionRequestSchema,
    response: ConvertedPasteRegionSchema,
  },
  /**
   * Write the edited photo at full resolution (PNG, JPEG, TIFF, WebP) to `path`, or where the
   * person picks in the native save dialog (null when they cancel). Atomic, read back before
   * it replaces a file; `export-failed` says why it could not be written.
   */
  exportPhoto: {
    channel: 'faceshop:export-photo',
    request: ExportPhotoRequestSchema,
    response: ExportedPhotoSchema.nullable(),
  },
} as const satisfies Record<string, MethodSpec>;

/**
 * Commands the application menu (owned by main) asks the renderer to run: the command catalog's
 * ids (shared/commands/command-catalog.ts), where their labels and keys are written too.
 */
export const MenuCommandSchema = z.enum(COMMAND_IDS);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

export const eventContract = {
  menuCommand: { channel: 'faceshop:menu-command', payload: MenuCommandSchema },
  /** Open a file main was asked to open: File → Open Recent, a double-clicked project. */
  openFile: { channel: 'faceshop:open-file', payload: OpenFileRequestSchema },
} as const satisfies Record<string, { readonly channel: string; readonly payload: z.ZodType }>;

export type BackendContract = typeof backendContract;
export type MethodName = keyof BackendContract;
export type EventName = keyof typeof eventContract;

/** What a caller passes (before parsing) and what a handler receives (after parsing). */
export type RequestOf<M extends MethodName> = z.input<BackendContract[M]['request']>;
export type ParsedRequestOf<M extends MethodName> = z.output<BackendContract[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<BackendContract[M]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]['payload']>;

/** The API the renderer calls. Methods whose request is void take no argument. */
export type BackendApi = {
  readonly [M in MethodName]: [RequestOf<M>] extends [void]
    ? () => Promise<Result<ResponseOf<M>>>
    : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};

/** The object main and the browser host serve. Handlers return failures, they do not throw. */
export type BackendHandlers = {
  readonly [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(backendContract, name);
}

export const methodNames = Object.keys(backendContract) as MethodName[];
