#!/usr/bin/env node
// Runs Slipway from its sources compiled to JavaScript, compiled again first whenever a source
// changed (build.js), so there is no build step to forget.
import { compiled } from './build.js';

process.setSourceMapsEnabled(true);
await import(await compiled('cli/main.ts'));
