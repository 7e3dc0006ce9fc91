// The parts around the canvas that load once the opened page has painted, in one chunk: each loaded on
// its own would split the editor's shared code into more pieces, which costs more than it saves.
export { EmptyPartsNotice } from './EmptyPartsNotice.tsx';
export { MissingAltNotice } from './MissingAltNotice.tsx';
export { SlashMenuPopup } from './SlashMenuPopup.tsx';
export { Toolbar } from './Toolbar.tsx';
export { WordCount } from './WordCount.tsx';
