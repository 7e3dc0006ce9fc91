import { useEffect, useMemo, useState } from 'react';
import { checkFrontMatter, FIELD_HELP, suggestPermalink, type FrontMatterIssue } from '../core/frontMatterSchema.ts';
import { frontMatterData } from '../core/pageFile.ts';
import { pageUsingPermalink, permalinkHyphenWarning, samePermalink } from '../core/pageRules.ts';
import { frontMatterReady, useOpenPageStore } from '../store/openPageStore.ts';
import { pageSummary, useWorkspaceStore } from '../store/workspaceStore.ts';
import type { PageSummary } from '../storage/siteApi.ts';
import { FrontMatterField } from './FrontMatterField.tsx';
import { YamlEditor } from './YamlEditor.tsx';

const RESOURCE_LAYOUTS = new Set(['post', 'file', 'link']);

/** Keys with a field below; whenever one of them has an issue, its field is shown. */
const FIELD_KEYS = new Set(['title', 'permalink', 'description', 'image', 'date', 'file_url', 'external', 'third_nav_title']);

/** A front-matter value as the text an input shows. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * What the site's other pages say about the address typed: refused when another page has it (unless
 * the page had it already when opened), and the hyphens the help asks for.
 */
function permalinkIssues(value: unknown, opened: unknown, pages: readonly PageSummary[], path: string | null): FrontMatterIssue[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const issues: FrontMatterIssue[] = [];
  const clash = typeof opened === 'string' && samePermalink(opened, value) ? undefined : pageUsingPermalink(pages, value, path ?? undefined);
  if (clash) {
    issues.push({ key: 'permalink', severity: 'error', message: `The page “${clash.title}” (${clash.path}) already has this address. Choose another one: two pages cannot share an address.` });
  }
  const hyphens = permalinkHyphenWarning(value);
  if (hyphens) issues.push({ key: 'permalink', severity: 'warning', message: hyphens });
  return issues;
}

/** The settings of the open page, started afresh for every page loaded. */
export default function PageSettingsPanel() {
  const loadCount = useOpenPageStore((s) => s.loadCount);
  return <PageSettingsForm key={loadCount} />;
}

