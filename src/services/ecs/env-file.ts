/**
 * @module services/ecs/env-file
 * A container's environment sources as pure rules: how the ECS agent reads an environment file
 * (one VARIABLE=VALUE a line, split at the first '=', no quoting or escapes; a line starting with
 * '#', without '=', or with an empty name or value is skipped), where an environmentFiles value
 * points (an S3 object ARN), and what RegisterTaskDefinition refuses about them.
 */
import { s3Arn } from '../../core/ids.ts';
import { ecsError } from './errors.ts';
import type { ContainerDefinition } from './shapes.ts';

/** ECS's quota of environment files per container. */
export const MAX_ENVIRONMENT_FILES = 10;

/** The variables of one file; a later line for the same name replaces an earlier one, as the agent's map does. */
export function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0 || eq === line.length - 1) continue;
    vars.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return vars;
}

/** "arn:aws:s3:::bucket/key" → its bucket and key; undefined for anything else. */
export const s3ObjectOf = s3Arn.objectOf;

/** RegisterTaskDefinition's rules for environmentFiles and secrets; throws ECS's ClientException. */
export function checkEnvironmentSources(c: ContainerDefinition): void {
  const files = c.environmentFiles ?? [];
  if (files.length > MAX_ENVIRONMENT_FILES) {
    throw ecsError.client(
      `Invalid setting for container '${c.name}'. environmentFiles can list at most ${MAX_ENVIRONMENT_FILES} files (got ${files.length}).`,
    );
  }
  for (const f of files) {
    if (!s3ObjectOf(f.value ?? '')) {
      throw ecsError.client(
        `Invalid setting for container '${c.name}'. environmentFiles value '${f.value ?? ''}' is not an S3 object ARN (arn:aws:s3:::<bucket>/<key>).`,
      );
    }
  }
  const plain = new Set((c.environment ?? []).map((kv) => kv.name));
  const shared = (c.secrets ?? []).find((s) => plain.has(s.name));
  if (shared) {
    throw ecsError.client(
      `The secret name must be unique and not shared with any new or existing environment variables set on the container, such as '${shared.name}'.`,
    );
  }
}
