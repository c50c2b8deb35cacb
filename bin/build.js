/**
 * Slipway's sources compiled to plain JavaScript (esbuild, well under a second), kept under dist/ by
 * a fingerprint of src/ and redone whenever a source changes, so `slipway` always runs the code in
 * the checkout. Running the compiled files rather than through tsx's loader saves every request the
 * name-keeping wrapper tsx puts around each named closure it creates (7 or 8 a call, about 1 µs each).
 *
 * dist/<fingerprint>/ mirrors the package root: src/ compiled (other files in src/ copied), and a
 * link to every other top-level entry, so `new URL('../../models/', import.meta.url)` and bare
 * imports find what they find from src/. A build is written aside and renamed into place, so
 * Slipways started together never load half of one. A build left by older sources is removed once
 * no process that runs from it is alive (each leaves a `.running-<pid>` mark in it while it runs).
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = join(root, 'src');
/** How long a superseded build stays at least, for a process still starting from it. */
const KEEP_OLD_MS = 10 * 60 * 1000;
const RUNNING = '.running-';

/** The compiled entry point for `src/<path>.ts`, building first when src/ changed since the last build. */
export async function compiled(path) {
  const files = sources(src);
  const fingerprint = createHash('sha256')
    .update(process.version)
    // This file's own options too.
    .update(String(statSync(fileURLToPath(import.meta.url)).mtimeMs))
    .update(files.map((f) => `${relative(src, f.path)}\0${f.size}\0${f.mtimeMs}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const builds = buildsDir(root);
  const dir = join(builds, fingerprint);
  if (!existsSync(dir)) await build(files, dir);
  const mark = join(dir, `${RUNNING}${process.pid}`);
  writeFileSync(mark, '');
  process.once('exit', () => rmSync(mark, { force: true }));
  removeOld(builds, fingerprint);
  return join(dir, 'src', path.replace(/\.ts$/, '.js'));
}

function sources(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sources(path, out);
    else if (entry.isFile() && !entry.name.endsWith('.test.ts')) out.push({ path, ...statSync(path) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * dist/ in the package at `root`, or one in the temporary directory when the package is not
 * writable (a system-wide install). That name is known to every user, who could make it first or
 * point it elsewhere: code is run from it only when it is a directory of this user's that no one
 * else may write to.
 */
export function buildsDir(root) {
  const own = join(root, 'dist');
  try {
    mkdirSync(own, { recursive: true });
    return own;
  } catch {
    const shared = join(
      tmpdir(),
      `slipway-dist-${process.getuid?.() ?? 'user'}-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`,
    );
    mkdirSync(shared, { recursive: true, mode: 0o700 });
    const made = lstatSync(shared);
    if (!made.isDirectory() || (process.getuid && made.uid !== process.getuid()) || (made.mode & 0o022) !== 0)
      throw new Error(`${shared} is not a directory of this user's alone; remove it, or make the package writable`);
    return shared;
  }
}

async function build(files, dir) {
  const { build: esbuild } = await import('esbuild');
  const aside = `${dir}.${process.pid}-${Date.now()}`;
  const scripts = files.filter((f) => f.path.endsWith('.ts')).map((f) => f.path);
  await esbuild({
    entryPoints: scripts,
    outdir: join(aside, 'src'),
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    // Every import stays an import of its own file: bundling is only how esbuild lets a plugin rename them.
    bundle: true,
    // Stack traces in the log name the .ts files and their lines (slipway.js turns source maps on).
    sourcemap: true,
    plugins: [ownFilesAsJs],
    logLevel: 'error',
  });
  for (const f of files) {
    if (f.path.endsWith('.ts')) continue;
    const to = join(aside, 'src', relative(src, f.path));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(f.path, to);
  }
  for (const entry of readdirSync(root)) {
    if (entry !== 'src' && entry !== 'dist' && entry !== '.git') symlinkSync(join(root, entry), join(aside, entry));
  }
  try {
    renameSync(aside, dir);
  } catch (err) {
    // Another Slipway, started together with this one, put the same build in place first.
    rmSync(aside, { recursive: true, force: true });
    if (!existsSync(dir)) throw err;
  }
}

/** Imports of Slipway's own files point at their compiled .js; everything else is left to Node. */
const ownFilesAsJs = {
  name: 'own-files-as-js',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const own = args.path.startsWith('./') || args.path.startsWith('../');
      return { path: own ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
    });
  },
};

function removeOld(builds, current) {
  for (const entry of readdirSync(builds)) {
    if (entry === current) continue;
    const path = join(builds, entry);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_MS && !inUse(path)) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

/** Whether a process that runs from the build is alive; the marks of those that are not are dropped. */
function inUse(dir) {
  let used = false;
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(RUNNING)) continue;
    if (alive(Number(entry.slice(RUNNING.length)))) used = true;
    else unlinkSync(join(dir, entry));
  }
  return used;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}
