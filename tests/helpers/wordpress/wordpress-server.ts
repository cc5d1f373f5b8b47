import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * A REAL WordPress for integration tests: Debian's `wordpress` package (6.1) served by
 * `php -S` on 127.0.0.1, with a private MariaDB instance in a temp folder, installed and given an
 * Application Password non-interactively. The recipe is ../shared/research/local-wordpress-hugo.md,
 * changed so that runs are isolated and need no root: free ports, and a temp folder holding this
 * run's database, wp-content (uploads) and a WordPress root of links to /usr/share/wordpress
 * with its own wp-config.php (Debian's would read /etc/wordpress, writable only by root).
 * `.ci/run` installs the packages; where they are absent, `startWordPress` says why instead.
 */

export interface WordPressSite {
  /** `http://127.0.0.1:<port>` (the site is `local`, so Application Passwords work without https). */
  url: string;
  user: string;
  appPassword: string;
  /** This run's wp-content folder (uploads land in its `uploads/`). */
  contentDir: string;
  stop(): Promise<void>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const wordpressRoot = '/usr/share/wordpress';

/** Why a real WordPress cannot run here, or null when it can. */
export function wordpressUnavailable(): string | null {
  const missing = ['php', 'mariadbd', 'mariadb-install-db', 'mariadb', 'mariadb-admin'].filter((command) => !findCommand(command));
  if (!existsSync(join(wordpressRoot, 'wp-settings.php'))) missing.unshift('wordpress');
  if (missing.length) {
    return `WordPress integration tests skipped: ${missing.join(', ')} not installed (apt-get install wordpress mariadb-server php-cli php-mysql php-gd; .ci/run installs them).`;
  }
  const extensions = spawnSync(findCommand('php')!, ['-m'], { encoding: 'utf8' }).stdout ?? '';
  const absent = ['mysqli', 'gd'].filter((name) => !new RegExp(`^${name}$`, 'm').test(extensions));
  if (absent.length) return `WordPress integration tests skipped: PHP lacks ${absent.join(', ')} (apt-get install php-mysql php-gd).`;
  return null;
}

/** A command's path: on PATH, or in the sbin folders a user's PATH often lacks (mariadbd lives in /usr/sbin). */
function findCommand(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  return ['/usr/sbin', '/sbin', '/usr/local/sbin'].map((dir) => join(dir, command)).find((file) => existsSync(file)) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}): ${err || out}`));
    });
    // A program that exits before reading its input (a failed ping) must not crash the tests.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input);
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
}

/** Children of a process (the php -S workers outlive their parent unless killed themselves). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts MariaDB and WordPress, installs the site and makes an Application Password; about
 * 4–7 s. Everything is stopped by `stop()` (and, should the test process die first, on exit).
 */
export async function startWordPress(options: { timeoutMs?: number } = {}): Promise<WordPressSite> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const dir = await mkdtemp(join(tmpdir(), 'intertitle-wp-'));
  const [dbPort, wpPort] = [await freePort(), await freePort()];
  // This run's WordPress: links to Debian's files beside its own wp-config.php (ABSPATH, set by
  // router.php and setup.php, makes WordPress read that one instead of Debian's).
  const siteRoot = join(dir, 'root');
  const contentDir = join(dir, 'wp-content');
  const socket = join(dir, 'mysqld.sock');
  // MariaDB runs as whoever runs the tests; that OS user is its socket-authenticated admin.
  const osUser = userInfo().username;
  const url = `http://127.0.0.1:${wpPort}`;
  const user = 'critic';
  let php: ChildProcess | null = null;
  let mariadb: ChildProcess | null = null;

  const killAll = () => {
    for (const child of [php, mariadb]) {
      if (!child) continue;
      for (const pid of child.pid ? childrenOf(child.pid) : []) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      child.kill('SIGKILL');
    }
  };
  process.once('exit', killAll);

  const stop = async () => {
    process.removeListener('exit', killAll);
    if (php?.pid) {
      for (const pid of childrenOf(php.pid)) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      php.kill('SIGTERM');
      await exited(php, 3000);
    }
    if (mariadb) {
      mariadb.kill('SIGTERM'); // a clean InnoDB shutdown takes about a second
      await exited(mariadb, 10_000);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await run(findCommand('mariadb-install-db')!, [
      '--no-defaults',
      `--user=${osUser}`,
      `--datadir=${join(dir, 'db')}`,
      '--auth-root-authentication-method=socket',
      '--skip-test-db',
    ], { timeoutMs });
    mariadb = spawn(
      findCommand('mariadbd')!,
      [
        '--no-defaults',
        `--user=${osUser}`,
        `--datadir=${join(dir, 'db')}`,
        `--socket=${socket}`,
        `--port=${dbPort}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${join(dir, 'mysqld.pid')}`,
        `--log-error=${join(dir, 'mysqld.err')}`,
        '--skip-log-bin',
        '--innodb-log-file-size=8M',
      ],
      { stdio: 'ignore' },
    );
    await waitFor('MariaDB', async () => {
      await run(findCommand('mariadb-admin')!, ['--no-defaults', `--socket=${socket}`, `-u${osUser}`, 'ping'], { timeoutMs: 2000 });
      return true;
    }, timeoutMs);
    await run(findCommand('mariadb')!, ['--no-defaults', `--socket=${socket}`, `-u${osUser}`], {
      input: [
        'CREATE DATABASE wp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
        "CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp-pass';",
        "CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY 'wp-pass';",
        "GRANT ALL ON wp.* TO 'wp'@'localhost';",
        "GRANT ALL ON wp.* TO 'wp'@'127.0.0.1';",
      ].join('\n'),
    });

    await mkdir(join(contentDir, 'uploads'), { recursive: true });
    for (const part of ['themes', 'plugins', 'languages']) {
      const target = part === 'languages' ? '/var/lib/wordpress/wp-content/languages' : join(wordpressRoot, 'wp-content', part);
      if (existsSync(target)) await symlink(target, join(contentDir, part));
    }
    await mkdir(siteRoot);
    for (const entry of await readdir(wordpressRoot)) {
      if (entry !== 'wp-config.php') await symlink(join(wordpressRoot, entry), join(siteRoot, entry));
    }
    await writeFile(
      join(siteRoot, 'wp-config.php'),
      `<?php
// Written by Intertitle's WordPress integration tests (tests/helpers/wordpress); removed when they stop.
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp-pass');
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', '${contentDir}');
define('WP_CONTENT_URL', '${url}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', false);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $i => $key) define($key, 'intertitle-test-' . $i);
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
`,
    );

    const env = { INTERTITLE_WP_ROOT: siteRoot, INTERTITLE_WP_CONTENT: contentDir, PHP_CLI_SERVER_WORKERS: '4' };
    php = spawn(
      findCommand('php')!,
      ['-d', 'upload_max_filesize=64M', '-d', 'post_max_size=64M', '-d', 'memory_limit=512M', '-S', `127.0.0.1:${wpPort}`, '-t', siteRoot, join(here, 'router.php')],
      { env: { ...process.env, ...env }, stdio: 'ignore' },
    );
    await waitFor('php -S', async () => (await fetch(`${url}/readme.html`, { signal: AbortSignal.timeout(2000) })).ok, timeoutMs);

    const appPassword = (
      await run(findCommand('php')!, [join(here, 'setup.php')], {
        env: { ...env, INTERTITLE_WP_HOSTPORT: `127.0.0.1:${wpPort}`, INTERTITLE_WP_USER: user, INTERTITLE_WP_LOGIN_PASSWORD: 'login-pass-not-for-rest' },
        timeoutMs,
      })
    ).trim();
    if (!/^[A-Za-z0-9]{24}$/.test(appPassword)) throw new Error(`WordPress made no application password: ${appPassword}`);
    return { url, user, appPassword, contentDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
