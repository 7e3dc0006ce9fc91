/**
 * Unsaved work kept in the browser (IndexedDB), so that it survives a closed tab or a crash.
 * One draft per site and page: the editor's document as JSON (hidden attributes included), the
 * front matter text, the version of the file it was based on, and when it was kept.
 */
export interface PageDraft {
  siteId: string;
  path: string;
  /** The editor document (`editor.getJSON()`). */
  doc: unknown;
  frontMatterText: string;
  /** Etag of the file version the edits started from. */
  baseEtag: string | null;
  /** ms since the epoch. */
  savedAt: number;
}

/**
 * A draft as kept: the document as JSON text. IndexedDB copies a string far faster than the object
 * tree of a large page (which it would copy twice, blocking the page for a moment at every keep).
 */
export interface KeptDraft extends Omit<PageDraft, 'doc'> {
  docJson: string;
}

const DB_NAME = 'isomer-editor';
const STORE = 'drafts';
const VERSION = 1;

let dbPromise: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) {
        const store = db.createObjectStore(STORE, { keyPath: ['siteId', 'path'] });
        store.createIndex('siteId', 'siteId');
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        dbPromise = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      dbPromise = null;
      reject(req.error ?? new Error('IndexedDB could not be opened'));
    };
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
  return dbPromise;
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = fn(tx.objectStore(STORE));
        // Resolve once the transaction is committed, so a draft "saved" is really on disk.
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB request failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

export function putDraft(draft: KeptDraft): Promise<void> {
  return run('readwrite', (s) => s.put(draft)).then(() => undefined);
}

export async function getDraft(siteId: string, path: string): Promise<PageDraft | null> {
  const found = await run<(KeptDraft | PageDraft) | undefined>('readonly', (s) => s.get([siteId, path]) as IDBRequest<KeptDraft | PageDraft | undefined>);
  return found ? readKeptDraft(found) : null;
}

/** A draft as read back: its document parsed (a draft kept before drafts held JSON text has it as is). */
export function readKeptDraft(kept: KeptDraft | PageDraft): PageDraft {
  if (!('docJson' in kept)) return kept;
  const { docJson, ...rest } = kept;
  return { ...rest, doc: JSON.parse(docJson) as unknown };
}

export function deleteDraft(siteId: string, path: string): Promise<void> {
  return run('readwrite', (s) => s.delete([siteId, path])).then(() => undefined);
}

/** Paths of the pages of one site that have a draft. */
export async function listDraftPaths(siteId: string): Promise<string[]> {
  const keys = await run<IDBValidKey[]>('readonly', (s) => s.index('siteId').getAllKeys(IDBKeyRange.only(siteId)));
  return keys.map((k) => (Array.isArray(k) ? String(k[1]) : '')).filter((p) => p !== '');
}
