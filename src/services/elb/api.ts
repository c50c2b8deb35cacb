/**
 * @module services/elb/api
 * The ELBv2 handler table, keyed by the model's operation names. Operations not listed answer 501
 * naming themselves (dispatch.ts).
 */
import type { Handler } from '../../protocol/types.ts';
import { certificateHandlers } from './api-certificates.ts';
import { listenerHandlers } from './api-listeners.ts';
import { loadBalancerHandlers } from './api-load-balancers.ts';
import { ruleHandlers } from './api-rules.ts';
import { targetGroupHandlers } from './api-target-groups.ts';
import { targetHandlers } from './api-targets.ts';
import type { ElbContext } from './context.ts';
import { tagHandlers } from './tags.ts';

export function elbHandlers(elb: ElbContext): Record<string, Handler<any, any>> {
  return {
    ...loadBalancerHandlers(elb),
    ...targetGroupHandlers(elb),
    ...targetHandlers(elb),
    ...listenerHandlers(elb),
    ...certificateHandlers(elb),
    ...ruleHandlers(elb),
    ...tagHandlers(elb),
  };
}
