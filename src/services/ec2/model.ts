/**
 * @module services/ec2/model
 * EC2's VPC records and the only code that touches the room's table. Every kind of resource is one
 * JSON document in one table, since tags, Describe filters and DeleteVpc's dependency check treat
 * them alike.
 *
 * Tables:
 *   ec2_resources  pk id (vpc-…, subnet-…, sg-…, igw-…, rtb-…, key-…)  scope, kind, vpc  (document: Ec2Record)
 *
 * `scope` is "<region>:<account>"; `vpc` is the VPC a resource lives in ('' for gateways and key
 * pairs). Each region starts with a default network (defaults.ts). It is computed, not stored,
 * until the first write in the region stores it, so that reading never writes; a slipway_meta key
 * `ec2.network.<scope>` marks a region whose records are stored.
 */
import type { Store } from '../../store/index.ts';
import type { KeyType, Tag } from './shapes.ts';

interface Common {
  id: string;
  scope: string;
  tags: Tag[];
}

export interface VpcRecord extends Common {
  kind: 'vpc';
  cidr: string;
  isDefault: boolean;
  cidrAssociationId: string;
  dhcpOptionsId: string;
}

export interface SubnetRecord extends Common {
  kind: 'subnet';
  vpcId: string;
  cidr: string;
  zone: string;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
}

/** One rule as DescribeSecurityGroupRules shows it: one source (a CIDR or a group) per rule. */
export interface RuleRecord {
  id: string;
  egress: boolean;
  protocol: string;
  fromPort?: number;
  toPort?: number;
  cidr?: string;
  groupId?: string;
  description?: string;
}

export interface GroupRecord extends Common {
  kind: 'sg';
  vpcId: string;
  name: string;
  description: string;
  rules: RuleRecord[];
}

export interface GatewayRecord extends Common {
  kind: 'igw';
  vpcId?: string;
}

export interface RouteRecord {
  destination: string;
  /** `local`, or the internet gateway the route sends to. */
  gatewayId: string;
  origin: 'CreateRouteTable' | 'CreateRoute';
}

export interface AssociationRecord {
  id: string;
  subnetId?: string;
  main: boolean;
}

export interface RouteTableRecord extends Common {
  kind: 'rtb';
  vpcId: string;
  routes: RouteRecord[];
  associations: AssociationRecord[];
}

export interface KeyRecord extends Common {
  kind: 'key';
  name: string;
  keyType: KeyType;
  fingerprint: string;
  publicKey: string;
  createTime: number;
}

export type Ec2Record = VpcRecord | SubnetRecord | GroupRecord | GatewayRecord | RouteTableRecord | KeyRecord;
export type Kind = Ec2Record['kind'];
export type RecordOf<K extends Kind> = Extract<Ec2Record, { kind: K }>;

const STORED = (scope: string) => `ec2.network.${scope}`;

export class Ec2Model {
  private readonly resources;

  constructor(
    readonly store: Store,
    /** The default network of a region, as it stands before any write. */
    private readonly defaults: (scope: string) => Ec2Record[],
  ) {
    this.resources = store.docTable<Ec2Record, 'scope' | 'kind' | 'vpc'>('ec2_resources', { scope: 'TEXT', kind: 'TEXT', vpc: 'TEXT' });
  }

  /** Every record of `kind` in the region, in id order. */
  all<K extends Kind>(scope: string, kind: K): RecordOf<K>[] {
    if (this.store.meta(STORED(scope)) === undefined) {
      return this.defaults(scope)
        .filter((r): r is RecordOf<K> => r.kind === kind)
        .sort((a, b) => a.id.localeCompare(b.id));
    }
    return this.resources.find({ scope, kind }) as RecordOf<K>[];
  }

  get<K extends Kind>(scope: string, kind: K, id: string): RecordOf<K> | undefined {
    return this.all(scope, kind).find((r) => r.id === id);
  }

  /** Everything that lives in the VPC (subnets, groups, route tables). */
  inVpc(scope: string, vpcId: string): Ec2Record[] {
    return (['subnet', 'sg', 'rtb'] as const).flatMap((kind) => this.all(scope, kind).filter((r) => r.vpcId === vpcId));
  }

  /** Runs `fn`'s writes in one transaction, storing the region's default network first if it is not yet stored. */
  write<T>(scope: string, fn: () => T): T {
    return this.store.tx(() => {
      if (this.store.meta(STORED(scope)) === undefined) {
        for (const record of this.defaults(scope)) this.put(record);
        this.store.setMeta(STORED(scope), '1');
      }
      return fn();
    });
  }

  /** Stores a record (inside `write`). */
  put(record: Ec2Record): void {
    const vpc = 'vpcId' in record ? (record.vpcId ?? '') : '';
    this.resources.put(record.id, record, { scope: record.scope, kind: record.kind, vpc });
  }

  /** Removes a record (inside `write`). */
  delete(id: string): void {
    this.resources.delete(id);
  }

  count(): number {
    return this.resources.count();
  }
}
