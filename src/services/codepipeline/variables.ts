/**
 * @module services/codepipeline/variables
 * Variables in action configurations, resolved just before the action runs: `#{variables.name}`
 * (the execution's pipeline-level values), `#{codepipeline.PipelineExecutionId}`, and
 * `#{Namespace.Key}` (output variables of actions that have already succeeded in this execution).
 * A reference that names nothing fails the action, naming the reference.
 */
import type { ExecutionRecord } from './model.ts';
import type { PipelineVariable, PipelineVariableDeclaration } from './shapes.ts';

const REFERENCE = /#\{([A-Za-z0-9@_-]+)\.([A-Za-z0-9@_.-]+)\}/g;

export class UnresolvedVariable extends Error {
  constructor(readonly reference: string) {
    super(
      `Unable to resolve the variable ${reference}: no earlier action of this execution produced it and no pipeline variable has that name`,
    );
    this.name = 'UnresolvedVariable';
  }
}

/** The value each namespace.key has in this execution now. */
function lookup(e: ExecutionRecord, namespace: string, key: string): string | undefined {
  if (namespace === 'variables') return e.variables.find((v) => v.name === key)?.resolvedValue;
  if (namespace === 'codepipeline') return key === 'PipelineExecutionId' ? e.id : undefined;
  return e.namespaces[namespace]?.[key];
}

export function resolveConfiguration(e: ExecutionRecord, configuration: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(configuration)) {
    out[key] = value.replace(REFERENCE, (whole, namespace: string, name: string) => {
      const resolved = lookup(e, namespace, name);
      if (resolved === undefined) throw new UnresolvedVariable(whole);
      return resolved;
    });
  }
  return out;
}

/**
 * The pipeline-level values an execution starts with: each declared variable's given value, else its
 * default. Returns the problem's message (for ValidationException) when a value is missing or unknown.
 */
export function startVariables(
  declared: PipelineVariableDeclaration[] | undefined,
  given: PipelineVariable[] | undefined,
): { name: string; resolvedValue: string }[] | string {
  const names = new Set((declared ?? []).map((d) => d.name));
  for (const g of given ?? []) {
    if (!names.has(g.name)) return `Variable '${g.name}' is not declared in the pipeline`;
  }
  const out: { name: string; resolvedValue: string }[] = [];
  for (const d of declared ?? []) {
    const value = given?.find((g) => g.name === d.name)?.value ?? d.defaultValue;
    if (value === undefined) return `Variable '${d.name}' has no default value and was not given one`;
    out.push({ name: d.name, resolvedValue: value });
  }
  return out;
}
