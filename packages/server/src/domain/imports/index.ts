export { applyCreates, applyUpdates, type ChunkContext } from './apply-chunk'
export {
  assertOpen,
  assertRoom,
  type ChunkInput,
  countChanges,
  findImport,
  finishImport,
  type ImportOptions,
  importOptions,
  insertImport,
  storedChunk,
  toImport,
} from './jobs'
export { type PreparedChunk, prepareChunk } from './prepare-chunk'
export { processChunk } from './process-chunk'
