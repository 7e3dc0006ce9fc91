import { describe, expect, it } from 'vitest';
import { decodePageBytes, UnreadablePageFile } from './pageBytes.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array): string {
  try {
    decodePageBytes(bytes);
  } catch (err) {
    if (err instanceof UnreadablePageFile) return err.message;
    throw err;
  }
  throw new Error('The bytes were read.');
}

describe('decodePageBytes', () => {
  it('reads UTF-8 exactly as stored: empty, a byte order mark, CRLF, Tamil, no final line break', () => {
    for (const text of ['', '\uFEFF---\ntitle: A\n---\n', '---\r\ntitle: A\r\n---\r\n<p>x</p>\r\n', '<p>தமிழ் 华文 ’</p>', '<p>x</p>']) {
      expect(decodePageBytes(utf8(text))).toBe(text);
    }
  });

  it('refuses a binary file, naming the line of its NUL byte', () => {
    expect(refusal(utf8('---\ntitle: A\n---\nab\0cd'))).toBe('This file is binary, not a page (it holds a NUL byte on line 4). It was not read.');
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatch(/binary/);
  });

  it('refuses bytes that are not UTF-8, naming their line, instead of replacement characters', () => {
    // "café" in Latin-1 on line 3.
    const latin1 = new Uint8Array([...utf8('---\ntitle: A\n'), 0x63, 0x61, 0x66, 0xe9, 0x0a, ...utf8('---\n')]);
    expect(refusal(latin1)).toBe(
      'This file is not UTF-8 text (line 3 holds bytes that are not UTF-8). Save it as UTF-8 in a text editor and open it again; it was not read.',
    );
    // A lone continuation byte, and an overlong encoding of "/".
    expect(refusal(new Uint8Array([0x61, 0x80]))).toMatch(/line 1 holds/);
    expect(refusal(new Uint8Array([0x0a, 0x0a, 0xc0, 0xaf]))).toMatch(/line 3 holds/);
  });
});
