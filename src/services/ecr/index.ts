/**
 * @module services/ecr
 * The ECR room: an OCI distribution registry under /v2/ on the edge, the ECR API, and the loops
 * that apply lifecycle policies and collect unreferenced blobs.
 */
import { join } from 'node:path';
import { loadModel } from '../../protocol/model.ts';
import type { AppContext, Room } from '../types.ts';
import { ecrHandlers } from './api.ts';
import { BlobStore } from './blobs.ts';
import type { EcrContext } from './context.ts';
import { housekeeping } from './housekeeping.ts';
import { EcrModel } from './model.ts';
import { registryRoutes } from './registry.ts';

export { engineImageName, registryCredentialsFor } from './auth.ts';

export function register(app: AppContext): Room {
  const ecr: EcrContext = {
    ...app,
    model: new EcrModel(app.store),
    blobs: new BlobStore(join(app.config.dataDir, 'registry')),
    lifecycleRuns: new Map(),
  };
  const keeper = housekeeping(ecr);
  return {
    name: 'ecr',
    api: {
      model: loadModel('ecr'),
      handlers: ecrHandlers(ecr),
      validation: { constraint: 'InvalidParameterException', type: 'SerializationException' },
    },
    routes: registryRoutes(ecr),
    start() {
      keeper.start();
    },
    stop() {
      return keeper.stop();
    },
  };
}