/** The settings form of the open page: fields for the common keys, the whole YAML under "Advanced". */
function PageSettingsForm() {
  const status = useOpenPageStore((s) => s.status);
  const file = useOpenPageStore((s) => s.file);
  const pending = useOpenPageStore((s) => s.frontMatterPending);
  const kind = useOpenPageStore((s) => s.kind);
  const path = useOpenPageStore((s) => s.path);
  const setValue = useOpenPageStore((s) => s.setFrontMatterValue);
  const setText = useOpenPageStore((s) => s.setFrontMatterText);
  const untouched = useOpenPageStore((s) => s.file !== null && s.file.frontMatterText === s.opened?.file.frontMatterText);

  const data = useMemo(() => (file ? frontMatterData(file) : {}), [file]);
  const check = useMemo(() => checkFrontMatter(data, { kind }), [data, kind]);
  const pages = useWorkspaceStore((s) => s.pages);
  const openedPermalink = useOpenPageStore((s) => (s.opened?.file.frontMatter ? s.opened.file.frontMatter.get('permalink') : undefined));
  const addressIssues = useMemo(() => permalinkIssues(data['permalink'], openedPermalink, pages, path), [data, openedPermalink, pages, path]);
  const yamlError = file?.frontMatterError ?? null;
  const [advancedOpen, setAdvancedOpen] = useState(yamlError !== null);
  // Broken YAML hides the fields: the text is then the only way to fix it, so it opens (and stays open).
  useEffect(() => {
    if (yamlError) setAdvancedOpen(true);
  }, [yamlError]);

  // A page opens before the YAML parser is loaded; the settings need it now.
  useEffect(() => {
    if (pending) void frontMatterReady();
  }, [pending]);

  if (status === 'none' || status === 'loading' || status === 'error' || !file) {
    return <p className="side-panel__note">Open a page to see its settings.</p>;
  }

  if (pending) return <p className="side-panel__note">Loading the page settings…</p>;

  if (status === 'readOnly') {
    return (
      <div className="settings">
        <p className="side-panel__note">This page is read-only for now, so its settings cannot be changed here.</p>
        <YamlEditor file={file} readOnly />
      </div>
    );
  }

  const issuesFor = (key: string): FrontMatterIssue[] => [...check.errors, ...addressIssues, ...check.warnings].filter((i) => i.key === key);
  const general = [...check.errors, ...check.warnings].filter((i) => i.key === '');
  // Settings without a field (breadcrumb, notification, homepage sections…) say here what is wrong with them.
  const withoutField = [...check.errors, ...check.warnings].filter((i) => i.key !== '' && !FIELD_KEYS.has(i.key));
  const field = (key: string, extra: Partial<Parameters<typeof FrontMatterField>[0]> = {}) => (
    <FrontMatterField name={key} value={asText(data[key])} issues={issuesFor(key)} onChange={(v) => setValue(key, v)} {...extra} />
  );

  const layout = typeof data['layout'] === 'string' ? data['layout'].trim() : '';
  const isResource = kind === 'resource-post' || RESOURCE_LAYOUTS.has(layout);
  const summary = pageSummary(path);
  const prefix = summary?.collection ? [summary.collection, asText(data['third_nav_title']) || summary.thirdNavTitle || ''].filter(Boolean).join('/') : undefined;
  const title = asText(data['title']);

  return (
    <form className="settings" noValidate onSubmit={(event) => event.preventDefault()}>
      {yamlError ? (
        <div className="notice notice--error" role="alert">
          <p>
            The page settings could not be read: line {yamlError.line}, column {yamlError.column}: {yamlError.message}{' '}
            {untouched ? 'Correct the YAML text below. Until you change it, it is saved exactly as it is.' : 'Correct the YAML text below before saving.'}
          </p>
        </div>
      ) : (
        <>
          {check.errors.length > 0 && (
            <p className="settings__summary field__error">
              {check.errors.length === 1 ? 'One setting needs' : `${check.errors.length} settings need`} fixing before the page can be saved.
            </p>
          )}
          {[...general, ...withoutField].map((issue, i) => (
            <p key={i} className={issue.severity === 'error' ? 'field__error' : 'field__warning'} role={issue.severity === 'error' ? 'alert' : undefined}>
              {issue.key === '' ? issue.message : `${FIELD_HELP[issue.key]?.label ?? issue.key}: ${issue.message}`}
            </p>
          ))}
          {field('title')}
          {(layout !== 'file' && layout !== 'link') || 'permalink' in data
            ? field('permalink', {
                actions: (
                  <button type="button" className="button button--small" disabled={title.trim() === ''} onClick={() => setValue('permalink', suggestPermalink(title, prefix))}>
                    Suggest from title
                  </button>
                ),
              })
            : null}
          {field('description', { multiline: true })}
          {field('image', { placeholder: '/images/photo.png' })}
          {(isResource || 'date' in data) && field('date', { placeholder: 'YYYY-MM-DD' })}
          {(layout === 'file' || 'file_url' in data) && field('file_url', { placeholder: '/files/report.pdf' })}
          {(layout === 'link' || 'external' in data) && field('external', { placeholder: 'https://' })}
          {'third_nav_title' in data && <FrontMatterField name="third_nav_title" value={asText(data['third_nav_title'])} issues={issuesFor('third_nav_title')} readOnly />}
          {check.unknownKeys.length > 0 && (
            <p className="field__help">Other settings on this page are kept exactly as written: {check.unknownKeys.join(', ')}.</p>
          )}
        </>
      )}
      <details className="settings__advanced" open={advancedOpen} onToggle={(event) => setAdvancedOpen(event.currentTarget.open)}>
        <summary>Advanced: YAML</summary>
        <YamlEditor file={file} onChange={setText} />
      </details>
    </form>
  );
}
