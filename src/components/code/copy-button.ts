/** Adds a "Copy" button to a code block: in a figure.code-block's caption, or over a bare `pre` (Markdown and guides). */
export function addCopyButton(block: HTMLElement): void {
  const caption = block.querySelector('figcaption');
  if (caption) {
    if (!caption.querySelector('button.copy')) caption.append(copyButton(block, `Copy ${caption.textContent?.trim().toLowerCase() || 'code'}`));
    return;
  }
  if (!(block instanceof HTMLPreElement) || block.parentElement?.classList.contains('code-wrap')) return;
  // The button sits over the block, outside the scrolling `pre`, so it stays in view and is never copied.
  const wrap = document.createElement('div');
  wrap.className = 'code-wrap';
  block.replaceWith(wrap);
  wrap.append(block, copyButton(block, `Copy ${block.dataset['language'] ?? ''} code`.replace('  ', ' ')));
}

function copyButton(block: HTMLElement, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  Object.assign(button, { type: 'button', className: 'copy', textContent: 'Copy' });
  button.setAttribute('aria-label', label);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(block.querySelector('code')?.textContent ?? '');
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
  return button;
}
