/** Saves the open page; saving's code loads at the first save, since opening a page does not need it. */
export async function saveOpenPageOnDemand(): Promise<void> {
  const { saveOpenPage } = await import('./savePageAction.ts');
  await saveOpenPage();
}
