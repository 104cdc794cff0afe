import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend/index';
import { FixedClock } from '../backend/runtime';
import { createHttpServer } from './http';

// npm run serve -- --data <dir> [--port 5180] [--host 127.0.0.1] [--now ISO] [--test-mode] [--admin-password P] [--open]
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '5180' },
    host: { type: 'string', default: '127.0.0.1' },
    now: { type: 'string' },
    'test-mode': { type: 'boolean', default: false },
    'admin-password': { type: 'string' },
    open: { type: 'boolean', default: false },
    static: { type: 'string' },
  },
});

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dataDir = resolve(values.data ?? process.env.GUARDLINE_DATA ?? join(homedir(), '.guardline'));
const staticDir = resolve(values.static ?? join(repoRoot, 'dist', 'renderer'));
const isLoopback = (h: string) => h === '127.0.0.1' || h === 'localhost' || h === '::1';

async function main(): Promise<void> {
  const started = performance.now();
  const backend = await createBackend({
    dataDir,
    clock: values.now ? new FixedClock(values.now) : undefined,
    testMode: values['test-mode'],
    adminPassword: values['admin-password'] ?? process.env.GUARDLINE_ADMIN_PASSWORD,
  });
  const server = createHttpServer(backend, { staticDir });
  server.listen(Number(values.port), values.host, () => {
    const url = `http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${values.port}/`;
    console.log(`Guardline 防返贫监测工作站 — 浏览器模式已启动 (${Math.round(performance.now() - started)} ms)`);
    console.log(`  地址: ${url}`);
    console.log(`  数据目录: ${dataDir}`);
    if (values.now) console.log(`  固定时钟: ${values.now}`);
    if (values['test-mode']) console.log('  测试模式: 已启用测试接口（切勿用于正式数据）');
    if (!isLoopback(values.host)) {
      console.warn(`  警告: 正在监听 ${values.host}，局域网内其他电脑可以访问本系统。请确认办公网络可信，并为每位经办人设置独立账号和强密码。`);
    }
    if (values.open) openBrowser(url);
  });
  const shutdown = () => {
    server.close();
    backend.close(); // checkpoints the WAL
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** Opens the default browser where there is a display; silently does nothing otherwise. */
function openBrowser(url: string): void {
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return;
  const cmd = process.platform === 'win32' ? 'cmd' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    spawn(cmd, args, { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
  } catch {
    /* no browser: the URL is printed above */
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
