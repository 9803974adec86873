/** Where the dev server serves its own files, out of the portal's way. */
export const devPrefix = '/__portolan/';
/** The event stream and the script, under `devPrefix`. */
export const devPaths = { events: `${devPrefix}events`, script: `${devPrefix}dev.js` };

/** The element put into every page `dev` serves (never into the built files): a same-origin script, so the pages' `script-src 'self'` allows it. */
export const devScriptTag = `<script type="module" src="${devPaths.script}"></script>`;

/**
 * The browser side of `portolan dev`: reloads the page on "built", and on "errors" shows a dialog
 * listing the problems (removed by the next clean build; Escape or its button hides it).
 */
export const devClientSource = `const overlayId = 'portolan-dev-overlay';
const events = new EventSource(${JSON.stringify(devPaths.events)});
events.addEventListener('built', () => location.reload());
events.addEventListener('errors', (event) => show(JSON.parse(event.data)));

function show(diagnostics) {
  document.getElementById(overlayId)?.remove();
  const dialog = document.createElement('div');
  dialog.id = overlayId;
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'false');
  dialog.setAttribute('aria-labelledby', overlayId + '-title');
  dialog.style.cssText = 'position:fixed;inset:1rem;z-index:2147483647;overflow:auto;background:#fff;color:#1a1a1a;border:3px solid #b00020;border-radius:8px;padding:1rem 1.5rem;font:15px/1.5 system-ui,sans-serif;box-shadow:0 4px 24px rgba(0,0,0,.4)';
  const title = document.createElement('h2');
  title.id = overlayId + '-title';
  title.style.cssText = 'margin:0 0 .5rem;color:#b00020;font-size:1.25rem';
  title.textContent = diagnostics.length === 1 ? 'The catalogue has a problem' : 'The catalogue has ' + diagnostics.length + ' problems';
  const note = document.createElement('p');
  note.style.margin = '0 0 1rem';
  note.textContent = 'This page is the last good build. Fix the files below and save: the page reloads.';
  const list = document.createElement('ul');
  list.style.cssText = 'margin:0;padding:0;list-style:none';
  for (const d of diagnostics) {
    const item = document.createElement('li');
    item.style.cssText = 'margin:0 0 .75rem;padding:.5rem .75rem;background:#fdf2f3;border-left:4px solid #b00020';
    const where = document.createElement('code');
    // The portal's own code style (a dark background in the dark theme) must not reach the overlay's light box.
    where.style.cssText = 'font:bold 14px ui-monospace,monospace;color:inherit;background:none;padding:0;overflow-wrap:anywhere';
    where.textContent = d.location;
    const what = document.createElement('div');
    what.textContent = d.severity + ' ' + d.message + ' [' + d.code + ']';
    item.append(where, what);
    if (d.hint) {
      const hint = document.createElement('div');
      hint.style.color = '#333';
      hint.textContent = d.hint;
      item.append(hint);
    }
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Hide';
  close.style.cssText = 'float:right;margin:0 0 .5rem 1rem;font:inherit;padding:.25rem 1rem;color:#fff;background:#b00020;border:0;border-radius:4px;cursor:pointer';
  close.addEventListener('click', () => dialog.remove());
  dialog.addEventListener('keydown', (event) => { if (event.key === 'Escape') dialog.remove(); });
  // First, so focusing it keeps the top of the list in view.
  dialog.append(close, title, note, list);
  document.body.append(dialog);
  close.focus();
}
`;
