import { execFileSync, spawnSync } from 'node:child_process';

/**
 * Jekyll's real kramdown, as a test oracle: every `.md` page of a site, tiptap bodies included, is
 * rendered by it. Debian's `ruby-kramdown` and `ruby-kramdown-parser-gfm` (installed by `npm test`).
 * One Ruby process renders a whole batch: bodies in, HTML out, as JSON.
 */

/** Jekyll's defaults for kramdown (no syntax highlighter: code is compared as kramdown writes it). */
const RENDER_SCRIPT = `
require "json"
require "kramdown"
require "kramdown-parser-gfm"
options = {
  input: "GFM", hard_wrap: false, auto_ids: true, footnote_nr: 1, entity_output: "as_char",
  toc_levels: (1..6).to_a, smart_quotes: "lsquo,rsquo,ldquo,rdquo", show_warnings: false,
  guess_lang: true, syntax_highlighter: nil
}
bodies = JSON.parse(STDIN.read)
STDOUT.write(JSON.generate(bodies.map { |body| Kramdown::Document.new(body, options).to_html }))
`;

/** Why kramdown cannot run here, or null when it can. */
export function kramdownMissing(): string | null {
  try {
    execFileSync('ruby', ['-e', 'require "kramdown"; require "kramdown-parser-gfm"'], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return (
      "Jekyll's kramdown is needed as the test oracle but cannot be loaded " +
      `(${(error as Error).message.split('\n')[0]}). Install it with: ` +
      'apt-get install -y ruby-kramdown ruby-kramdown-parser-gfm (npm test does this when run as root).'
    );
  }
}

/** Each body rendered by kramdown with Jekyll's settings, in order. */
export function renderWithKramdown(bodies: readonly string[]): string[] {
  const result = spawnSync('ruby', ['-e', RENDER_SCRIPT], {
    input: JSON.stringify(bodies),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    timeout: 300_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`kramdown failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}
