/** The `.faceshop` project file: format, limits, manifest, migrations, repair and its IPC. */
export * from './migrations';
export * from './project-api';
export * from './project-format';
export * from './project-limits';
export * from './project-manifest';
export * from './project-session';
export * from './project-warning';
export * from './repair-document';
