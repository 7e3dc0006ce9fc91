/** A page file's bytes that are not text a page can hold: binary, or not UTF-8. */
export class UnreadablePageFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadablePageFile';
  }
}

/**
 * The text of a page file, exactly as stored (a byte order mark is kept). Throws `UnreadablePageFile`
 * for a binary file (a NUL byte) or bytes that are not UTF-8, rather than guessing characters: text
 * decoded with replacement characters would be saved back changed.
 */
export function decodePageBytes(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UnreadablePageFile(`This file is binary, not a page (it holds a NUL byte on line ${lineAt(bytes, nul)}). It was not read.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UnreadablePageFile(
      `This file is not UTF-8 text (line ${lineAt(bytes, firstInvalidByte(bytes))} holds bytes that are not UTF-8). ` +
        'Save it as UTF-8 in a text editor and open it again; it was not read.',
    );
  }
}

/** The 1-based line of byte `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Where the first sequence that is not UTF-8 ends: the shortest prefix that fails to decode. */
function firstInvalidByte(bytes: Uint8Array): number {
  // A prefix may end inside a character: streaming decoding waits for the rest instead of failing.
  const fails = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
