/**
 * @module cli/main
 * The `slipway` command. Thin: it starts the server or talks to a running one over its edge.
 */
import { join } from 'node:path';
import { loadConfig, DEFAULT_PORT } from '../core/config.ts';
import { signedHeaders } from '../server/auth/sign.ts';
import { parseArgs } from './args.ts';
import { cliKey } from './credentials.ts';
import { gitCommand, gitUsage } from './git.ts';
import { type EdgeRequest, pipeline, pipelineUsage } from './pipeline.ts';

const usage = `Usage: slipway <command> [options]

Commands:
  start            Run Slipway in the foreground.
                   --port P (default ${DEFAULT_PORT}, 0 = any free port)  --host H (default 127.0.0.1; off
                   loopback, anyone reaching the port can start privileged containers: root here)
                   --data-dir D (default ~/.slipway)  --region R  --account A
                   --instance-cpu UNITS  --instance-memory MIB  (what each container instance offers)
                   --registry-host HOST[:PORT]  (the name repositoryUri uses, for other machines)
                   --auth  (require SigV4 signatures and IAM policies; always on off loopback)
                   --tls-port P  (serve the edge over HTTPS too, for git-remote-codecommit; 0 = any free port)
                   Environment: SLIPWAY_TIME_SCALE=N runs every AWS wait N times faster.
  status           Show a running Slipway's health.            [--endpoint URL]
  logs <task-id>   Show a task's container output.            [--follow] [--container NAME] [--endpoint URL]
  logs build <id>  Show a CodeBuild build's log (id or uuid).  [--follow] [--endpoint URL]
${pipelineUsage}
${gitUsage}
  help             This text.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start(rest);
    case 'status':
      return status(rest);
    case 'logs':
      return logs(rest);
    case 'pipeline':
      return pipeline(rest, { endpointOf, reach });
    case 'git':
      return gitCommand(rest, { endpointOf, reach });
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return 0;
    default:
      console.error(`slipway: unknown command '${command}'. Run 'slipway help' for the list.`);
      return 2;
  }
}

async function start(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv, ['auth']);
  const config = loadConfig(flags);
  const { startSlipway, VERSION } = await import('../server/app.ts');
  const slipway = await startSlipway(config);
  const credentials = config.auth
    ? `AWS_SHARED_CREDENTIALS_FILE=${join(config.dataDir, 'credentials')} AWS_PROFILE=slipway-admin`
    : 'AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test';
  const env = `AWS_ENDPOINT_URL=${slipway.endpoint} ${credentials} AWS_REGION=${config.defaultRegion}`;
  console.log(`Slipway ${VERSION} listening on ${slipway.bound} (${slipway.endpoint})`);
  console.log(`  data directory  ${config.dataDir}`);
  console.log(
    `  account/region  ${config.account} / ${config.defaultRegion}${config.timeScale !== 1 ? `   time scale ×${config.timeScale}` : ''}`,
  );
  console.log(
    `  signatures      ${config.auth ? 'required: every call is verified and authorized by IAM policies' : 'not checked (loopback; --auth requires them)'}`,
  );
  if (slipway.adminKey) {
    // Shown this once; the file keeps it.
    console.log(`  administrator   created IAM user slipway-admin (AdministratorAccess) with access key`);
    console.log(`                  ${slipway.adminKey.accessKeyId}  secret ${slipway.adminKey.secretAccessKey}`);
    console.log(`                  saved owner-only in ${slipway.adminKey.file} (profile slipway-admin)`);
  }
  console.log(`  point the AWS CLI and SDKs at it:  export ${env}`);
  if (slipway.tls) {
    const host = new URL(slipway.tls.endpoint).host;
    console.log(`  HTTPS           ${slipway.tls.endpoint} (certificate from the local CA ${slipway.tls.caFile})`);
    console.log(
      `  git-remote-codecommit:  CODE_COMMIT_ENDPOINT=${host} GIT_SSL_CAINFO=${slipway.tls.caFile} git clone codecommit::${config.defaultRegion}://<repository>`,
    );
  } else console.log('  HTTPS           off (--tls-port P serves the edge over HTTPS too, as git-remote-codecommit needs)');
  console.log(`  console         ${slipway.console.url(slipway.endpoint)}`);
  if (slipway.console.token) console.log('                  (off loopback it asks for this token; the link sets it in the browser)');
  console.log(`ready: ${slipway.endpoint}/_slipway/health`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Slipway (containers keep running and are adopted at the next start)`);
    await slipway.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // `npx slipway start` and `npm start` run Slipway under `sh -c`: npm passes a SIGTERM on to
  // that shell, which dies of it without passing it on. Run by npm, Slipway stops when its parent
  // goes, as it would on the signal itself.
  if (process.env.npm_command || process.env.npm_lifecycle_event) onParentExit(() => void stop('SIGTERM (to npm)'));
  return new Promise<number>(() => {});
}

function onParentExit(then: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    then();
  }, 500);
  timer.unref();
}

function endpointOf(flags: Record<string, string>): string {
  return (flags.endpoint ?? process.env.SLIPWAY_ENDPOINT ?? process.env.AWS_ENDPOINT_URL ?? `http://127.0.0.1:${DEFAULT_PORT}`).replace(
    /\/$/,
    '',
  );
}

