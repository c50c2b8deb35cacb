/**
 * @module services/elb/api-listeners
 * CreateListener, DescribeListeners, ModifyListener, DeleteListener. A listener owns its default
 * rule (IsDefault, Priority "default"), whose actions are the listener's DefaultActions. An HTTPS
 * listener has one default certificate (any well-formed ACM or IAM ARN) and a predefined security
 * policy, checked here; its further certificates are api-certificates.ts's.
 */
import { elbArn, hex16, shortName } from '../../core/ids.ts';
import { paginate } from '../../core/paging.ts';
import { scopeOfOwnArn, type Scope } from '../../core/scope.ts';
import { checkActions } from './actions.ts';
import { requireLoadBalancer } from './api-load-balancers.ts';
import type { ElbContext } from './context.ts';
import { describePaging, elbError } from './errors.ts';
import { DEFAULT_PRIORITY, type ListenerRecord, type LoadBalancerRecord, type StoredListener } from './model.ts';
import type { Certificate, Elbv2Operations, Listener, ProtocolEnum } from './shapes.ts';
import { DEFAULT_SSL_POLICY, sslPolicy } from './ssl-policies.ts';
import { checkTags } from './tags.ts';

type Ops = Elbv2Operations;

export function requireListener(elb: ElbContext, arn: string): ListenerRecord {
  const r = elb.model.listeners.get(arn);
  if (!r) throw elbError.listenerNotFound(`Listener '${arn}' not found`);
  return r;
}

/** The scope, name and id of a load balancer: what the ARNs of its listeners and rules carry. */
function arnParts(lb: LoadBalancerRecord): [Scope, string, string] {
  return [scopeOfOwnArn(lb.lb.LoadBalancerArn), lb.lb.LoadBalancerName, shortName(lb.lb.LoadBalancerArn)];
}

export function newListenerArn(lb: LoadBalancerRecord): string {
  return elbArn.listener(...arnParts(lb), hex16());
}

export function newRuleArn(lb: LoadBalancerRecord, listenerArn: string): string {
  return elbArn.rule(...arnParts(lb), shortName(listenerArn), hex16());
}

function checkProtocol(protocol: ProtocolEnum | undefined): 'HTTP' | 'HTTPS' {
  if (protocol === undefined || protocol === 'HTTP' || protocol === 'HTTPS') return protocol ?? 'HTTP';
  throw elbError.validation(`Protocol '${protocol}' is not supported by load balancers of type 'application'; use HTTP or HTTPS`);
}

function checkPort(port: number | undefined): number {
  if (port === undefined) throw elbError.validation('A listener port must be specified');
  if (port < 1 || port > 65535) throw elbError.validation(`Listener port '${port}' must be between 1 and 65535`);
  if (port < 1024 && process.getuid && process.getuid() !== 0) {
    throw elbError.invalidConfiguration(
      `Port ${port} is below 1024, which only root may listen on, and Slipway runs as uid ${process.getuid()}; use a port of 1024 or above`,
    );
  }
  return port;
}

const ACM_ARN = /^arn:aws(-[a-z]+)*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
const IAM_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:server-certificate\/[\w+=,.@/-]+$/;

/** The certificate ARNs of a request: well formed, IsDefault left unset (as ALB requires). */
export function checkCertificates(certificates: Certificate[]): string[] {
  return certificates.map((c) => {
    if (c.IsDefault !== undefined) throw elbError.validation('You cannot set the isDefault parameter for a certificate.');
    const arn = c.CertificateArn ?? '';
    if (!ACM_ARN.test(arn) && !IAM_ARN.test(arn)) throw elbError.certificateNotFound(arn);
    return arn;
  });
}

/**
 * The Certificates and SslPolicy a listener of `protocol` ends up with, from a CreateListener or
 * ModifyListener request and (ModifyListener) what the listener had. HTTP has neither; HTTPS has
 * exactly one default certificate and a predefined policy (ELBSecurityPolicy-2016-08 unless named).
 */
export function listenerTls(
  protocol: 'HTTP' | 'HTTPS',
  requested: Pick<Listener, 'Certificates' | 'SslPolicy'>,
  current?: Listener,
): Pick<Listener, 'Certificates' | 'SslPolicy'> {
  if (protocol === 'HTTP') {
    if (requested.Certificates?.length) throw elbError.validation('A certificate cannot be specified for HTTP listeners');
    // (sic) ALB's own spelling.
    if (requested.SslPolicy !== undefined) throw elbError.validation('An SSL policy cannot be specifed for HTTP listeners');
    return { Certificates: undefined, SslPolicy: undefined };
  }
  const kept = current?.Protocol === 'HTTPS' ? current : undefined;
  const arns = requested.Certificates?.length
    ? checkCertificates(requested.Certificates)
    : (kept?.Certificates?.flatMap((c) => c.CertificateArn ?? []) ?? []);
  if (arns.length === 0) throw elbError.validation('A certificate must be specified for HTTPS listeners');
  if (arns.length > 1)
    throw elbError.validation('A listener can have only one default certificate; add others with AddListenerCertificates');
  const policy = requested.SslPolicy ?? kept?.SslPolicy ?? DEFAULT_SSL_POLICY;
  if (!sslPolicy(policy)) throw elbError.sslPolicyNotFound(policy);
  return { Certificates: [{ CertificateArn: arns[0] }], SslPolicy: policy };
}

