/** The project document: types, schemas and pure queries. */
export * from './color';
export * from './create-document';
export * from './document';
export * from './ids';
export * from './iris';
export * from './layer';
export * from './layer-queries';
export * from './network-view';
export * from './photo-ref';
export * from './revision';
export * from './stroke';
export * from './transform';
export * from './work-area';
