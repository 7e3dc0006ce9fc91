/**
 * Markdown with the Liquid that has a static meaning replaced by its value, as Jekyll renders it before
 * kramdown runs (written here independently of the converter, with regular expressions for the forms the
 * corpus holds). Jekyll's URL filters percent-encode spaces; so does a value inside a link address.
 */
export function withStaticLiquidResolved(markdown: string): string {
  return markdown
    .replace(/\{\{-?\s*(["'])([^"'}]*)\1\s*(?:\|\s*(absolute_url|relative_url)\s*)?-?\}\}/g, (_m, _q, value: string, filter: string | undefined, offset: number, whole: string) => {
      const inDestination = /\]\([^()\s]*$/.test(whole.slice(0, offset));
      return filter || inDestination ? value.replace(/ /g, '%20') : value;
    })
    .replace(/\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}/g, '');
}
