// `npm start`: build, then open the desktop app where Electron's binary exists, or the
// browser mode (`commonplace serve`, which prints the URL to open) where it does not.
// Extra arguments go to `commonplace serve`, e.g. `npm start -- --library ~/notes --port 4600`.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.mjs';

const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectronBinary();
const child = electron.available
  ? spawn(electron.path, ['.'], { stdio: 'inherit' })
  : (() => {
      process.stdout.write(
        `No desktop window here: ${electron.reason}.\nStarting the browser mode instead.\n`,
      );
      return spawn(process.execPath, ['out/cli/index.cjs', 'serve', ...process.argv.slice(2)], {
        stdio: 'inherit',
      });
    })();

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
