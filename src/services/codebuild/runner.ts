/**
 * @module services/codebuild/runner
 * Writes what runs inside a build container, into the build's work directory (mounted read-only at
 * /codebuild/slipway): boot.sh picks the shell, build.sh is the buildspec turned into calls of
 * runner-lib.sh (one shell session for the whole build), and bin/ holds two small wrappers put
 * first on PATH — `aws` passes Slipway's endpoint to CLIs too old to read AWS_ENDPOINT_URL, and
 * `docker` lets `<account>.dkr.ecr.<region>.amazonaws.com` (seed 000's buildspec) mean Slipway's
 * registry. Marker lines the runner prints are parsed by markers.ts.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHASES, type Buildspec, type PhaseKey } from './buildspec.ts';

export const MOUNT = {
  slipway: '/codebuild/slipway',
  state: '/codebuild/state',
  cache: '/codebuild/cache',
  src: '/codebuild/output/src1/src',
  /** Secondary sources (a pipeline's other input artifacts), one directory each. */
  sources: '/codebuild/output/sources',
};

const LIB = fileURLToPath(new URL('./runner-lib.sh', import.meta.url));

export const PHASE_TYPES: Record<PhaseKey, 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD'> = {
  install: 'INSTALL',
  pre_build: 'PRE_BUILD',
  build: 'BUILD',
  post_build: 'POST_BUILD',
};

/** A shell word that stands for exactly `text`. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function renderBuildScript(spec: Buildspec, opts: { buildId: string; cachePaths: string[] }): string {
  const lines = [
    `# Written by Slipway for build ${opts.buildId}: the buildspec's phases, run by runner-lib.sh in one shell.`,
    `. ${MOUNT.slipway}/runner-lib.sh`,
    `__sw_separate=${spec.version === '0.1' ? 1 : 0}`,
    `PATH="${MOUNT.slipway}/bin:$PATH"; export PATH`,
    'cd "$CODEBUILD_SRC_DIR" || __sw_log "cannot enter $CODEBUILD_SRC_DIR"',
  ];
  for (const [name, version] of Object.entries(spec.phases.install?.runtimeVersions ?? {})) {
    lines.push(
      `__sw_log ${quote(`Selecting '${name}' runtime version '${version}' based on manual selections... (Slipway's images carry one version of each runtime)`)}`,
    );
  }
  if (opts.cachePaths.length) lines.push(`__sw_cache_restore ${opts.cachePaths.map(quote).join(' ')}`);
  for (const key of PHASES) {
    const phase = spec.phases[key];
    const type = PHASE_TYPES[key];
    lines.push(`if __sw_begin ${type}; then`);
    if (phase?.runAs) lines.push(`  __sw_log ${quote(`run-as ${phase.runAs}: Slipway runs every command as the image's user`)}`);
    if (phase?.onFailureAsked)
      lines.push(`  __sw_log ${quote(`on-failure ${phase.onFailureAsked}: retries are for EC2 compute in CodeBuild; Slipway aborts`)}`);
    for (const command of phase?.commands ?? []) lines.push(`  __sw_run ${quote(command)}`);
    if (phase?.finally.length) {
      lines.push('  __sw_finally');
      for (const command of phase.finally) lines.push(`  __sw_run ${quote(command)}`);
    }
    lines.push(`  __sw_end ${type} ${phase?.onFailure ?? 'DEFAULT'}`);
    if (key === 'post_build') {
      if (spec.exportedVariables.length) lines.push(`  __sw_export ${spec.exportedVariables.join(' ')}`);
      if (opts.cachePaths.length) lines.push(`  __sw_cache_save ${opts.cachePaths.map(quote).join(' ')}`);
    }
    lines.push('fi');
  }
  if (spec.artifacts?.name) lines.push(`__sw_name primary ${quote(spec.artifacts.name)}`);
  for (const [id, artifact] of Object.entries(spec.artifacts?.secondary ?? {})) {
    if (artifact.name && /^[A-Za-z0-9_.-]+$/.test(id)) lines.push(`__sw_name ${id} ${quote(artifact.name)}`);
  }
  lines.push('__sw_done', '');
  return lines.join('\n');
}

export const BOOT_SCRIPT = `#!/bin/sh
# Slipway: run the build script in the shell the buildspec asked for (bash when the image has it).
# Its errors go to its output, so that the log is one ordered stream whose last line is the DONE marker.
if [ "$SLIPWAY_SHELL" != sh ] && command -v bash >/dev/null 2>&1; then exec bash ${MOUNT.slipway}/build.sh 2>&1; fi
[ "$SLIPWAY_SHELL" = bash ] && echo "[Container] env.shell is bash but this image has no bash; running with /bin/sh"
exec sh ${MOUNT.slipway}/build.sh 2>&1
`;

/** Finds the real command on PATH after the wrappers' own directory. */
const FIND_REAL = (command: string) => `__real=''
__ifs=$IFS; IFS=:
for __d in $PATH; do
  [ "$__d" = ${MOUNT.slipway}/bin ] && continue
  if [ -x "$__d/${command}" ]; then __real="$__d/${command}"; break; fi
done
IFS=$__ifs
if [ -z "$__real" ]; then echo "${command}: command not found" >&2; exit 127; fi`;

export const AWS_WRAPPER = `#!/bin/sh
# Slipway: the aws CLI talks to Slipway. CLIs before 2.13 ignore AWS_ENDPOINT_URL, so it is passed
# as --endpoint-url unless the command names its own endpoint.
${FIND_REAL('aws')}
case "$1" in ''|configure|help|--version|--help) exec "$__real" "$@" ;; esac
for __a in "$@"; do case "$__a" in --endpoint-url|--endpoint-url=*) exec "$__real" "$@" ;; esac; done
if [ -n "$AWS_ENDPOINT_URL" ]; then exec "$__real" --endpoint-url "$AWS_ENDPOINT_URL" "$@"; fi
exec "$__real" "$@"
`;

export const DOCKER_WRAPPER = `#!/bin/sh
# Slipway: in a build, <account>.dkr.ecr.<region>.amazonaws.com names Slipway's registry, which the
# host's Docker Engine (the one this CLI talks to) reaches at $SLIPWAY_REGISTRY.
${FIND_REAL('docker')}
if [ -n "$SLIPWAY_REGISTRY" ] && [ -n "$SLIPWAY_ECR_HOSTS" ]; then
  __n=$#
  for __a in "$@"; do
    # sed only for the words that can name ECR: a fork for each word slows every docker command.
    case "$__a" in *.dkr.ecr.*) __a=$(printf '%s' "$__a" | sed -E "s#$SLIPWAY_ECR_HOSTS#$SLIPWAY_REGISTRY#g") ;; esac
    set -- "$@" "$__a"
  done
  shift "$__n"
fi
exec "$__real" "$@"
`;

/** Writes boot.sh, build.sh, runner-lib.sh and the wrappers into `dir`. */
export async function writeRunner(dir: string, script: string): Promise<void> {
  await mkdir(join(dir, 'bin'), { recursive: true });
  await copyFile(LIB, join(dir, 'runner-lib.sh'));
  await writeFile(join(dir, 'build.sh'), script, { mode: 0o644 });
  await writeFile(join(dir, 'boot.sh'), BOOT_SCRIPT, { mode: 0o755 });
  await writeFile(join(dir, 'bin', 'aws'), AWS_WRAPPER, { mode: 0o755 });
  await writeFile(join(dir, 'bin', 'docker'), DOCKER_WRAPPER, { mode: 0o755 });
}
