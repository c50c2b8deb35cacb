/** Elastic Load Balancing: load balancers, their listeners and rules in priority order, target groups with each target's health and reason. */
import { elb, list } from '../api.ts';
import { useLive, type SlipwayEvent } from '../live.ts';
import { seg } from '../router.ts';
import { Empty, ErrorNote, Link, Loaded, State, Table } from '../ui.tsx';
import { RateChart, useRequestRates } from './requests.tsx';

const isElb = (e: SlipwayEvent) => e.type.startsWith('elb.') || e.type.startsWith('elasticloadbalancing.') || e.type.startsWith('ecs.');

/** What a rule's actions do: a forward links its group (with each group's share when it weighs several), others say their kind. */
function actionsOf(actions: any) {
  return list<any>(actions).map((a, i) => {
    const groups = list<any>(a.ForwardConfig?.TargetGroups);
    const total = groups.reduce((n, g) => n + Number(g.Weight ?? 1), 0) || 1;
    const parts = groups.length
      ? groups.map((g) => ({
          arn: g.TargetGroupArn,
          share: groups.length > 1 ? ` ${Math.round((100 * Number(g.Weight ?? 1)) / total)}%` : '',
        }))
      : a.TargetGroupArn
        ? [{ arn: a.TargetGroupArn, share: '' }]
        : [];
    return (
      <span key={i}>
        {i > 0 && ', '}
        {parts.length
          ? parts.map((p, j) => (
              <span key={p.arn}>
                {j > 0 && ' / '}
                <Link to={`/target-groups/${seg(p.arn)}`}>{tgName(p.arn)}</Link>
                {p.share}
              </span>
            ))
          : a.FixedResponseConfig
            ? `fixed ${a.FixedResponseConfig.StatusCode}`
            : a.RedirectConfig
              ? `redirect ${a.RedirectConfig.StatusCode}`
              : a.Type}
      </span>
    );
  });
}
const tgName = (arn: string) => arn?.split('/')[1] ?? arn;
/** A condition's values: ELB answers both the old `Values` and the field's own config; each is shown once. */
const CONFIGS = ['PathPatternConfig', 'HostHeaderConfig', 'HttpRequestMethodConfig', 'SourceIpConfig'];
function conditionText(c: any): string {
  const values = new Set<string>(list<string>(c.Values));
  for (const config of CONFIGS) for (const v of list<string>(c[config]?.Values)) values.add(v);
  for (const h of [c.HttpHeaderConfig].filter(Boolean)) values.add(`${h.HttpHeaderName}: ${list<string>(h.Values).join(' | ')}`);
  for (const q of list<any>(c.QueryStringConfig?.Values)) values.add(q.Key ? `${q.Key}=${q.Value}` : q.Value);
  return `${c.Field} ${[...values].join(' | ')}`;
}
const conditions = (rule: any) => list<any>(rule.Conditions).map(conditionText).join(' and ') || 'default';

export function LoadBalancers() {
  const lbs = useLive(async () => list<any>((await elb('DescribeLoadBalancers')).LoadBalancers), [], isElb);
  const tgs = useLive(async () => list<any>((await elb('DescribeTargetGroups')).TargetGroups), [], isElb);
  return (
    <>
      <Loaded live={lbs} title="Load balancers">
        {(rows: any[]) =>
          rows.length === 0 ? (
            <Empty
              what="load balancers"
              command="aws elbv2 create-load-balancer --name web --type application --subnets subnet-1 subnet-2"
            />
          ) : (
            <Table
              label="load balancers"
              rows={rows}
              rowKey={(l) => l.LoadBalancerArn}
              columns={[
                { title: 'Name', cell: (l) => <Link to={`/load-balancers/${seg(l.LoadBalancerArn)}`}>{l.LoadBalancerName}</Link> },
                { title: 'State', cell: (l) => <State value={l.State?.Code} /> },
                { title: 'DNS name', cell: (l) => <code>{l.DNSName}</code> },
                { title: 'Type', cell: (l) => l.Type },
              ]}
            />
          )
        }
      </Loaded>
      <TargetGroups live={tgs} />
    </>
  );
}

