/**
 * @module services/ec2
 * The EC2 room: the VPC surface (VPCs, subnets, security groups, internet gateways, route tables,
 * key pairs, tags) in EC2's own Query dialect, as a record. Each region starts with a default VPC.
 */
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, Room } from '../types.ts';
import { ec2Handlers } from './api.ts';
import { ec2ResourceFacts } from './authorization.ts';
import type { Ec2Context } from './context.ts';
import { defaultNetwork } from './defaults.ts';
import { Ec2Model } from './model.ts';

export function register(app: AppContext): Room {
  const ec2: Ec2Context = { ...app, model: new Ec2Model(app.store, defaultNetwork) };
  return {
    name: 'ec2',
    api: {
      model: loadModel('ec2'),
      handlers: ec2Handlers(ec2),
      validation: { constraint: 'InvalidParameterValue', type: 'InvalidParameterValue' },
    },
    authorization: (arn) => ec2ResourceFacts(ec2, arn),
    status() {
      return { resources: ec2.model.count() };
    },
  };
}
