import latoBold from '@fontsource/lato/700.css?inline';
import latoRegular from '@fontsource/lato/400.css?inline';
import canvasCss from '../../editor/canvas.css?inline';
import { registryCss } from '../../editor/blockStyles.ts';
import previewCss from './preview.css?inline';

/** The CSS of a preview frame: fonts, the content and block styles, and the site around them. */
export function previewStyles(): string {
  return [latoRegular, latoBold, canvasCss, registryCss(), previewCss].join('\n');
}
