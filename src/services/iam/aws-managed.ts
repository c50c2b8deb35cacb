/**
 * @module services/iam/aws-managed
 * AWS's own managed policies (aws-managed-policies.json), present in every account under
 * `arn:aws:iam::aws:policy/…` and never stored per account: they can be read and attached, not
 * changed or deleted.
 */
import { readFileSync } from 'node:fs';
import { iamArn, stableUuid } from '../../core/ids.ts';
import type { PolicyRecord } from './model.ts';

interface Entry {
  name: string;
  path: string;
  version: string;
  created: string;
  description: string;
  document: unknown;
}

const entries = JSON.parse(readFileSync(new URL('./aws-managed-policies.json', import.meta.url), 'utf8')) as Entry[];

const byArn = new Map<string, PolicyRecord>(
  entries.map((p) => {
    const arn = iamArn.policy('aws', p.path, p.name);
    const created = Date.parse(p.created);
    const record: PolicyRecord = {
      account: 'aws',
      arn,
      name: p.name,
      path: p.path,
      // A stable id in IAM's form: ANPA and 17 letters and digits drawn from the ARN.
      id: `ANPA${stableUuid(arn).replace(/-/g, '').toUpperCase().slice(0, 17)}`,
      description: p.description,
      created,
      updated: created,
      defaultVersion: p.version,
      versions: [{ id: p.version, document: JSON.stringify(p.document, null, 4), created }],
      nextVersion: Number(p.version.slice(1)) + 1,
      tags: [],
    };
    return [arn, record];
  }),
);

export function awsManagedPolicy(arn: string): PolicyRecord | undefined {
  return byArn.get(arn);
}

export function awsManagedPolicies(): PolicyRecord[] {
  return [...byArn.values()];
}
