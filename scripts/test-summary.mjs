#!/usr/bin/env node
/**
 * Prints one closing line for the whole gate, e.g. `tests: 180 passed, 0 failed, 1 skipped`,
 * from the JSON reports the unit and e2e runs write (see package.json). Exits non-zero if a
 * report is missing, counts a failure, or counts no test at all: a gate that ran nothing must
 * not look green.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The part of Vitest's JSON report this reads. */
const VitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
});

const reports = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports) {
  const report = VitestReport.parse(JSON.parse(await readFile(file, 'utf8')));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failed > 0 || passed === 0) process.exitCode = 1;
