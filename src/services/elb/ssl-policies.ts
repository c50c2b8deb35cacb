/**
 * @module services/elb/ssl-policies
 * ALB's predefined security policies, as `aws elbv2 describe-ssl-policies --load-balancer-type
 * application` lists them: each policy's TLS versions and its ciphers in priority order. Cipher
 * names are OpenSSL's (TLS 1.3 suites as IANA names them), so the data plane can hand them to
 * HAProxy as they are. The FIPS and post-quantum policies are not here yet.
 */
import type { TlsVersion } from './dataplane.ts';
import type { SslPolicy } from './shapes.ts';

/** The policy ALB takes when CreateListener names none (the console picks a newer one; the API and CLI do not). */
export const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

const VERSIONS: TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

const TLS13 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'];
/** ECDHE with AES-GCM only. */
const ECDHE_GCM = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
];
/** ECDHE with AES-GCM and AES-CBC-SHA2. */
const ECDHE_SHA2 = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES128-SHA256',
  'ECDHE-RSA-AES128-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA384',
];
/** Every ECDHE cipher of ELBSecurityPolicy-2016-08, SHA-1 CBC ones included. */
const ECDHE_ALL = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES128-SHA256',
  'ECDHE-RSA-AES128-SHA256',
  'ECDHE-ECDSA-AES128-SHA',
  'ECDHE-RSA-AES128-SHA',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA384',
  'ECDHE-RSA-AES256-SHA',
  'ECDHE-ECDSA-AES256-SHA',
];
/** Static RSA key exchange with SHA-2. */
const RSA_SHA2 = ['AES128-GCM-SHA256', 'AES128-SHA256', 'AES256-GCM-SHA384', 'AES256-SHA256'];
/** Static RSA key exchange, SHA-1 CBC included. */
const RSA_ALL = ['AES128-GCM-SHA256', 'AES128-SHA256', 'AES128-SHA', 'AES256-GCM-SHA384', 'AES256-SHA256', 'AES256-SHA'];
const POLICY_2016 = [...ECDHE_ALL, ...RSA_ALL];
// ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06 lists the two ECDHE AES256-SHA ciphers the other way round.
const EXT2 = [...ECDHE_ALL.slice(0, 10), 'ECDHE-ECDSA-AES256-SHA', 'ECDHE-RSA-AES256-SHA', ...RSA_ALL];

/** [name, lowest version, highest version, ciphers by priority], in ALB's order. */
const TABLE: [string, TlsVersion, TlsVersion, string[]][] = [
  ['ELBSecurityPolicy-2016-08', 'TLSv1', 'TLSv1.2', POLICY_2016],
  ['ELBSecurityPolicy-TLS13-1-2-2021-06', 'TLSv1.2', 'TLSv1.3', [...TLS13, ...ECDHE_SHA2]],
  ['ELBSecurityPolicy-TLS13-1-2-Res-2021-06', 'TLSv1.2', 'TLSv1.3', [...TLS13, ...ECDHE_GCM]],
  ['ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06', 'TLSv1.2', 'TLSv1.3', [...TLS13, ...ECDHE_SHA2, ...RSA_SHA2]],
  ['ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06', 'TLSv1.2', 'TLSv1.3', [...TLS13, ...EXT2]],
  ['ELBSecurityPolicy-TLS13-1-1-2021-06', 'TLSv1.1', 'TLSv1.3', [...TLS13, ...POLICY_2016]],
  ['ELBSecurityPolicy-TLS13-1-0-2021-06', 'TLSv1', 'TLSv1.3', [...TLS13, ...POLICY_2016]],
  ['ELBSecurityPolicy-TLS13-1-3-2021-06', 'TLSv1.3', 'TLSv1.3', TLS13],
  ['ELBSecurityPolicy-TLS-1-2-2017-01', 'TLSv1.2', 'TLSv1.2', [...ECDHE_SHA2, ...RSA_SHA2]],
  ['ELBSecurityPolicy-TLS-1-1-2017-01', 'TLSv1.1', 'TLSv1.2', POLICY_2016],
  ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 'TLSv1.2', 'TLSv1.2', POLICY_2016],
  ['ELBSecurityPolicy-FS-2018-06', 'TLSv1', 'TLSv1.2', ECDHE_ALL],
  ['ELBSecurityPolicy-2015-05', 'TLSv1', 'TLSv1.2', POLICY_2016],
  ['ELBSecurityPolicy-TLS-1-0-2015-04', 'TLSv1', 'TLSv1.2', [...POLICY_2016, 'DES-CBC3-SHA']],
  ['ELBSecurityPolicy-FS-1-2-Res-2019-08', 'TLSv1.2', 'TLSv1.2', ECDHE_SHA2],
  ['ELBSecurityPolicy-FS-1-1-2019-08', 'TLSv1.1', 'TLSv1.2', ECDHE_ALL],
  ['ELBSecurityPolicy-FS-1-2-2019-08', 'TLSv1.2', 'TLSv1.2', ECDHE_ALL],
  ['ELBSecurityPolicy-FS-1-2-Res-2020-10', 'TLSv1.2', 'TLSv1.2', ECDHE_GCM],
];

export interface PolicyInfo {
  name: string;
  minVersion: TlsVersion;
  maxVersion: TlsVersion;
  /** TLS 1.2 and older ciphers, by priority (OpenSSL names). */
  ciphers: string[];
  /** TLS 1.3 suites, by priority. */
  suites: string[];
  /** As DescribeSSLPolicies shows it. */
  shape: SslPolicy & Required<Pick<SslPolicy, 'SupportedLoadBalancerTypes'>>;
}

export const SSL_POLICIES: PolicyInfo[] = TABLE.map(([name, minVersion, maxVersion, list]) => ({
  name,
  minVersion,
  maxVersion,
  ciphers: list.filter((c) => !c.startsWith('TLS_')),
  suites: list.filter((c) => c.startsWith('TLS_')),
  shape: {
    Name: name,
    SslProtocols: VERSIONS.slice(VERSIONS.indexOf(minVersion), VERSIONS.indexOf(maxVersion) + 1),
    Ciphers: list.map((Name, i) => ({ Name, Priority: i + 1 })),
    SupportedLoadBalancerTypes: ['application', 'network'],
  },
}));

const BY_NAME = new Map(SSL_POLICIES.map((p) => [p.name, p]));

export function sslPolicy(name: string): PolicyInfo | undefined {
  return BY_NAME.get(name);
}

function tabled(name: string): PolicyInfo {
  const policy = BY_NAME.get(name);
  if (!policy) throw new Error(`the SSL policy table has no ${name}`);
  return policy;
}

const DEFAULT_POLICY = tabled(DEFAULT_SSL_POLICY);

/** The policy a listener is served with: the one it names, or the default for a name not (or no longer) in the table. */
export function servedPolicy(name: string | undefined): PolicyInfo {
  return BY_NAME.get(name ?? DEFAULT_SSL_POLICY) ?? DEFAULT_POLICY;
}
