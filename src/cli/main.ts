import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { blockRegistry } from '../../extensions/registry.ts';
import { BodyCodec } from '../core/bodyCodec.ts';
import { useJsdom } from '../core/node/useJsdom.ts';
import { decodePageBytes, UnreadablePageFile } from '../core/pageBytes.ts';
import { checkPageText, type PageProblem } from './checkPage.ts';
import { convertPageText, type PageConversion } from './convertPage.ts';
import { editableTotals, formatEditableReport, measurePageText, type PageEditable } from './editableReport.ts';
import { findPageFiles } from './pageFiles.ts';
import { writeBlocksModule } from './blockFolders.ts';
import { NewBlockError, writeNewBlock } from './newBlock.ts';
import { siteEmbedConfigFinder, siteOptionsFinder } from './siteConfig.ts';
import { setSiteEmbedConfig, type SiteEmbedConfig } from '../core/siteEmbedHosts.ts';

const USAGE = `Usage:
  isomer-editor convert <file|dir> --out <dir> [--report <file.json>] [--in-place]
      Writes every page as a tiptap page under --out, at the same relative path. --out may be the
      input folder or inside it only with --in-place (then it may be left out: pages are rewritten).
  isomer-editor check <file|dir>
      Prints the problems of each page; exit code 1 when any page has errors.
  isomer-editor check --editable <file|dir> [--json]
      Prints, per page and in total, how much body text is in visual blocks and how much in raw HTML.
  isomer-editor blocks
      Writes extensions/blocks.generated.ts: the block folders the registry finds under extensions/.
  isomer-editor new-block <name>
      Writes a new block folder under extensions/ (schema, definition, panel, CSS, fixtures, tests).
  isomer-editor serve [--site <dir>] [--port <n>] [--host <loopback address>]
      Serves the editor on a site folder (default: the bundled sample site's working copy), for
      one person on this computer.
  isomer-editor serve --team --site <dir> [--data <dir>] [--database <url>] [--port <n>] [--host <address>]
                      [--public-url <url>]
      Team mode: people sign in; <dir> must be a git working copy. --data holds the server's own
      state (default: <dir>.isomer-editor beside the site); --database postgres://… uses PostgreSQL
      instead of the SQLite file there. --public-url is the address people open (behind HTTPS).
      Mail goes through ISOMER_SMTP_URL (smtp://user:pass@host:port) from ISOMER_MAIL_FROM;
      without ISOMER_SMTP_URL it is printed here.
  isomer-editor admin create --site <dir> --email <address> [--data <dir>] [--database <url>] [--public-url <url>]
      Makes <address> a team admin and prints a one-time link to choose a password.
`;

/** Runs the command line and returns the exit code: 0 fine, 1 some page failed, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'convert':
        return convert(rest);
      case 'check':
        return check(rest);
      case 'serve':
        return await serve(rest);
      case 'admin':
        return await admin(rest);
      case 'blocks':
        await writeBlocksModule(extensionsFolder(), process.cwd());
        return 0;
      case 'new-block':
        return await newBlockCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        return usageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    throw error;
  }
}

class UsageError extends Error {}

/** The project's `extensions/` folder, beside `src/`. */
function extensionsFolder(): string {
  return fileURLToPath(new URL('../../extensions', import.meta.url));
}

