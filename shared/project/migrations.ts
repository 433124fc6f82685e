/**
 * Numbered migrations for saved data (STYLE.md 10). A registry is a list of steps, each
 * turning version N into N + 1; `migrate` reads the version a file says it has and applies
 * every step from there to the current version, in order. Steps work on untrusted JSON and
 * only reshape it: validation runs after the last step, against the current schema.
 *
 * Format version 1 is the first the app ever wrote, so both registries are empty today. The
 * first change of the document's shape adds `{ from: 1, to: 2, ... }` to DOCUMENT_MIGRATIONS,
 * bumps DOCUMENT_SCHEMA_VERSION, and commits a v1 fixture (tests/fixtures/project/ already holds
 * one). `checkMigrationChain` (run by the tests) keeps every registry complete.
 */
import { DOCUMENT_SCHEMA_VERSION } from '../document/document';
import { PROJECT_SCHEMA_VERSION } from './project-format';

export interface Migration {
  readonly from: number;
  readonly to: number;
  /** What changed, in a sentence; shown to the person as part of the "converted" warning. */
  readonly description: string;
  readonly migrate: (value: Record<string, unknown>) => Record<string, unknown>;
}

export interface MigrationRegistry {
  /** What the data is (for messages): "document", "project". */
  readonly subject: string;
  /** The oldest version this app can still convert. */
  readonly oldest: number;
  readonly current: number;
  readonly steps: readonly Migration[];
}

export const DOCUMENT_MIGRATIONS: MigrationRegistry = {
  subject: 'document',
  oldest: 1,
  current: DOCUMENT_SCHEMA_VERSION,
  steps: [],
};

export const MANIFEST_MIGRATIONS: MigrationRegistry = {
  subject: 'project',
  oldest: 1,
  current: PROJECT_SCHEMA_VERSION,
  steps: [],
};

export type MigrationOutcome =
  | {
      readonly ok: true;
      readonly value: Record<string, unknown>;
      /** The steps applied, oldest first; empty when the data was already current. */
      readonly applied: readonly Migration[];
    }
  | {
      readonly ok: false;
      readonly reason: 'too-new' | 'too-old' | 'no-version';
      readonly error: string;
    };

/** Reads `schemaVersion` from `value` and brings it to `registry.current`. Never throws. */
export function migrate(value: unknown, registry: MigrationRegistry): MigrationOutcome {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'no-version', error: `the ${registry.subject} is not an object` };
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      ok: false,
      reason: 'no-version',
      error: `the ${registry.subject} has no valid schema version`,
    };
  }
  if (version > registry.current) {
    return {
      ok: false,
      reason: 'too-new',
      error: `the ${registry.subject} has schema version ${version}; this FaceShop reads up to version ${registry.current}`,
    };
  }
  if (version < registry.oldest) {
    return {
      ok: false,
      reason: 'too-old',
      error: `the ${registry.subject} has schema version ${version}, older than any FaceShop release (${registry.oldest})`,
    };
  }
  let current = value as Record<string, unknown>;
  const applied: Migration[] = [];
  for (let from = version; from < registry.current; from += 1) {
    const step = registry.steps.find((candidate) => candidate.from === from);
    if (step === undefined) {
      return {
        ok: false,
        reason: 'too-old',
        error: `no conversion of the ${registry.subject} from schema version ${from} exists`,
      };
    }
    // Steps receive a copy, so a step that edits in place cannot touch the caller's data. The
    // value came from JSON.parse, so a JSON round trip copies it exactly.
    const copy = JSON.parse(JSON.stringify(current)) as Record<string, unknown>;
    current = { ...step.migrate(copy), schemaVersion: step.to };
    applied.push(step);
  }
  return { ok: true, value: current, applied };
}

/** Problems with a registry's chain of steps; empty when every version can reach the current. */
export function checkMigrationChain(registry: MigrationRegistry): string[] {
  const problems: string[] = [];
  for (let from = registry.oldest; from < registry.current; from += 1) {
    const steps = registry.steps.filter((step) => step.from === from);
    if (steps.length !== 1) problems.push(`${steps.length} steps from version ${from}`);
    else if (steps[0]?.to !== from + 1)
      problems.push(`the step from ${from} does not go to ${from + 1}`);
  }
  for (const step of registry.steps) {
    if (step.from < registry.oldest || step.to > registry.current) {
      problems.push(
        `step ${step.from} → ${step.to} lies outside ${registry.oldest}–${registry.current}`,
      );
    }
  }
  return problems;
}
