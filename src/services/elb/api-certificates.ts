/**
 * @module services/elb/api-certificates
 * What makes a listener HTTPS: its default certificate and security policy (checked here for
 * CreateListener and ModifyListener), its certificate list (Describe/Add/RemoveListenerCertificates)
 * and DescribeSSLPolicies. Slipway has no ACM: any well-formed ACM or IAM server-certificate ARN is
 * accepted, and the data plane serves a certificate of its own for the load balancer (certificates.ts).
 */
import type { ElbContext } from './context.ts';
import { requireListener } from './api-listeners.ts';
import { elbError } from './errors.ts';
import type { ListenerRecord } from './model.ts';
import { page } from './paging.ts';
import type { Certificate, Elbv2Operations, Listener } from './shapes.ts';
import { DEFAULT_SSL_POLICY, SSL_POLICIES, sslPolicy } from './ssl-policies.ts';

type Ops = Elbv2Operations;
/** ALB's quota: certificates per load balancer, default certificates not counted. */
const MAX_CERTIFICATES = 25;
const ACM_ARN = /^arn:aws(-[a-z]+)*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
const IAM_ARN = /^arn:aws(-[a-z]+)*:iam::\d{12}:server-certificate\/[\w+=,.@/-]+$/;

/** The certificate ARNs of a request: well formed, IsDefault left unset (as ALB requires). */
function checkCertificates(certificates: Certificate[]): string[] {
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
export function listenerTls(protocol: 'HTTP' | 'HTTPS', requested: Pick<Listener, 'Certificates' | 'SslPolicy'>, current?: Listener): Pick<Listener, 'Certificates' | 'SslPolicy'> {
  if (protocol === 'HTTP') {
    if (requested.Certificates?.length) throw elbError.validation('A certificate cannot be specified for HTTP listeners');
    // (sic) ALB's own spelling.
    if (requested.SslPolicy !== undefined) throw elbError.validation('An SSL policy cannot be specifed for HTTP listeners');
    return { Certificates: undefined, SslPolicy: undefined };
  }
  const kept = current?.Protocol === 'HTTPS' ? current : undefined;
  const arns = requested.Certificates?.length ? checkCertificates(requested.Certificates) : kept?.Certificates?.map((c) => c.CertificateArn!) ?? [];
  if (arns.length === 0) throw elbError.validation('A certificate must be specified for HTTPS listeners');
  if (arns.length > 1) throw elbError.validation('A listener can have only one default certificate; add others with AddListenerCertificates');
  const policy = requested.SslPolicy ?? kept?.SslPolicy ?? DEFAULT_SSL_POLICY;
  if (!sslPolicy(policy)) throw elbError.sslPolicyNotFound(policy);
  return { Certificates: [{ CertificateArn: arns[0] }], SslPolicy: policy };
}

function requireHttps(elb: ElbContext, arn: string): ListenerRecord {
  const r = requireListener(elb, arn);
  if (r.listener.Protocol !== 'HTTPS') throw elbError.validation(`Listener '${arn}' is not an HTTPS listener; only HTTPS listeners have certificates`);
  return r;
}

export function certificateHandlers(elb: ElbContext) {
  const { model } = elb;
  return {
    DescribeSSLPolicies(input: Ops['DescribeSSLPolicies']['input']): Ops['DescribeSSLPolicies']['output'] {
      const unknown = (input.Names ?? []).filter((n) => !sslPolicy(n));
      if (unknown.length) throw elbError.sslPolicyNotFound(unknown.join(', '));
      const named = input.Names?.length ? SSL_POLICIES.filter((p) => input.Names!.includes(p.name)) : SSL_POLICIES;
      const found = named.filter((p) => !input.LoadBalancerType || p.shape.SupportedLoadBalancerTypes!.includes(input.LoadBalancerType));
      const { items, next } = page(found, input.Marker, input.PageSize);
      return { SslPolicies: items.map((p) => p.shape), NextMarker: next };
    },

    DescribeListenerCertificates(input: Ops['DescribeListenerCertificates']['input']): Ops['DescribeListenerCertificates']['output'] {
      const r = requireListener(elb, input.ListenerArn);
      // The default certificate shows first; when it is also in the list it shows twice, as in ALB.
      const all: Certificate[] = [
        ...(r.listener.Certificates ?? []).map((c) => ({ CertificateArn: c.CertificateArn, IsDefault: true })),
        ...(r.certificates ?? []).map((CertificateArn) => ({ CertificateArn, IsDefault: false })),
      ];
      const { items, next } = page(all, input.Marker, input.PageSize);
      return { Certificates: items, NextMarker: next };
    },

    AddListenerCertificates(input: Ops['AddListenerCertificates']['input']): Ops['AddListenerCertificates']['output'] {
      const arns = checkCertificates(input.Certificates);
      const updated = model.tx(() => {
        const r = requireHttps(elb, input.ListenerArn);
        const list = [...(r.certificates ?? [])];
        for (const arn of arns) if (!list.includes(arn)) list.push(arn);
        const others = model.listeners.find({ lb: r.listener.LoadBalancerArn! }).filter((l) => l.listener.ListenerArn !== r.listener.ListenerArn);
        if (others.reduce((n, l) => n + (l.certificates?.length ?? 0), list.length) > MAX_CERTIFICATES) throw elbError.tooManyCertificates();
        r.certificates = list;
        model.putListener(r);
        return list;
      });
      return { Certificates: updated.map((CertificateArn) => ({ CertificateArn, IsDefault: false })) };
    },

    RemoveListenerCertificates(input: Ops['RemoveListenerCertificates']['input']): Ops['RemoveListenerCertificates']['output'] {
      const arns = input.Certificates.map((c) => c.CertificateArn ?? '');
      model.tx(() => {
        const r = requireHttps(elb, input.ListenerArn);
        const list = r.certificates ?? [];
        for (const arn of arns) {
          if (r.listener.Certificates?.some((c) => c.CertificateArn === arn)) throw elbError.operationNotPermitted('Default certificate cannot be removed');
          if (!list.includes(arn)) throw elbError.certificateNotFound(arn);
        }
        r.certificates = list.filter((arn) => !arns.includes(arn));
        model.putListener(r);
      });
      return {};
    },
  };
}
