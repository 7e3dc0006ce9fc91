import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateCore, StateInline } from 'markdown-it';

/** What the rules did that the report should say; `line` is 0-based in the parsed source. */
export interface ExtensionEvent {
  kind: 'resolved' | 'removed';
  line: number;
  message: string;
  snippet: string;
}

export interface ExtensionEnv {
  extensionEvents?: ExtensionEvent[];
  /** While text is parsed: the 0-based line its block starts on. */
  inlineLine?: number;
}

// kramdown's `{::name attributes}` or `{::name attributes /}` (kramdown/parser/kramdown/extensions.rb).
const START = /^\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}/;
const KNOWN = new Set(['comment', 'nomarkdown', 'options']);

/**
 * kramdown extensions, as kramdown publishes them: `{::comment}…{:/}` is a comment, `{::nomarkdown}…{:/}`
 * is its content as written (raw HTML, judged by the sanitiser like any other), `{::options … /}` is left
 * out (the conversion does not follow options a page sets), each reported. As blocks they stand on lines
 * of their own, the closing `{:/}` or `{:/name}` too; within text they run to the next closing mark.
 */
export function kramdownExtensions(md: MarkdownIt): void {
  md.block.ruler.before('html_block', 'kramdown_extension', blockExtension);
  md.inline.ruler.before('text', 'kramdown_extension', spanExtension);
  // markdown-it's own inline step, which also notes where each text block starts, for the report.
  md.core.ruler.at('inline', (state: StateCore) => {
    const env = state.env as ExtensionEnv;
    for (const token of state.tokens) {
      if (token.type !== 'inline') continue;
      env.inlineLine = token.map?.[0] ?? env.inlineLine;
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? (token.children = []));
    }
  });
}

function event(env: ExtensionEnv, line: number, kind: ExtensionEvent['kind'], message: string, snippet: string): void {
  (env.extensionEvents ??= []).push({ kind, line, message, snippet });
}

/** The output of one extension: HTML, or null when it has none; reported either way. */
function render(env: ExtensionEnv, line: number, name: string, body: string | null, snippet: string): string | null {
  if (name === 'options') {
    event(env, line, 'removed', 'Left out kramdown options set in the page ({::options}): the conversion does not follow them.', snippet);
    return null;
  }
  if (body === null) return null;
  if (name === 'comment') {
    event(env, line, 'resolved', 'Turned a kramdown comment ({::comment}) into an HTML comment, hidden as before.', snippet);
    // `--` could end the comment early; kramdown's own output has the same hazard.
    return `<!-- ${body.replace(/--/g, '- -')} -->`;
  }
  event(env, line, 'resolved', 'Kept the content of {::nomarkdown} as raw HTML, as kramdown publishes it.', snippet);
  return body;
}

function blockExtension(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const lineText = state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]);
  const start = START.exec(lineText);
  if (!start || !KNOWN.has(start[1]!) || lineText.slice(start[0].length).trim() !== '') return false;
  const name = start[1]!;
  let last = startLine;
  let body: string | null = null;
  if (!start[3]) {
    const stop = new RegExp(`^\\{:/(?:${name})?\\}\\s*$`);
    last = startLine + 1;
    while (last < endLine && !stop.test(state.src.slice(state.bMarks[last]! + state.tShift[last]!, state.eMarks[last]))) last++;
    // Without its closing mark kramdown reads the line as text.
    if (last >= endLine) return false;
    body = state.getLines(startLine + 1, last, state.blkIndent, false);
  }
  if (silent) return true;
  const html = render(state.env as ExtensionEnv, startLine, name, body, lineText);
  if (html !== null) {
    const token = state.push('html_block', '', 0);
    token.map = [startLine, last + 1];
    token.content = `${html}\n`;
  }
  state.line = last + 1;
  return true;
}

function spanExtension(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith('{::', state.pos)) return false;
  const rest = state.src.slice(state.pos, state.posMax);
  const start = START.exec(rest);
  if (!start || !KNOWN.has(start[1]!)) return false;
  const name = start[1]!;
  let length = start[0].length;
  let body: string | null = null;
  if (!start[3]) {
    const stop = new RegExp(`\\{:/(?:${name})?\\}`).exec(rest.slice(length));
    if (!stop) return false;
    body = rest.slice(length, length + stop.index);
    length += stop.index + stop[0].length;
  }
  if (!silent) {
    const html = render(state.env as ExtensionEnv, lineOfInline(state), name, body, rest.slice(0, length));
    if (html !== null) {
      const token = state.push('html_inline', '', 0);
      token.content = html;
      // Published as written: not read again as span HTML.
      token.meta = { kramdownRaw: true };
    }
  }
  state.pos += length;
  return true;
}

/** The 0-based source line of the inline position (the paragraph's first line plus the breaks before it). */
function lineOfInline(state: StateInline): number {
  const first = (state.env as ExtensionEnv).inlineLine ?? 0;
  return first + (state.src.slice(0, state.pos).match(/\n/g)?.length ?? 0);
}
