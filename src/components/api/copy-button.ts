/** Adds a "Copy" button to a figure.code-block's caption, copying its code. */
export function addCopyButton(block: HTMLElement): void {
  const caption = block.querySelector('figcaption');
  if (!caption || caption.querySelector('button')) return;
  const button = document.createElement('button');
  Object.assign(button, { type: 'button', className: 'copy', textContent: 'Copy' });
  button.setAttribute('aria-label', `Copy ${caption.textContent?.trim().toLowerCase() ?? 'code'}`);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(block.querySelector('code')?.textContent ?? '');
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
  caption.append(button);
}
