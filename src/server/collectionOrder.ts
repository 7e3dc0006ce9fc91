/** The order edits of `collection.yml` live in core: the site server and the browser-only folder backend share them. */
export { appendToOrder, removeFromOrder, renameInOrder } from '../core/collectionOrder.ts';
