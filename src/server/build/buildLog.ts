/**
 * What Jekyll's build log says went wrong: front matter and data files that are not YAML, Liquid
 * errors (the first one stops the build), pages that write to the same address. Messages about the
 * theme and plugins that the offline build leaves out (missing layouts, pagination) are not problems
 * of the change set and are dropped.
 */
import type { BuildProblem, BuildProblemKind } from '../../core/reviewBuildCheck.ts';

export type { BuildProblem, BuildProblemKind };

const ANSI = /\u001b\[[0-9;]*m/g;

/** Site-relative form of a path the log prints, which may be the build folder's absolute path. */
function siteRelative(file: string, sourceDir: string): string {
  const prefix = sourceDir.endsWith('/') ? sourceDir : `${sourceDir}/`;
  const rel = file.startsWith(prefix) ? file.slice(prefix.length) : file;
  return rel.replace(/^\/+/, '');
}

export function readBuildLog(log: string, sourceDir: string, destDir: string): BuildProblem[] {
  const problems: BuildProblem[] = [];
  // Messages name files by their site path, never by the build's temporary folders.
  const quiet = (message: string) => message.split(`${sourceDir}/`).join('').split(`${destDir}/`).join('').split(sourceDir).join('(the site)');
  const lines = log.replace(ANSI, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    let m: RegExpExecArray | null;
    if ((m = /^YAML Exception reading (.+?): (.*)$/.exec(line)) || (m = /^Error reading file (.+?): (.*)$/.exec(line))) {
      problems.push({ kind: 'yaml', fatal: false, file: siteRelative(m[1]!, sourceDir), message: quiet(`Its front matter is not valid YAML: ${m[2]!.replace(/^\(<unknown>\): /, '')}`) });
    } else if ((m = /^Liquid Exception: (.*) in (\S.*)$/.exec(line))) {
      problems.push({ kind: 'liquid', fatal: true, file: siteRelative(m[2]!, sourceDir), message: quiet(m[1]!) });
    } else if ((m = /^Liquid Warning: (.*?)(?: in (\S.*))?$/.exec(line))) {
      problems.push({ kind: 'liquid', fatal: false, file: m[2] ? siteRelative(m[2], sourceDir) : null, message: quiet(m[1]!) });
    } else if (/^Conflict: The following destination is shared by multiple files\./.test(line)) {
      // The next lines (indented) name the address and the files writing to it.
      const rest: string[] = [];
      while (i + 1 < lines.length && /^\s{10,}\S/.test(lines[i + 1]!)) rest.push(lines[++i]!.trim());
      const files = rest.filter((r) => r.startsWith('- ')).map((r) => r.slice(2));
      const target = rest.find((r) => r.startsWith('/'));
      const address = target ? `/${siteRelative(target, destDir).replace(/(^|\/)index\.html$/, '$1')}` : 'one address';
      problems.push({ kind: 'conflict', fatal: false, file: files[0] ?? null, message: `${files.join(' and ') || 'Several files'} are published at the same address, ${address}: one hides the other.` });
    } else if ((m = /^(?:jekyll [\d.]+ \| )?Error:\s+(.*)$/.exec(line))) {
      const message = m[1]!.trim();
      const yaml = /\(<unknown>\)|did not find expected|mapping values are not allowed|could not find expected|found character that cannot start/i.test(message);
      const file = /\b(_config\.yml|_data\/[^\s:]+)/.exec(message)?.[1] ?? null;
      problems.push({ kind: yaml ? 'yaml' : 'build', fatal: true, file, message: quiet(message) });
    }
  }
  return problems;
}

/** The first line of a Ruby error that stopped the build without one of the lines above. */
export function crashMessage(log: string): string | null {
  const line = log
    .replace(ANSI, '')
    .split(/\r?\n/)
    .find((l) => /\(([A-Z]\w*::)*[A-Z]\w*(Error|Exception)\)\s*$/.test(l) && !/^\s+from /.test(l));
  if (!line) return null;
  return line.replace(/^\S+:\d+:in `[^']*': /, '').trim();
}
