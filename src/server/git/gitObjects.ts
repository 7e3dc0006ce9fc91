/**
 * Git's object formats, written without a git process: blobs, trees and commits as loose objects
 * (SHA-1 repositories), and a tree changed entry by entry without unpacking the rest of it. A save
 * then costs hashing and one file per object, where `update-index`, `write-tree` and `commit-tree`
 * each cost a process that reads and rewrites the worktree's whole index.
 *
 * Trees stay in git's own encoding (`<mode> <name>\0<20-byte id>` per entry, sorted as git sorts
 * them), so changing one page of a folder of thousands copies bytes rather than parsing entries.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflate, deflateSync } from 'node:zlib';
import { errnoCode } from '../errors.ts';

const deflateAsync = promisify(deflate);
/** git's own level for loose objects (core.looseCompression): the fastest. */
const LOOSE_COMPRESSION = { level: 1 };
/** Smaller objects (pages, trees, commits) are compressed at once: quicker than a trip to the thread pool. */
const DEFLATE_IN_PLACE_BYTES = 256 * 1024;

export type ObjectType = 'blob' | 'tree' | 'commit';

export const TREE_MODE = '40000';
export const FILE_MODE = '100644';
export const EXECUTABLE_MODE = '100755';

/** The object's id: SHA-1 of its header and body, as git computes it. */
export function objectId(type: ObjectType, body: Uint8Array): string {
  return createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');
}

/**
 * Writes the object into `objectsDir` as a loose object (as `git hash-object -w` does) and returns
 * its id. The file appears whole or not at all: it is written under a temporary name git's own
 * clean-up knows (`tmp_obj_…`) and renamed into place; an object already there is replaced by the
 * same bytes.
 */
export async function writeLooseObject(objectsDir: string, type: ObjectType, body: Uint8Array): Promise<string> {
  const id = objectId(type, body);
  const dir = path.join(objectsDir, id.slice(0, 2));
  const raw = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
  const data = raw.length <= DEFLATE_IN_PLACE_BYTES ? deflateSync(raw, LOOSE_COMPRESSION) : await deflateAsync(raw, LOOSE_COMPRESSION);
  const tmp = path.join(dir, `tmp_obj_${randomBytes(8).toString('hex')}`);
  const write = () => writeFile(tmp, data, { flag: 'wx', mode: 0o444 });
  await write().catch(async (err) => {
    if (errnoCode(err) !== 'ENOENT') throw err;
    await mkdir(dir, { recursive: true }); // the first object of its folder (or git prune removed it)
    await write();
  });
  try {
    await rename(tmp, path.join(dir, id.slice(2)));
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  return id;
}

/** One entry of a tree as git stores it. */
export interface TreeEntry {
  mode: string;
  /** The name's bytes (git does not require UTF-8). */
  name: Buffer;
  /** 40 hex digits. */
  id: string;
}

interface FoundEntry extends TreeEntry {
  start: number;
  end: number;
}

/** The entries of an encoded tree, in order, with where each starts and ends. */
function* treeEntries(tree: Buffer): Generator<FoundEntry> {
  let at = 0;
  while (at < tree.length) {
    const space = tree.indexOf(0x20, at);
    const nul = tree.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > tree.length) throw new Error('malformed tree object');
    const end = nul + 21;
    yield { mode: tree.toString('latin1', at, space), name: tree.subarray(space + 1, nul), id: tree.toString('hex', nul + 1, end), start: at, end };
    at = end;
  }
}

export function isTreeMode(mode: string): boolean {
  return mode === TREE_MODE;
}

/** Git's order: names compared as bytes, a folder's name as if it ended with `/`. */
function compareEntryNames(a: Buffer, aIsTree: boolean, b: Buffer, bIsTree: boolean): number {
  const len = Math.min(a.length, b.length);
  const head = Buffer.compare(a.subarray(0, len), b.subarray(0, len));
  if (head !== 0) return head;
  const ca = a.length > len ? a[len]! : aIsTree ? 0x2f : 0;
  const cb = b.length > len ? b[len]! : bIsTree ? 0x2f : 0;
  return ca - cb;
}

/** The entry called `name` (of any type), or null. */
export function findTreeEntry(tree: Buffer, name: Buffer): TreeEntry | null {
  for (const e of treeEntries(tree)) if (e.name.equals(name)) return { mode: e.mode, name: e.name, id: e.id };
  return null;
}

function encodeEntry(e: TreeEntry): Buffer {
  return Buffer.concat([Buffer.from(`${e.mode} `, 'latin1'), e.name, Buffer.from([0]), Buffer.from(e.id, 'hex')]);
}

/**
 * The tree with `name` set to `entry` (added or replaced; an entry of that name of another type is
 * replaced too), or removed when `entry` is null. Returns the same buffer when nothing changes.
 */
export function withTreeEntry(tree: Buffer, name: Buffer, entry: Omit<TreeEntry, 'name'> | null): Buffer {
  const isTree = entry !== null && isTreeMode(entry.mode);
  let insertAt = -1;
  let old: FoundEntry | null = null;
  for (const e of treeEntries(tree)) {
    if (e.name.equals(name)) old = e;
    else if (insertAt < 0 && compareEntryNames(e.name, isTreeMode(e.mode), name, isTree) > 0) insertAt = e.start;
  }
  if (old && entry && old.mode === entry.mode && old.id === entry.id) return tree;
  if (!old && !entry) return tree;
  const without = old ? Buffer.concat([tree.subarray(0, old.start), tree.subarray(old.end)]) : tree;
  if (!entry) return without;
  // Positions found before the old entry was cut out move back by its length.
  let at = insertAt < 0 ? without.length : insertAt;
  if (old && insertAt > old.start) at -= old.end - old.start;
  return Buffer.concat([without.subarray(0, at), encodeEntry({ ...entry, name }), without.subarray(at)]);
}

/** An identity line's value, `Name <email> 1700000000 +0800`, for `at` in this machine's time zone. */
export function identLine(name: string, email: string, at: Date = new Date()): string {
  const offset = -at.getTimezoneOffset();
  const abs = Math.abs(offset);
  const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return `${name} <${email}> ${Math.floor(at.getTime() / 1000)} ${zone}`;
}

/**
 * True when git would write `text` into an identity unchanged: git drops characters it calls crud
 * (spaces, `.`, `,`, `:`, `;`, quotes, `\`, `<`, `>`, controls) from either end and refuses `<`, `>`
 * and line breaks inside. Identities that git would alter are left to git itself.
 */
export function identWrittenAsIs(text: string): boolean {
  const crud = /[\u0000-\u0020.,:;<>"'\\]/;
  return text.length > 0 && !crud.test(text[0]!) && !crud.test(text.at(-1)!) && !/[<>\n]/.test(text);
}

/** A commit object's body, as `git commit-tree -m` writes it (author and committer the same). */
export function commitBody(opts: { tree: string; parents: string[]; ident: string; message: string }): Buffer {
  const lines = [`tree ${opts.tree}`, ...opts.parents.map((p) => `parent ${p}`), `author ${opts.ident}`, `committer ${opts.ident}`, '', opts.message];
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/** The tree a commit object's body names. */
export function treeOfCommit(body: Buffer): string {
  const m = /^tree ([0-9a-f]{40})\n/.exec(body.toString('latin1', 0, 46));
  if (!m) throw new Error('malformed commit object');
  return m[1]!;
}
