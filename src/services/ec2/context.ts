/**
 * @module services/ec2/context
 * What every part of the EC2 room shares: the app's parts and the room's model.
 */
import type { AppContext } from '../types.ts';
import type { Ec2Model } from './model.ts';

export interface Ec2Context extends AppContext {
  model: Ec2Model;
}
