export { DirectorySync, type DirectorySyncProps } from './directory-sync'
export { directorySyncKeys, useDirectoryRequests, useDirectorySync } from './use-directory-sync'