async function newBlockCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('Give the new block a name, e.g. new-block callout.');
  try {
    const folder = writeNewBlock(extensionsFolder(), positionals[0]!);
    await writeBlocksModule(extensionsFolder(), process.cwd());
    process.stdout.write(`Wrote ${folder}; it is registered. Run its tests: npx vitest run ${folder}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NewBlockError) throw new UsageError(error.message);
    throw error;
  }
}

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 2;
}

type ParseOptions = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

function parse(args: string[], options: ParseOptions) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function existingInput(positionals: string[]): string {
  if (positionals.length !== 1) throw new UsageError('Give exactly one file or folder.');
  const input = resolve(positionals[0]!);
  if (!existsSync(input)) throw new UsageError(`No such file or folder: ${positionals[0]}`);
  return input;
}

function convert(args: string[]): number {
  const { values, positionals } = parse(args, { out: { type: 'string' }, report: { type: 'string' }, 'in-place': { type: 'boolean' } });
  const input = existingInput(positionals);
  const inPlace = values['in-place'] === true;
  if (typeof values.out !== 'string' && !inPlace) throw new UsageError('convert needs --out <dir>.');
  const folder = isFolder(input);
  const outDir = typeof values.out === 'string' ? resolve(values.out) : folder ? input : dirname(input);
  if (!inPlace && !folder && samePath(outDir, dirname(input))) {
    throw new UsageError(`--out ${values.out} holds the input file: it would be written over. Give another folder, or --in-place to rewrite it.`);
  }
  if (!inPlace && folder && isWithin(outDir, input)) {
    throw new UsageError(`--out ${values.out} is ${samePath(outDir, input) ? 'the input folder' : 'inside the input folder'}: the pages would be written over or among the originals. Give another folder, or --in-place to rewrite them.`);
  }
  const { pages, skipped } = findPageFiles(input);
  const embedsOf = validEmbedConfigs(pages);
  useJsdom();
  const codec = new BodyCodec(blockRegistry);
  const siteOf = siteOptionsFinder();
  const report: Omit<PageConversion, 'output'>[] = [];
  let failed = 0;
  for (const [index, page] of pages.entries()) {
    if (pages.length > 1) process.stderr.write(`[${index + 1}/${pages.length}] ${page.relativePath}\n`);
    setSiteEmbedConfig(embedsOf(page.path));
    const text = readPageText(page.path);
    const result = text instanceof UnreadablePageFile
      ? failedConversion(page.relativePath, text.message)
      : convertPageText(codec, page.relativePath, text, { site: siteOf(page.path) });
    if (result.output !== null) {
      const target = join(outDir, page.relativePath);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, result.output);
    } else {
      failed++;
      process.stderr.write(`  failed: ${result.warnings.join(' ')}\n`);
    }
    const { output: _output, ...entry } = result;
    report.push(entry);
  }
  for (const entry of skipped) {
    failed++;
    process.stderr.write(`${entry.relativePath}\n  not converted: ${entry.reason}\n`);
    const { output: _output, ...failure } = failedConversion(entry.relativePath, `Not converted: ${entry.reason}`);
    report.push(failure);
  }
  if (typeof values.report === 'string') writeFileSync(resolve(values.report), `${JSON.stringify({ pages: report }, null, 2)}\n`);
  const count = (status: string) => report.filter((r) => r.status === status).length;
  process.stderr.write(`${count('converted')} converted, ${count('unchanged')} unchanged, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

function failedConversion(path: string, reason: string): PageConversion {
  return { path, status: 'failed', warnings: [reason], removed: [], keptRaw: [], resolved: [], output: null };
}

/** A page file's text, or why it cannot be read as a page (binary, not UTF-8). */
function readPageText(path: string): string | UnreadablePageFile {
  try {
    return decodePageBytes(readFileSync(path));
  } catch (error) {
    if (error instanceof UnreadablePageFile) return error;
    throw error;
  }
}

/** The problems of one page; a fault reading it is that page's error, and the other pages are still checked. */
function checkedPage(codec: BodyCodec, path: string, text: string): PageProblem[] {
  try {
    return checkPageText(codec, path, text);
  } catch (error) {
    return [{ severity: 'error', message: `The page could not be checked: ${error instanceof Error ? error.message : String(error)}` }];
  }
}

function isFolder(path: string): boolean {
  return statSync(path).isDirectory();
}

/** The real path of `path`, which need not exist yet: its nearest existing folder's real path, and the rest. */
function realPathOf(path: string): string {
  const missing: string[] = [];
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) {
    missing.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...missing);
}

function samePath(a: string, b: string): boolean {
  return realPathOf(a) === realPathOf(b);
}

/** Whether `path` is `folder` or inside it, links resolved. */
function isWithin(path: string, folder: string): boolean {
  const rel = relative(realPathOf(folder), realPathOf(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function check(args: string[]): number {
  const { values, positionals } = parse(args, { editable: { type: 'boolean' }, json: { type: 'boolean' } });
  const input = existingInput(positionals);
  if (values.editable === true) return checkEditable(input, values.json === true);
  if (values.json === true) throw new UsageError('--json goes with --editable.');
  const { pages, skipped } = findPageFiles(input);
  const embedsOf = validEmbedConfigs(pages);
  useJsdom();
  const codec = new BodyCodec(blockRegistry);
  let withErrors = 0;
  const print = (path: string, problems: PageProblem[]) => {
    if (problems.length === 0) return;
    if (problems.some((p) => p.severity === 'error')) withErrors++;
    process.stdout.write(`${path}\n`);
    for (const p of problems) process.stdout.write(`  ${p.severity}${p.line ? ` (line ${p.line})` : ''}: ${p.message}\n`);
  };
  for (const page of pages) {
    setSiteEmbedConfig(embedsOf(page.path));
    const text = readPageText(page.path);
    print(page.relativePath, text instanceof UnreadablePageFile ? [{ severity: 'error', message: text.message }] : checkedPage(codec, page.relativePath, text));
  }
  for (const entry of skipped) print(entry.relativePath, [{ severity: 'error', message: `Not checked: ${entry.reason}` }]);
  return withErrors > 0 ? 1 : 0;
}

/**
 * The embed hosts each page's site adds (`_data/isomer-editor.yml`). A settings file with a mistake
 * stops the run before any page is read: a usage error, with the file's message.
 */
function validEmbedConfigs(pages: { path: string }[]): (pagePath: string) => SiteEmbedConfig {
  const embedsOf = siteEmbedConfigFinder();
  for (const page of pages) {
    const { error } = embedsOf(page.path);
    if (error) throw new UsageError(error);
  }
  return embedsOf;
}

/** `check --editable`: how much of each page's body text is editable visually. Exit 1 when a page could not be read. */
function checkEditable(input: string, json: boolean): number {
  const { pages, skipped } = findPageFiles(input);
  const embedsOf = validEmbedConfigs(pages);
  useJsdom();
  const codec = new BodyCodec(blockRegistry);
  const siteOf = siteOptionsFinder();
  const measured: PageEditable[] = [];
  let failed = skipped.length;
  for (const entry of skipped) process.stderr.write(`${entry.relativePath}\n  not measured: ${entry.reason}\n`);
  for (const page of pages) {
    setSiteEmbedConfig(embedsOf(page.path));
    const text = readPageText(page.path);
    try {
      if (text instanceof UnreadablePageFile) throw text;
      measured.push(measurePageText(codec, page.relativePath, text, { site: siteOf(page.path) }));
    } catch (error) {
      failed++;
      process.stderr.write(`${page.relativePath}\n  not measured: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  const report = { pages: measured, totals: editableTotals(measured) };
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatEditableReport(report));
  return failed > 0 ? 1 : 0;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function portOf(value: string | undefined): number | undefined {
  const port = value === undefined ? undefined : Number(value);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new UsageError(`Not a port: ${value}`);
  return port;
}

function publicUrlOf(value: string | undefined, fallback: string): string {
  const url = value ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`Not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--public-url must be http:// or https://: ${url}`);
  return parsed.origin;
}

/** The site folder of team mode: it must exist and be a git working copy. */
async function teamSiteDir(site: unknown): Promise<string> {
  if (typeof site !== 'string') throw new UsageError('Team mode needs --site <dir>.');
  const siteDir = resolve(site);
  if (!existsSync(siteDir)) throw new UsageError(`No such site folder: ${siteDir}`);
  const { isGitWorkingCopy, GIT_INIT_HOWTO } = await import('../server/team/dataFolder.ts');
  if (!isGitWorkingCopy(siteDir)) throw new UsageError(GIT_INIT_HOWTO(siteDir));
  return siteDir;
}

const TEAM_OPTIONS = { data: { type: 'string' }, database: { type: 'string' }, 'public-url': { type: 'string' } } as const;

async function serveTeam(values: Record<string, unknown>, root: string): Promise<number> {
  const siteDir = await teamSiteDir(values.site);
  const port = portOf(values.port as string | undefined);
  const host = typeof values.host === 'string' ? values.host : undefined;
  const [{ startTeamServer }, { mailTransportFromEnv }, { defaultDataDir }, { openSiteRepository }, { createChangeSetRoutes }, { teamReviewRoutes }] = await Promise.all([
    import('../server/team/teamServer.ts'),
    import('../server/mail/mailTransport.ts'),
    import('../server/team/dataFolder.ts'),
    import('../server/git/repository.ts'),
    import('../server/git/changeSetRoutes.ts'),
    import('../server/review/teamReview.ts'),
  ]);
  const dataDir = resolve(typeof values.data === 'string' ? values.data : defaultDataDir(siteDir));
  const repo = await openSiteRepository({ siteDir, dataDir });
  const server = await startTeamServer({
    siteDir,
    dataDir,
    // Each editor's saves go to their own change set (a git branch), committed as them; review requests publish them.
    ...teamReviewRoutes(repo, (ctx) => createChangeSetRoutes({ repo, authorOf: (c) => ({ ...ctx.userOf(c), name: ctx.userOf(c).name || ctx.userOf(c).email }) })),
    // Drafts are kept per change set, as the saves are.
    changeSetOf: async (user) => (await repo.changeSetFor({ ...user, name: user.name || user.email })).id,
    database: values.database as string | undefined,
    host,
    port,
    publicUrl: values['public-url'] === undefined ? undefined : publicUrlOf(values['public-url'] as string, ''),
    mail: mailTransportFromEnv(),
    appDir: join(root, 'dist'),
  });
  process.stdout.write(`Isomer Page Editor (team mode) is serving ${siteDir}\nOpen ${server.publicUrl}/\n`);
  if (!process.env.ISOMER_SMTP_URL) process.stdout.write('Mail is printed here (set ISOMER_SMTP_URL to send it).\n');
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(() => repo.close()).then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function admin(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError('Did you mean: isomer-editor admin create --site <dir> --email <address>?');
  const { values } = parse(rest, { site: { type: 'string' }, email: { type: 'string' }, ...TEAM_OPTIONS });
  const siteDir = await teamSiteDir(values.site);
  if (typeof values.email !== 'string') throw new UsageError('admin create needs --email <address>.');
  const [{ createFirstAdmin }, { mailTransportFromEnv }] = await Promise.all([import('../server/team/teamServer.ts'), import('../server/mail/mailTransport.ts')]);
  let link: string;
  try {
    link = await createFirstAdmin({
      siteDir,
      dataDir: values.data as string | undefined,
      database: values.database as string | undefined,
      publicUrl: publicUrlOf(values['public-url'] as string | undefined, 'http://127.0.0.1:4173'),
      mail: mailTransportFromEnv(),
      email: values.email,
    });
  } catch (error) {
    if (error instanceof Error && /^Not an email address/.test(error.message)) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(`${values.email} is an admin. Open this link once, within 7 days, to choose a password:\n${link}\n`);
  return 0;
}

async function serve(args: string[]): Promise<number> {
  const { values } = parse(args, { site: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, team: { type: 'boolean' }, ...TEAM_OPTIONS });
  const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
  if (values.team === true) return serveTeam(values, root);
  for (const option of Object.keys(TEAM_OPTIONS)) if (values[option] !== undefined) throw new UsageError(`--${option} goes with --team.`);
  if (typeof values.host === 'string' && !LOOPBACK_HOSTS.has(values.host)) {
    throw new UsageError(`--host ${values.host} would let others on the network edit without signing in. Use team mode (--team) to serve other computers.`);
  }
  const site = typeof values.site === 'string' ? values.site : join(root, '.workspace', 'sample-site');
  const siteDir = resolve(site);
  if (!existsSync(siteDir)) throw new UsageError(`No such site folder: ${siteDir}`);
  const port = portOf(values.port as string | undefined);
  const { startSiteServer } = await import('../server/siteServer.ts');
  const host = typeof values.host === 'string' ? values.host : undefined;
  const server = await startSiteServer({ siteDir, appDir: join(root, 'dist'), host, port });
  process.stdout.write(`Isomer Page Editor is editing ${siteDir}\nOpen ${server.url}\n`);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
