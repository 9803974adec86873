/**
 * Names the console's controls Scalar leaves without one, as axe asks (button-name, link-name,
 * aria-input-field-name, aria-required-attr, aria-prohibited-attr). The last resort the issue
 * allows: Scalar has no configuration for them, and its theme variables cannot name a button.
 * Scalar renders on demand (the request client is a dialog added to <body>), so every change of
 * the page is looked at, once a frame at most; a control already named is left alone.
 */
export function labelConsoleControls(): void {
  let pending = false;
  const run = () => {
    pending = false;
    labelAll(document.body);
  };
  run();
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(run);
  }).observe(document.body, { childList: true, subtree: true });
}

function labelAll(root: HTMLElement): void {
  // Scalar's one-line code editors say they are comboboxes but have no list: they are text fields.
  for (const editor of root.querySelectorAll<HTMLElement>('.code-input-lite__editor[contenteditable][role="combobox"]')) {
    editor.setAttribute('role', 'textbox');
    if (!editor.getAttribute('aria-label')?.trim()) editor.setAttribute('aria-label', fieldName(editor));
  }
  for (const button of root.querySelectorAll<HTMLButtonElement>('.scalar-code-copy:not([aria-label])')) button.setAttribute('aria-label', 'Copy the code');
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[id^="headlessui-disclosure-button-scalar"]:not([aria-label])')) {
    if (!button.textContent?.trim()) button.setAttribute('aria-label', `Show or hide ${rowLabel(button) ?? 'the details'}`);
  }
  // A popover button with role="none" cannot carry its aria-label.
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[role="none"][aria-label]')) button.removeAttribute('role');
  // Icon links (contact, terms): Scalar hides their text at some widths, so they carry it as their name at every width.
  for (const link of root.querySelectorAll<HTMLAnchorElement>('.scalar-app a[href]:has(> svg):not([aria-label])')) {
    const text = link.textContent?.trim();
    const href = link.getAttribute('href') ?? '';
    link.setAttribute('aria-label', text || (href.startsWith('mailto:') ? `E-mail ${href.slice(7)}` : href));
  }
}

/** The label of the row a field sits in ("Client ID"), else its placeholder. */
function fieldName(editor: HTMLElement): string {
  return rowLabel(editor) ?? editor.dataset['placeholder'] ?? 'Value';
}

/** The label of the nearest row around an element, four levels up at most (further up, a label is another field's). */
function rowLabel(element: HTMLElement): string | undefined {
  let row = element.parentElement;
  for (let level = 0; row && level < 4; level++, row = row.parentElement) {
    const label = row.querySelector('label')?.textContent?.replace(/:\s*$/, '').trim();
    if (label) return label;
  }
  return undefined;
}