/**
 * Calls `url`, signed with the caller's AWS key when it has one (Slipway's own endpoints require it
 * under --auth, and check the body against the signature: server/auth/endpoints.ts).
 */
async function reach(url: string, init: EdgeRequest = {}): Promise<Response> {
  const key = cliKey();
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const method = init.method ?? 'GET';
  const signed = key ? signedHeaders(method, new URL(url), key, { region, service: 'slipway' }, init.body) : {};
  try {
    return await fetch(url, { ...init, headers: { ...init.headers, ...signed } });
  } catch {
    throw new Error(`cannot reach Slipway at ${new URL(url).origin}: start it with 'npx slipway start' or pass --endpoint URL`);
  }
}

async function status(argv: string[]): Promise<number> {
  const { flags } = parseArgs(argv);
  const res = await reach(`${endpointOf(flags)}/_slipway/health`);
  console.log(JSON.stringify(await res.json(), null, 2));
  return res.ok ? 0 : 1;
}

async function logs(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, ['follow', 'f']);
  if (positional[0] === 'build') return buildLogs(positional[1], flags);
  const task = positional[0];
  if (!task) {
    console.error('slipway logs: name a task: slipway logs <task-id or task ARN> [--follow]');
    return 2;
  }
  const id = task.slice(task.lastIndexOf('/') + 1);
  const query = new URLSearchParams();
  if (flags.follow || flags.f) query.set('follow', '1');
  if (flags.container) query.set('container', flags.container);
  const res = await reach(`${endpointOf(flags)}/_slipway/logs/ecs/${id}?${query}`);
  if (!res.ok) {
    console.error(`slipway logs: ${((await res.json()) as { message: string }).message}`);
    return 1;
  }
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) process.stdout.write(chunk);
  return 0;
}

async function buildLogs(build: string | undefined, flags: Record<string, string>): Promise<number> {
  if (!build) {
    console.error('slipway logs build: name a build: slipway logs build <build id, ARN or uuid> [--follow]');
    return 2;
  }
  const id = build.slice(build.lastIndexOf(':') + 1);
  const res = await reach(
    `${endpointOf(flags)}/_slipway/logs/codebuild/${encodeURIComponent(id)}${flags.follow || flags.f ? '?follow=1' : ''}`,
  );
  if (!res.ok) {
    console.error(`slipway logs build: ${((await res.json()) as { message: string }).message}`);
    return 1;
  }
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) process.stdout.write(chunk);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`slipway: ${err.message}`);
    process.exit(1);
  },
);
