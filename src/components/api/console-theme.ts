/** The portal's theme: the reader's choice (`data-theme` on <html>, ThemeToggle.astro), else the system's. */
export function portalTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.dataset['theme'];
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * Keeps the console in the portal's theme, live: Scalar themes its interface by a `light-mode` or
 * `dark-mode` class on <body>, so the class follows the portal's toggle and the system setting.
 * Scalar sets the class again when the system setting changes; the observer puts it back.
 */
export function followPortalTheme(): void {
  const apply = () => {
    const dark = portalTheme() === 'dark';
    if (document.body.classList.contains('dark-mode') === dark && document.body.classList.contains('light-mode') !== dark) return;
    document.body.classList.toggle('dark-mode', dark);
    document.body.classList.toggle('light-mode', !dark);
  };
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  new MutationObserver(apply).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
}
