// npm start: the desktop app where Electron's binary is installed; otherwise (build machines,
// offices whose network blocks the Electron download) browser mode on loopback.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(dirname(new URL(import.meta.url).pathname));
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const bin = electronBinary();
if (bin) {
  run('npm', ['run', 'build']);
  spawn(bin, ['.', ...args], { stdio: 'inherit', cwd: root }).on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('未找到 Electron 程序文件，改用浏览器模式启动（仅本机可访问）。');
  run('npm', ['run', 'build:renderer']);
  const child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'electron', 'server', 'cli.ts'), '--open', ...args], { stdio: 'inherit', cwd: root });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
