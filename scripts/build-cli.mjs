// Bundles the `commonplace` command (plain Node, no Electron) into out/cli/index.cjs.
import { build } from 'esbuild';

await build({
  // The extraction and indexing workers sit beside the command, where the core looks for them.
  entryPoints: {
    index: 'src/cli/index.ts',
    'extract-worker': 'src/core/clipper/extract-worker.ts',
    'index-worker': 'src/core/search/index-worker.ts',
  },
  outdir: 'out/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // jsdom loads files of its own at run time: keep it a real dependency, not bundled.
  external: ['electron', 'jsdom'],
});
