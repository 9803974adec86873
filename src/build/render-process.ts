import { renderPages, type RenderReply, type RenderShare } from './render-site.ts';

// A render process: renders its share of the pages for the build that
// started it, answers with the folder of its pages, and ends. It ends with the build, too.
process.once('disconnect', () => process.exit(1));
process.once('message', (share: RenderShare) => {
  renderPages(share).then(
    (folder) => answer({ folder }),
    (error: unknown) => answer({ error: error instanceof Error ? error.message : String(error) }),
  );
});

function answer(reply: RenderReply): void {
  process.removeAllListeners('disconnect');
  // Astro leaves handles open after a build: the process ends once its answer is sent.
  process.send!(reply, () => process.exit(0));
}
