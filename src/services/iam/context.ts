/**
 * @module services/iam/context
 * What every part of the IAM room shares: the app's parts and the room's model.
 */
import type { AppContext } from '../types.ts';
import type { IamModel } from './model.ts';

export interface IamContext extends AppContext {
  model: IamModel;
}
