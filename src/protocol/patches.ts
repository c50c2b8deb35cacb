/**
 * @module protocol/patches
 * Deliberate deviations from the vendored models, applied once at load time. The model files are
 * never edited. Each patch says why it exists.
 */
import type { ServiceModel } from './model.ts';

export const patches: Record<string, (model: ServiceModel) => void> = {};
