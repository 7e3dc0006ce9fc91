let dialogCount = 0;

/** What the dialog calls itself and the code (page styles edit CSS in it). */
export interface CodeDialogLabels {
  title: string;
  help: string;
  label: string;
}

const HTML_LABELS: CodeDialogLabels = {
  title: 'Edit HTML',
  help: 'This markup is written to the page as it is. Anything unsafe, such as scripts, is removed when the page is saved.',
  label: 'HTML code',
};

/**
 * A small modal code view for the markup of a raw HTML block (plain DOM, no React). Calls `onApply`
 * with the new markup when the person applies a change; nothing happens on Cancel or Escape.
 */
export function openRawHtmlDialog(html: string, onApply: (html: string) => void, returnFocus?: HTMLElement, labels: CodeDialogLabels = HTML_LABELS): void {
  const id = `raw-html-dialog-${++dialogCount}`;
  const dialog = document.createElement('dialog');
  dialog.className = 'modal raw-html-dialog';
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-help`);

  const title = document.createElement('h2');
  title.id = `${id}-title`;
  title.textContent = labels.title;

  const help = document.createElement('p');
  help.id = `${id}-help`;
  help.className = 'modal__help';
  help.textContent = labels.help;

  const textarea = document.createElement('textarea');
  textarea.className = 'code-textarea';
  textarea.value = html;
  textarea.spellcheck = false;
  textarea.rows = 16;
  textarea.setAttribute('aria-label', labels.label);

  const actions = document.createElement('div');
  actions.className = 'modal__actions';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'button';
  cancel.textContent = 'Cancel';
  const apply = document.createElement('button');
  apply.type = 'button';
  apply.className = 'button button--primary';
  apply.textContent = 'Apply';
  actions.append(cancel, apply);

  dialog.append(title, help, textarea, actions);
  document.body.appendChild(dialog);

  let applied = false;
  cancel.addEventListener('click', () => dialog.close());
  apply.addEventListener('click', () => {
    applied = textarea.value !== html;
    dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (applied) onApply(textarea.value);
    else returnFocus?.focus();
  });
  dialog.showModal();
  textarea.focus();
}
