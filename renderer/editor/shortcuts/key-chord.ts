/**
 * The key-chord parser moved to shared/commands/key-chord.ts, where the native menu (main) reads
 * it too; this re-export keeps the editor's own imports short.
 */
export * from '../../../shared/commands/key-chord';
