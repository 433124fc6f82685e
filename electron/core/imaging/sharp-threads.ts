/**
 * libvips' thread pool for every sharp pipeline in the process. sharp starts with one thread on
 * some builds and machines (measured here: 1 on a 2-core machine), which makes a 24-megapixel
 * decode-composite-encode take seconds; every core is worth using for that one-off work.
 * Imported for its side effect by the modules that run full-resolution pipelines.
 */
import os from 'node:os';
import sharp from 'sharp';

sharp.concurrency(Math.max(1, os.availableParallelism()));
