/**
 * @module services/elb/api-certificates
 * An HTTPS listener's certificate list (Describe/Add/RemoveListenerCertificates) and
 * DescribeSSLPolicies; its default certificate and policy are checked with the listener
 * (api-listeners.ts). Slipway has no ACM: any well-formed ACM or IAM server-certificate ARN is
 * accepted, and the data plane serves a certificate of its own for the load balancer (certificates.ts).
 */
import { paginate } from '../../core/paging.ts';
import type { ElbContext } from './context.ts';
import { checkCertificates, requireListener } from './api-listeners.ts';
import { describePaging, elbError } from './errors.ts';
import type { ListenerRecord } from './model.ts';
import type { Certificate, Elbv2Operations } from './shapes.ts';
import { SSL_POLICIES, sslPolicy } from './ssl-policies.ts';

type Ops = Elbv2Operations;
/** ALB's quota: certificates per load balancer, default certificates not counted. */
const MAX_CERTIFICATES = 25;

function requireHttps(elb: ElbContext, arn: string): ListenerRecord {
  const r = requireListener(elb, arn);
  if (r.listener.Protocol !== 'HTTPS')
    throw elbError.validation(`Listener '${arn}' is not an HTTPS listener; only HTTPS listeners have certificates`);
  return r;
}

export function certificateHandlers(elb: ElbContext) {
  const { model } = elb;
  return {
    DescribeSSLPolicies(input: Ops['DescribeSSLPolicies']['input']): Ops['DescribeSSLPolicies']['output'] {
      const names = input.Names ?? [];
      const unknown = names.filter((n) => !sslPolicy(n));
      if (unknown.length) throw elbError.sslPolicyNotFound(unknown.join(', '));
      const named = names.length ? SSL_POLICIES.filter((p) => names.includes(p.name)) : SSL_POLICIES;
      const found = named.filter((p) => !input.LoadBalancerType || p.shape.SupportedLoadBalancerTypes.includes(input.LoadBalancerType));
      const page = paginate(found, { token: input.Marker, size: input.PageSize }, describePaging('DescribeSSLPolicies'));
      return { SslPolicies: page.items.map((p) => p.shape), NextMarker: page.next };
    },

    DescribeListenerCertificates(input: Ops['DescribeListenerCertificates']['input']): Ops['DescribeListenerCertificates']['output'] {
      const r = requireListener(elb, input.ListenerArn);
      // The default certificate shows first; when it is also in the list it shows twice, as in ALB.
      const all: Certificate[] = [
        ...(r.listener.Certificates ?? []).map((c) => ({ CertificateArn: c.CertificateArn, IsDefault: true })),
        ...(r.certificates ?? []).map((CertificateArn) => ({ CertificateArn, IsDefault: false })),
      ];
      const page = paginate(all, { token: input.Marker, size: input.PageSize }, describePaging('DescribeListenerCertificates'));
      return { Certificates: page.items, NextMarker: page.next };
    },

    AddListenerCertificates(input: Ops['AddListenerCertificates']['input']): Ops['AddListenerCertificates']['output'] {
      const arns = checkCertificates(input.Certificates);
      const updated = model.tx(() => {
        const r = requireHttps(elb, input.ListenerArn);
        const list = [...(r.certificates ?? [])];
        for (const arn of arns) if (!list.includes(arn)) list.push(arn);
        const others = model.listeners
          .find({ lb: r.listener.LoadBalancerArn })
          .filter((l) => l.listener.ListenerArn !== r.listener.ListenerArn);
        if (others.reduce((n, l) => n + (l.certificates?.length ?? 0), list.length) > MAX_CERTIFICATES)
          throw elbError.tooManyCertificates();
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
          if (r.listener.Certificates?.some((c) => c.CertificateArn === arn))
            throw elbError.operationNotPermitted('Default certificate cannot be removed');
          if (!list.includes(arn)) throw elbError.certificateNotFound(arn);
        }
        r.certificates = list.filter((arn) => !arns.includes(arn));
        model.putListener(r);
      });
      return {};
    },
  };
}
