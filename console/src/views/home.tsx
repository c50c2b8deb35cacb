/** The overview: how much there is of each kind, what just happened, and for a new user the next command to run. */
import { useState } from 'preact/hooks';
import { call, elb, list, s3 } from '../api.ts';
import { useEvents, useLive, type SlipwayEvent } from '../live.ts';
import { Link, Loaded, Time } from '../ui.tsx';

async function counts() {
  const settle = async (f: () => Promise<number>) => f().catch(() => undefined);
  const [clusters, builds, repositories, loadBalancers, buckets, deployments] = await Promise.all([
    call('ecs', 'ListClusters').then((r) => r.clusterArns ?? []),
    settle(async () => (await call('codebuild', 'ListBuilds')).ids?.length ?? 0),
    settle(async () => (await call('ecr', 'DescribeRepositories')).repositories?.length ?? 0),
    settle(async () => list((await elb('DescribeLoadBalancers')).LoadBalancers).length),
    settle(async () => list((await s3('/')).Buckets?.Bucket).length),
    settle(async () => (await call('codedeploy', 'ListDeployments')).deployments?.length ?? 0),
  ]);
  let services = 0;
  for (const cluster of clusters) services += (await call('ecs', 'ListServices', { cluster })).serviceArns?.length ?? 0;
  return { clusters: clusters.length, services, builds, repositories, loadBalancers, buckets, deployments };
}

const FIRST_STEPS = `export AWS_ENDPOINT_URL=${location.origin} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
aws ecs register-task-definition --cli-input-json file://taskdef.json
aws ecs create-service --cluster default --service-name web --task-definition web --desired-count 1`;

export function Home() {
  const live = useLive(counts, [], (e) => !e.type.startsWith('logs.'));
  const [recent, setRecent] = useState<SlipwayEvent[]>([]);
  useEvents((e) => e !== 'resync' && e.type !== 'logs.events' && setRecent((r) => [e, ...r].slice(0, 50)));
  return (
    <>
      <h1>Overview</h1>
      <Loaded live={live}>
        {(c) => (
          <>
            <ul class="tiles">
              {(
                [
                  ['/ecs', c.services, `services in ${c.clusters} clusters`],
                  ['/builds', c.builds, 'builds'],
                  ['/deployments', c.deployments, 'CodeDeploy deployments'],
                  ['/load-balancers', c.loadBalancers, 'load balancers'],
                  ['/registry', c.repositories, 'repositories'],
                  ['/s3', c.buckets, 'buckets'],
                ] as const
              ).map(([to, count, what]) => (
                <li key={to}>
                  <Link to={to}>
                    <strong>{count ?? '?'}</strong> {what}
                  </Link>
                </li>
              ))}
            </ul>
            {c.services === 0 && !c.builds && !c.repositories && (
              <div class="empty">
                <p>Nothing runs here yet. Point the AWS CLI at Slipway and start a service:</p>
                <pre>{FIRST_STEPS}</pre>
                <p>It appears here as it starts.</p>
              </div>
            )}
          </>
        )}
      </Loaded>
      <section>
        <h2>Just now</h2>
        {recent.length === 0 ? (
          <p class="muted">Changes appear here as they happen.</p>
        ) : (
          <ol class="events">
            {recent.map((e, i) => (
              <li key={`${e.at}-${i}`}>
                <Time at={e.at} /> <code>{e.type}</code> {e.resource.slice(e.resource.lastIndexOf('/') + 1)} {describe(e)}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function describe(e: SlipwayEvent): string {
  const d = e.detail;
  return String(d.operation ?? d.message ?? d.lastStatus ?? d.buildStatus ?? d.status ?? d.state ?? d.rolloutState ?? d.tag ?? d.ref ?? '');
}