export function listenerHandlers(elb: ElbContext) {
  const { model } = elb;
  return {
    CreateListener(input: Ops['CreateListener']['input']): Ops['CreateListener']['output'] {
      const protocol = checkProtocol(input.Protocol);
      const port = checkPort(input.Port);
      const tls = listenerTls(protocol, input);
      checkTags(input.Tags);
      const created = model.tx(() => {
        const lb = requireLoadBalancer(elb, input.LoadBalancerArn);
        const actions = checkActions(elb.model, input.DefaultActions, input.LoadBalancerArn);
        const clash = model.listeners.find({ lb: input.LoadBalancerArn }).find((l) => l.listener.Port === port);
        if (clash) {
          const same = (l: Listener) => JSON.stringify([l.Protocol, l.DefaultActions, l.Certificates, l.SslPolicy]);
          if (same(clash.listener) === same({ Protocol: protocol, DefaultActions: actions, ...tls })) return clash.listener;
          throw elbError.duplicateListener(input.LoadBalancerArn);
        }
        const listener: StoredListener = {
          ListenerArn: newListenerArn(lb),
          LoadBalancerArn: lb.lb.LoadBalancerArn,
          Port: port,
          Protocol: protocol,
          ...tls,
          DefaultActions: actions,
          AlpnPolicy: [],
        };
        model.putListener({ listener, tags: input.Tags ?? [] });
        model.putRule({
          rule: { RuleArn: newRuleArn(lb, listener.ListenerArn), Priority: 'default', Conditions: [], Actions: actions, IsDefault: true },
          listenerArn: listener.ListenerArn,
          priority: DEFAULT_PRIORITY,
          tags: [],
        });
        return listener;
      });
      elb.changed();
      return { Listeners: [created] };
    },

    DescribeListeners(input: Ops['DescribeListeners']['input']): Ops['DescribeListeners']['output'] {
      const arns = input.ListenerArns ?? [];
      if (!input.LoadBalancerArn === !arns.length)
        throw elbError.validation('You must specify either listener ARNs or a load balancer ARN');
      const found = input.LoadBalancerArn
        ? (requireLoadBalancer(elb, input.LoadBalancerArn),
          model.listeners.find({ lb: input.LoadBalancerArn }).sort((a, b) => a.listener.Port - b.listener.Port))
        : arns.map(
            (arn) =>
              model.listeners.get(arn) ??
              (() => {
                throw elbError.listenerNotFound();
              })(),
          );
      const page = paginate(found, { token: input.Marker, size: input.PageSize }, describePaging('DescribeListeners'));
      return { Listeners: page.items.map((l) => l.listener), NextMarker: page.next };
    },

    ModifyListener(input: Ops['ModifyListener']['input']): Ops['ModifyListener']['output'] {
      const protocol = input.Protocol === undefined ? undefined : checkProtocol(input.Protocol);
      const port = input.Port === undefined ? undefined : checkPort(input.Port);
      const updated = model.tx(() => {
        const r = requireListener(elb, input.ListenerArn);
        const l = r.listener;
        const tls = listenerTls(protocol ?? checkProtocol(l.Protocol), input, l);
        if (port !== undefined && port !== l.Port) {
          if (model.listeners.find({ lb: l.LoadBalancerArn }).some((o) => o.listener.Port === port))
            throw elbError.duplicateListener(l.LoadBalancerArn);
          l.Port = port;
        }
        if (protocol) l.Protocol = protocol;
        // ALB: moving to HTTP drops the certificates and the policy.
        Object.assign(l, tls);
        if (l.Protocol === 'HTTP') r.certificates = undefined;
        if (input.DefaultActions) {
          l.DefaultActions = checkActions(elb.model, input.DefaultActions, l.LoadBalancerArn);
          const rule = model.rules.find({ listener: l.ListenerArn }).find((x) => x.rule.IsDefault);
          if (rule) model.putRule({ ...rule, rule: { ...rule.rule, Actions: l.DefaultActions } });
        }
        model.putListener(r);
        return l;
      });
      elb.changed();
      return { Listeners: [updated] };
    },

    DeleteListener(input: Ops['DeleteListener']['input']): Ops['DeleteListener']['output'] {
      model.tx(() => {
        requireListener(elb, input.ListenerArn);
        for (const rule of model.rules.find({ listener: input.ListenerArn })) model.rules.delete(rule.rule.RuleArn);
        model.listeners.delete(input.ListenerArn);
      });
      elb.changed();
      return {};
    },
  };
}
