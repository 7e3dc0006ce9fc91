import { DOMParser as PMDOMParser, type ParseRule, type Schema, type TagParseRule } from '@tiptap/pm/model';

// One compound selector of a tag name, classes and attribute tests: `div.isomer-card`, `div[data-type="x"]`, `a[href]`.
// Names in lower case only: those compare alike in and outside HTML, as a selector engine compares them.
const COMPOUND = /^([a-z][a-z0-9-]*)((?:\.[\w-]+|\[[a-z0-9-]+(?:="[^"\\]*")?\])*)$/;
const PART = /\.([\w-]+)|\[([a-z0-9-]+)(?:="([^"\\]*)")?\]/g;

/** A rule's selector, evaluated without a selector engine; null when the selector is not that simple. */
type Test = (element: Element) => boolean;

function compile(selector: string): { name: string; test: Test } | null {
  const match = COMPOUND.exec(selector);
  if (!match) return null;
  const classes: string[] = [];
  const attributes: [string, string | undefined][] = [];
  for (const part of match[2]!.matchAll(PART)) {
    if (part[1] !== undefined) classes.push(part[1]);
    // HTML matches some attribute values without regard to case (`type`, `lang`…); `data-*` ones never.
    else if (part[3] !== undefined && !part[2]!.startsWith('data-')) return null;
    else attributes.push([part[2]!, part[3]]);
  }
  const test: Test = (element) => {
    for (const [name, value] of attributes) {
      const actual = element.getAttribute(name);
      if (actual === null || (value !== undefined && actual !== value)) return false;
    }
    if (classes.length === 0) return true;
    // Class names compare exactly, as in a standards-mode document, whatever the document's mode.
    const tokens = ` ${(element.getAttribute('class') ?? '').replace(/[\t\n\f\r ]+/g, ' ')} `;
    return classes.every((c) => tokens.includes(` ${c} `));
  };
  return { name: match[1]!, test };
}

interface ParserInternals {
  /** ProseMirror's tag rules in order of precedence (internal to the parser, stable across its versions). */
  tags: TagParseRule[];
}

/**
 * ProseMirror's DOM parser, with its rules looked up by tag name. The stock parser tries every tag rule
 * on every element with `Element.matches`, which is slow in jsdom (a selector engine written in
 * JavaScript) and adds up to much of an import. This one tries only the rules that can match an
 * element of that name, in the same order, and tests simple selectors itself. The rule chosen is the
 * one the stock parser would choose in a standards-mode document.
 */
export class TagIndexedParser extends PMDOMParser {
  private readonly byName = new Map<string, TagParseRule[]>();
  /** Each rule's tag name and test; null for a selector left to `Element.matches`. */
  private readonly compiled = new Map<TagParseRule, { name: string; test: Test } | null>();
  /**
   * True when no rule needs `Element.matches`. Then matching does not depend on the document's mode
   * (a quirks-mode document matches class names without regard to case).
   */
  readonly independentOfMode: boolean;

  constructor(schema: Schema, rules: readonly ParseRule[]) {
    super(schema, rules);
    for (const rule of (this as unknown as ParserInternals).tags) this.compiled.set(rule, compile(rule.tag));
    this.independentOfMode = [...this.compiled.values()].every((c) => c !== null);
  }

  /** The parser of a schema's own rules (those `DOMParser.fromSchema` uses). */
  static forSchema(schema: Schema): TagIndexedParser {
    return new TagIndexedParser(schema, PMDOMParser.fromSchema(schema).rules);
  }

  /** The rules worth trying on an element named `name`, in the parser's order. */
  private candidates(name: string): TagParseRule[] {
    let list = this.byName.get(name);
    if (!list) {
      list = (this as unknown as ParserInternals).tags.filter((rule) => {
        const compiled = this.compiled.get(rule);
        return !compiled || compiled.name === name;
      });
      this.byName.set(name, list);
    }
    return list;
  }

  /** Same contract as ProseMirror's own `matchTag`, which its parse context calls. */
  matchTag(dom: Node, context: { matchesContext(context: string): boolean }, after?: TagParseRule): TagParseRule | undefined {
    const element = dom as Element;
    // A parsed HTML element's name is in lower case, as the rules' names are; other elements' names compare exactly.
    const rules = this.candidates(element.localName);
    for (let i = after ? rules.indexOf(after) + 1 : 0; i < rules.length; i++) {
      const rule = rules[i]!;
      const compiled = this.compiled.get(rule);
      const selected = compiled ? compiled.test(element) : element.matches(rule.tag);
      if (
        selected &&
        (rule.namespace === undefined || element.namespaceURI == rule.namespace) &&
        (!rule.context || context.matchesContext(rule.context))
      ) {
        if (rule.getAttrs) {
          const result = rule.getAttrs(element as HTMLElement);
          if (result === false) continue;
          rule.attrs = result || undefined;
        }
        return rule;
      }
    }
    return undefined;
  }
}
