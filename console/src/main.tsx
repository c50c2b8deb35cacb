/** The Slipway console: the shell (navigation, connection state) and the routes to each view. */
import { render } from 'preact';
import { loadSettings } from './api.ts';
import { connect, useConnected } from './live.ts';
import { interceptLinks, useRoute } from './router.ts';
import { Link } from './ui.tsx';
import { Build, Builds } from './views/builds.tsx';
import { Deployment, Deployments } from './views/deployments.tsx';
import { Cluster, Clusters, Service } from './views/ecs.tsx';
import { Task } from './views/ecs-tasks.tsx';
import { LoadBalancer, LoadBalancers, TargetGroup } from './views/elb.tsx';
import { Home } from './views/home.tsx';
import { Pipelines } from './views/pipelines.tsx';
import { Repositories, Repository } from './views/registry.tsx';
import { Bucket, Buckets, LogGroup, LogGroups, Parameters, Secrets } from './views/stores.tsx';
import './style.css';

type Params = Record<string, string>;
const ROUTES: [RegExp, (p: Params, q: URLSearchParams) => preact.JSX.Element][] = [
  [/^\/$/, () => <Home />],
  [/^\/ecs$/, () => <Clusters />],
  [/^\/ecs\/(?<cluster>[^/]+)$/, (p) => <Cluster cluster={p.cluster} />],
  [/^\/ecs\/(?<cluster>[^/]+)\/services\/(?<service>[^/]+)$/, (p) => <Service cluster={p.cluster} service={p.service} />],
  [/^\/ecs\/(?<cluster>[^/]+)\/tasks\/(?<task>[^/]+)$/, (p) => <Task cluster={p.cluster} task={p.task} />],
  [/^\/load-balancers$/, () => <LoadBalancers />],
  [/^\/load-balancers\/(?<arn>[^/]+)$/, (p) => <LoadBalancer arn={p.arn} />],
  [/^\/target-groups\/(?<arn>[^/]+)$/, (p) => <TargetGroup arn={p.arn} />],
  [/^\/registry$/, () => <Repositories />],
  [/^\/registry\/(?<name>.+)$/, (p) => <Repository name={p.name} />],
  [/^\/builds$/, () => <Builds />],
  [/^\/builds\/(?<id>[^/]+)$/, (p) => <Build id={p.id} />],
  [/^\/deployments$/, () => <Deployments />],
  [/^\/deployments\/(?<id>[^/]+)$/, (p) => <Deployment id={p.id} />],
  [/^\/pipelines$/, () => <Pipelines />],
  [/^\/s3$/, () => <Buckets />],
  [/^\/s3\/(?<bucket>[^/]+)$/, (p, q) => <Bucket bucket={p.bucket} prefix={q.get('prefix') ?? ''} />],
  [/^\/secrets$/, () => <Secrets />],
  [/^\/parameters$/, () => <Parameters />],
  [/^\/logs$/, () => <LogGroups />],
  [/^\/logs\/(?<group>[^/]+)$/, (p) => <LogGroup group={p.group} />],
];

const NAV: [string, string][] = [
  ['/', 'Overview'],
  ['/pipelines', 'Pipelines'],
  ['/builds', 'Builds'],
  ['/deployments', 'Deployments'],
  ['/ecs', 'ECS'],
  ['/load-balancers', 'Load balancers'],
  ['/registry', 'Registry'],
  ['/s3', 'S3'],
  ['/secrets', 'Secrets'],
  ['/parameters', 'Parameters'],
  ['/logs', 'Logs'],
];

function App() {
  const { path, query } = useRoute();
  const connected = useConnected();
  let view: preact.JSX.Element | undefined;
  for (const [pattern, make] of ROUTES) {
    const m = pattern.exec(path);
    if (!m) continue;
    const params = Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    view = make(params, query);
    break;
  }
  const section = NAV.filter(([to]) => to !== '/' && path.startsWith(to)).map(([to]) => to)[0] ?? (path === '/' ? '/' : undefined);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link to="/" class="brand">
          Slipway
        </Link>
        <span class={`conn ${connected ? 'on' : 'off'}`} role="status">
          {connected ? 'live' : 'reconnecting…'}
        </span>
      </header>
      <div class="body">
        <nav aria-label="Sections">
          <ul>
            {NAV.map(([to, label]) => (
              <li key={to}>
                <a href={`/_slipway/console${to === '/' ? '/' : to}`} aria-current={section === to ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" key={path}>
          {view ?? (
            <>
              <h1>Not found</h1>
              <p>
                The console has no page at <code>{path}</code>. <Link to="/">Back to the overview</Link>.
              </p>
            </>
          )}
        </main>
      </div>
    </>
  );
}

interceptLinks();
void loadSettings().finally(() => {
  connect();
  render(<App />, document.getElementById('app')!);
});
