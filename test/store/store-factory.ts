import type { Store } from '../../src/store/index.js';

export interface StoreFactory {
  /** Opens a store on a fresh, empty database; `reopen` opens the same database again. */
  open(): Promise<{
    store: Store;
    reopen: () => Promise<Store>;
    cleanup: () => Promise<void>;
    /** Where the database is, for a second thread to open it. */
    location: { sqlite?: string; postgres?: string };
  }>;
}
