import type { AttributeRule, BlockDefinition, OwnedElement, PlainMarkup } from './blockDefinition.ts';

/** Whether an element is one a block's declaration owns: its tag, its class if given, a parent matching `within`. */
export function ownsElement(owned: OwnedElement, element: Element): boolean {
  return (
    owned.tag === element.localName &&
    (owned.className === undefined || element.classList.contains(owned.className)) &&
    (owned.within === undefined || element.parentElement?.matches(owned.within) === true)
  );
}

/** Whether a value is one an attribute rule allows. */
export function ruleAccepts(rule: AttributeRule, value: string): boolean {
  if (rule === true) return true;
  if (rule instanceof RegExp) {
    const match = value.match(rule);
    return match !== null && match[0] === value;
  }
  return (rule as readonly string[]).includes(value);
}

/** Plain markup of several blocks: per tag and attribute, every rule some block gives (any may accept). */
export type MergedPlainMarkup = ReadonlyMap<string, ReadonlyMap<string, readonly AttributeRule[]>>;

/** The plain markup all the blocks declare, merged: a value is plain when any block's rule accepts it. */
export function plainMarkupOf(blocks: readonly BlockDefinition[]): MergedPlainMarkup {
  const merged = new Map<string, Map<string, AttributeRule[]>>();
  for (const block of blocks) {
    for (const [tag, attributes] of Object.entries(block.plainMarkup ?? ({} as PlainMarkup))) {
      const forTag = merged.get(tag) ?? new Map<string, AttributeRule[]>();
      merged.set(tag, forTag);
      for (const [name, rule] of Object.entries(attributes)) forTag.set(name, [...(forTag.get(name) ?? []), rule]);
    }
  }
  return merged;
}
