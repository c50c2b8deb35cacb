/**
 * Helpers for CodeBuild integration tests: an SDK client, git repositories made from files, a
 * project with sensible defaults, the buckets artifacts go to, waiting for a build, and reading its
 * log and artifacts.
 */
import {
  BatchGetBuildsCommand,
  CodeBuildClient,
  CreateProjectCommand,
  StartBuildCommand,
  type Build,
  type CreateProjectCommandInput,
  type StartBuildCommandInput,
} from '@aws-sdk/client-codebuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { ensureTestImages } from './images.ts';
import { s3Client } from './s3.ts';
import { clientConfig, docker, startTestSlipway, waitFor, type TestSlipway } from './slipway.ts';

export function codebuildClient(endpoint: string, region = 'us-east-1'): CodeBuildClient {
  return new CodeBuildClient(clientConfig(endpoint, region));
}

/** A Slipway for a test file's builds, with the test image built, and its CodeBuild client. ×100: timeoutInMinutes 5 (the least CodeBuild takes) lasts 3 s. */
export async function startCodebuildSlipway(timeScale = 100): Promise<{ s: TestSlipway; cb: CodeBuildClient }> {
  await ensureTestImages(docker);
  const s = await startTestSlipway({ timeScale });
  return { s, cb: codebuildClient(s.endpoint) };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Slipway Test', '-c', 'user.email=test@slipway.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
  })
    .toString()
    .trim();

/** A git repository (branch main) holding `files` (and the files of `copyFrom`, if given), one commit; returns its path and commit. */
export function gitRepo(
  files: Record<string, string>,
  copyFrom?: string,
): { path: string; commit: string; commitMore(files: Record<string, string>, message: string): string } {
  const path = mkdtempSync(join(tmpdir(), 'slipway-cb-repo-'));
  if (copyFrom) cpSync(copyFrom, path, { recursive: true });
  const write = (more: Record<string, string>) => {
    for (const [name, text] of Object.entries(more)) {
      mkdirSync(dirname(join(path, name)), { recursive: true });
      writeFileSync(join(path, name), text);
    }
  };
  write(files);
  git(path, 'init', '-q');
  git(path, 'add', '-A');
  git(path, 'commit', '-q', '-m', 'first commit');
  return {
    path,
    commit: git(path, 'rev-parse', 'HEAD'),
    commitMore(more, message) {
      write(more);
      git(path, 'add', '-A');
      git(path, 'commit', '-q', '-m', message);
      return git(path, 'rev-parse', 'HEAD');
    },
  };
}

export const BUSYBOX_ENV = { type: 'LINUX_CONTAINER', image: 'slipway-test/busybox:1', computeType: 'BUILD_GENERAL1_SMALL' } as const;

export async function createProject(cb: CodeBuildClient, input: Partial<CreateProjectCommandInput> & { name: string }): Promise<void> {
  await cb.send(
    new CreateProjectCommand({
      source: { type: 'NO_SOURCE', buildspec: 'version: 0.2\n' },
      artifacts: { type: 'NO_ARTIFACTS' },
      environment: { ...BUSYBOX_ENV },
      serviceRole: 'arn:aws:iam::000000000000:role/codebuild',
      ...input,
    } as CreateProjectCommandInput),
  );
}

export async function getBuild(cb: CodeBuildClient, id: string): Promise<Build> {
  return (await cb.send(new BatchGetBuildsCommand({ ids: [id] }))).builds![0];
}

export async function waitForBuild(cb: CodeBuildClient, id: string, timeoutMs = 120_000): Promise<Build> {
  return waitFor(
    `build ${id} to complete`,
    async () => {
      const b = await getBuild(cb, id);
      return b.buildComplete ? b : undefined;
    },
    timeoutMs,
    200,
  );
}

/** Starts a build and waits for it to complete. */
export async function runBuild(cb: CodeBuildClient, input: StartBuildCommandInput, timeoutMs?: number): Promise<Build> {
  const { build } = await cb.send(new StartBuildCommand(input));
  return waitForBuild(cb, build!.id!, timeoutMs);
}

/** "TYPE:STATUS" of each phase, COMPLETED without a status. */
export function phaseList(build: Build): string[] {
  return (build.phases ?? []).map((p) => (p.phaseStatus ? `${p.phaseType}:${p.phaseStatus}` : p.phaseType!));
}

/** Creates the buckets a test's S3 artifacts are written to. */
export async function createBuckets(endpoint: string, ...names: string[]): Promise<void> {
  const s3 = s3Client(endpoint);
  for (const name of names) await s3.send(new CreateBucketCommand({ Bucket: name }));
}

/** Slipway's own copy of a build's artifact as a zip (primary, or a secondary one by identifier), under /_slipway. */
export function artifactZip(endpoint: string, build: Build, dir = 'primary'): string {
  return `${endpoint}/_slipway/artifacts/codebuild/${build.id!.split(':')[1]}/${encodeURIComponent(dir)}.zip`;
}

/** The build's log, read where its deepLink points. */
export async function buildLog(build: Build): Promise<string> {
  return (await fetch(build.logs!.deepLink!)).text();
}

/** The files of a zip, as text, read by Python's zipfile (the host has python3). */
export async function unzip(url: string): Promise<Record<string, string>> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return unzipBytes(Buffer.from(await res.arrayBuffer()));
}

/** The files of a zip held in memory, as text. */
export function unzipBytes(bytes: Buffer): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-cb-zip-'));
  try {
    writeFileSync(join(dir, 'a.zip'), bytes);
    const json = execFileSync('python3', [
      '-c',
      'import sys,json,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({i.filename: z.read(i).decode("utf-8","replace") for i in z.infolist()}))',
      join(dir, 'a.zip'),
    ]);
    return JSON.parse(json.toString()) as Record<string, string>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