function TargetGroups({ live }: { live: ReturnType<typeof useLive<any[]>> }) {
  const { rates } = useRequestRates();
  return (
    <Loaded live={live} title="Target groups">
      {(rows: any[]) =>
        rows.length === 0 ? (
          <Empty what="target groups" command="aws elbv2 create-target-group --name web --protocol HTTP --port 80 --vpc-id vpc-1" />
        ) : (
          <Table
            label="target groups"
            rows={rows}
            rowKey={(t) => t.TargetGroupArn}
            columns={[
              { title: 'Name', cell: (t) => <Link to={`/target-groups/${seg(t.TargetGroupArn)}`}>{t.TargetGroupName}</Link> },
              { title: 'Protocol / port', cell: (t) => `${t.Protocol ?? ''} ${t.Port ?? ''}` },
              { title: 'Target type', cell: (t) => t.TargetType },
              { title: 'Health check', cell: (t) => `${t.HealthCheckProtocol ?? ''} ${t.HealthCheckPath ?? ''}` },
              { title: 'Load balancers', cell: (t) => list<string>(t.LoadBalancerArns).map(tgName).join(', ') || '—' },
              {
                title: 'Requests',
                cell: (t) => <RateChart values={rates.get(t.TargetGroupArn)} label={`requests to ${t.TargetGroupName}`} />,
              },
            ]}
          />
        )
      }
    </Loaded>
  );
}

export function LoadBalancer({ arn }: { arn: string }) {
  const live = useLive(
    async () => {
      const [lb] = list<any>((await elb('DescribeLoadBalancers', { 'LoadBalancerArns.member.1': arn })).LoadBalancers);
      const listeners = list<any>((await elb('DescribeListeners', { LoadBalancerArn: arn })).Listeners);
      const withRules = await Promise.all(
        listeners.map(async (l) => ({
          ...l,
          rules: list<any>((await elb('DescribeRules', { ListenerArn: l.ListenerArn })).Rules).sort(
            (a, b) => (a.IsDefault === 'true' ? 1 : 0) - (b.IsDefault === 'true' ? 1 : 0) || Number(a.Priority) - Number(b.Priority),
          ),
        })),
      );
      return { lb, listeners: withRules };
    },
    [arn],
    isElb,
  );
  return (
    <Loaded live={live}>
      {({ lb, listeners }: any) => (
        <>
          <h1>
            <Link to="/load-balancers">Load balancers</Link> / {lb?.LoadBalancerName}
          </h1>
          <dl class="facts">
            <dt>State</dt>
            <dd>
              <State value={lb?.State?.Code} />
            </dd>
            <dt>DNS name</dt>
            <dd>
              <code>{lb?.DNSName}</code>
            </dd>
          </dl>
          {listeners.length === 0 && (
            <Empty
              what="listeners"
              command={`aws elbv2 create-listener --load-balancer-arn ${arn} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=…`}
            />
          )}
          {listeners.map((l: any) => (
            <section key={l.ListenerArn}>
              <h2>
                {l.Protocol} :{l.Port}
              </h2>
              <Table
                label={`rules of ${l.Protocol} ${l.Port}`}
                rows={l.rules}
                rowKey={(r) => r.RuleArn}
                columns={[
                  { title: 'Priority', cell: (r) => r.Priority, class: 'num' },
                  { title: 'When', cell: conditions },
                  { title: 'Then', cell: (r) => actionsOf(r.Actions) },
                ]}
              />
            </section>
          ))}
        </>
      )}
    </Loaded>
  );
}

export function TargetGroup({ arn }: { arn: string }) {
  const live = useLive(
    async () => {
      const [tg] = list<any>((await elb('DescribeTargetGroups', { 'TargetGroupArns.member.1': arn })).TargetGroups);
      const health = list<any>((await elb('DescribeTargetHealth', { TargetGroupArn: arn })).TargetHealthDescriptions);
      return { tg, health };
    },
    [arn],
    (e) => isElb(e),
  );
  const requests = useRequestRates();
  return (
    <Loaded live={live}>
      {({ tg, health }: any) => (
        <>
          <h1>
            <Link to="/load-balancers">Load balancers</Link> / target group {tg?.TargetGroupName}
          </h1>
          <h2>Requests per second</h2>
          <ErrorNote error={requests.error} />
          <RateChart values={requests.rates.get(arn)} label={`requests to ${tg?.TargetGroupName}`} width={480} height={80} />
          <h2>Targets</h2>
          {health.length === 0 ? (
            <Empty what="targets" command={`aws elbv2 register-targets --target-group-arn ${arn} --targets Id=…,Port=…`} />
          ) : (
            <Table
              label="targets"
              rows={health}
              rowKey={(h) => `${h.Target?.Id}:${h.Target?.Port}`}
              columns={[
                { title: 'Target', cell: (h) => `${h.Target?.Id}:${h.Target?.Port}` },
                { title: 'Health', cell: (h) => <State value={h.TargetHealth?.State} /> },
                { title: 'Reason', cell: (h) => h.TargetHealth?.Reason ?? '' },
                { title: 'Description', cell: (h) => h.TargetHealth?.Description ?? '' },
              ]}
            />
          )}
        </>
      )}
    </Loaded>
  );
}
