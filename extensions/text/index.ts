import type { BlockDefinition } from '../../src/core/blockDefinition.ts';
import { headingLabel, pageTitleAllowed } from './headingNames.ts';
import { textExtensions } from './schema.ts';

export const textBlock: BlockDefinition = {
  name: 'text',
  order: 10,
  plainMarkup: {
    p: {}, h1: {}, h2: {}, h3: {}, h4: {}, h5: {}, h6: {}, blockquote: {}, pre: {}, code: {},
    strong: {}, b: {}, em: {}, i: {}, u: {}, s: {}, del: {}, strike: {}, sup: {}, sub: {}, mark: {}, span: {}, br: {},
    ul: { 'data-tight': ['true'] },
    ol: { 'data-tight': ['true'], start: true },
    li: {},
    a: { href: true, target: true, rel: true, title: true },
  },
  extensions: textExtensions,
  sanitizer: {
    // A checklist item's box; other text markup follows the generic rules.
    elements: [{ tag: 'input', within: 'li[data-type="taskItem"] > label', attributes: { type: ['checkbox'], checked: ['checked'] } }],
  },
  insertEntries: [
    { id: 'paragraph', label: 'Text', icon: '¶', keywords: ['paragraph', 'text', 'plain'], insert: (e) => e.chain().focus().setParagraph().run() },
    ...([1, 2, 3, 4, 5, 6] as const).map((level) => ({
      id: `heading-${level}`,
      label: headingLabel(level),
      icon: `H${level}`,
      keywords: ['heading', 'title', `h${level}`],
      ...(level === 1 ? { allowed: pageTitleAllowed } : {}),
      insert: (e: import('@tiptap/core').Editor) => e.chain().focus().setHeading({ level }).run(),
    })),
    { id: 'bullet-list', label: 'Bulleted list', icon: '•', keywords: ['list', 'bullet', 'ul'], insert: (e) => e.chain().focus().toggleBulletList().run() },
    { id: 'ordered-list', label: 'Numbered list', icon: '1.', keywords: ['list', 'numbered', 'ordered', 'ol'], insert: (e) => e.chain().focus().toggleOrderedList().run() },
    { id: 'task-list', label: 'Checklist', icon: '☑', keywords: ['task', 'todo', 'checklist'], insert: (e) => e.chain().focus().toggleTaskList().run() },
    { id: 'blockquote', label: 'Quote', icon: '❝', keywords: ['quote', 'blockquote'], insert: (e) => e.chain().focus().toggleBlockquote().run() },
    { id: 'code-block', label: 'Code', icon: '</>', keywords: ['code', 'pre'], insert: (e) => e.chain().focus().toggleCodeBlock().run() },
  ],
  fixtures: [
    { name: 'paragraphs and marks', html: '<p>Plain <strong>bold</strong> <em>italic</em> <u>under</u> <s>struck</s> x<sup>2</sup> H<sub>2</sub>O <code>code</code> <mark>marked</mark></p>' },
    { name: 'headings', html: '<h1>Title</h1>\n<h2>Two</h2>\n<h3>Three</h3>\n<h4>Four</h4>\n<h5>Five</h5>\n<h6>Six</h6>' },
    { name: 'tight list', html: '<ul data-tight="true" class="tight">\n<li>\n<p>One</p>\n</li>\n<li>\n<p>Two</p>\n</li>\n</ul>' },
    { name: 'ordered list', html: '<ol>\n<li>\n<p>First</p>\n</li>\n</ol>' },
    {
      name: 'checklist',
      html:
        '<ul data-type="taskList">\n<li data-type="taskItem" data-checked="true">\n<label><input type="checkbox" checked="checked"><span></span></label>\n<div>\n<p>Read the park rules</p>\n</div>\n</li>\n' +
        '<li data-type="taskItem" data-checked="false">\n<label><input type="checkbox"><span></span></label>\n<div>\n<p>Bring water</p>\n</div>\n</li>\n</ul>',
    },
    { name: 'links', html: '<p><a href="https://example.org/" rel="noopener noreferrer nofollow" target="_blank">out</a> and <a href="/about-us/">in</a></p>' },
    { name: 'blockquote and breaks', html: '<blockquote>\n<p>Said<br>twice</p>\n</blockquote>\n<p></p>' },
    {
      name: 'site attributes kept',
      html: '<h2 id="fees" class="section-title">Fees</h2>\n<p class="lead" style="color: #334" lang="ms" title="Note" data-note="a">Yuran <em class="aside">sahaja</em></p>\n<ol class="steps" style="list-style-type: lower-roman">\n<li class="step" data-step="1">\n<p>One</p>\n</li>\n</ol>',
    },
  ],
};
