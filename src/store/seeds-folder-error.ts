/**
 * The seeds folder cannot give a corpus: it is missing, not a folder, unreadable, or holds no seed file that can be
 * read. Nothing is built or written: the stored index is left as it is (a reindex keeps the live one). In a module of
 * its own, so that the sharding manager can tell this failure of its rebuild process without loading the index's
 * code (and the wink model with it).
 */
export class SeedsFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedsFolderError';
  }
}
