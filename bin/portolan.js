#!/usr/bin/env node
// Portolan runs its TypeScript sources directly, which needs Node's type stripping (Node 24).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Portolan needs Node.js 24 (this is ${process.version}). Run it as "npx portolan" or through "npm run", which use the Node of the project's devDependencies.`,
  );
  process.exit(2);
}
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name !== 'ExperimentalWarning') console.error(warning.toString());
});
// Before the command's modules load, so that they are compiled from Node's cache.
(await import('../src/cli/compile-cache.ts')).enableCompileCache();
await import('../src/cli/main.ts');
