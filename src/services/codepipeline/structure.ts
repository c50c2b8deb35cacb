/**
 * @module services/codepipeline/structure
 * AWS's rules for a pipeline declaration, checked before anything is written: at least two stages;
 * source actions in the first stage and only there; unique stage, action, artifact and namespace
 * names; every input artifact made earlier; action types Slipway runs, with their required
 * configuration and artifact counts; one artifact store per region an action runs in; and the
 * V2-only features (QUEUED and PARALLEL, variables, triggers, stage onFailure and conditions)
 * refused on V1; stage conditions with AWS's results and rules. Returns the declaration with its defaults filled in.
 */
import type { Scope } from '../../core/ids.ts';
import { type ActionRegistry, describeActionType } from './actions/index.ts';
import { checkConditions } from './conditions.ts';
import { codepipelineError as err } from './errors.ts';
import type { ActionDeclaration, GitPullRequestFilter, GitPushFilter, PipelineDeclaration } from './shapes.ts';

const CONNECTION_SOURCE = 'CodeStarSourceConnection';

const describeType = (a: ActionDeclaration) => describeActionType(a.actionTypeId);

function unique(names: string[], what: (name: string) => string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw err.invalidStructure(what(name));
    seen.add(name);
  }
}

function checkAction(a: ActionDeclaration, stageIndex: number, actions: ActionRegistry, scope: Scope): void {
  const executor = actions.find(a.actionTypeId, scope);
  if (!executor) throw err.invalidAction(`${describeType(a)} in action '${a.name}' is not available in region '${scope.region}'`);
  const isSource = a.actionTypeId.category === 'Source';
  if (stageIndex === 0 && !isSource) {
    throw err.invalidStructure(
      `Action '${a.name}' in the first stage is not a source action: the first stage may hold only source actions`,
    );
  }
  if (stageIndex > 0 && isSource) {
    throw err.invalidStructure(`Source action '${a.name}' is not in the first stage: source actions may be only in the first stage`);
  }
  const configuration = a.configuration ?? {};
  const known = new Set(executor.properties.map((p) => p.name));
  for (const key of Object.keys(configuration)) {
    if (!known.has(key)) throw err.invalidAction(`Action configuration for action '${a.name}' contains unknown configuration '${key}'`);
  }
  for (const p of executor.properties) {
    if (p.required && !configuration[p.name]) {
      throw err.invalidAction(`Action configuration for action '${a.name}' is missing required configuration '${p.name}'`);
    }
  }
  const counts = executor.artifacts;
  const inputs = a.inputArtifacts?.length ?? 0;
  const outputs = a.outputArtifacts?.length ?? 0;
  if (inputs < counts.input.min || inputs > counts.input.max) {
    throw err.invalidAction(
      `Action '${a.name}' has ${inputs} input artifacts; ${describeType(a)} takes ${counts.input.min} to ${counts.input.max}`,
    );
  }
  if (outputs < counts.output.min || outputs > counts.output.max) {
    throw err.invalidAction(
      `Action '${a.name}' has ${outputs} output artifacts; ${describeType(a)} takes ${counts.output.min} to ${counts.output.max}`,
    );
  }
  const problem = executor.check?.(configuration, scope);
  if (problem) throw err.invalidAction(`Action '${a.name}': ${problem}`);
}

/** Which parts a trigger filter holds must be one of AWS's combinations. */
function validFilter(f: GitPushFilter | GitPullRequestFilter, kind: 'push' | 'pullRequest'): boolean {
  const parts = (c?: { includes?: string[]; excludes?: string[] }) => c !== undefined && !!(c.includes?.length || c.excludes?.length);
  if (kind === 'push') {
    const p = f as GitPushFilter;
    if (parts(p.tags)) return !p.branches && !p.filePaths;
    return parts(p.branches);
  }
  return parts(f.branches);
}

function checkTriggers(d: PipelineDeclaration): void {
  const sources = new Map(d.stages[0].actions.map((a) => [a.name, a]));
  const named = new Set<string>();
  for (const t of d.triggers ?? []) {
    const name = t.gitConfiguration.sourceActionName;
    const source = sources.get(name);
    if (!source) throw err.invalidStructure(`The trigger names source action '${name}', which is not a source action of this pipeline`);
    if (source.actionTypeId.provider !== CONNECTION_SOURCE) {
      throw err.invalidStructure(
        `Triggers can only be used with ${CONNECTION_SOURCE} source actions; '${name}' is ${source.actionTypeId.provider}`,
      );
    }
    if (named.has(name)) throw err.invalidStructure(`More than one trigger names source action '${name}'`);
    named.add(name);
    const { push, pullRequest } = t.gitConfiguration;
    if (!push?.length && !pullRequest?.length) {
      throw err.invalidStructure(`The trigger for source action '${name}' has neither push nor pullRequest filters`);
    }
    const ok = (push ?? []).every((f) => validFilter(f, 'push')) && (pullRequest ?? []).every((f) => validFilter(f, 'pullRequest'));
    if (!ok) {
      throw err.invalidStructure(
        `The trigger configuration for the source action '${name}' is not valid. Make sure to choose valid filter combinations.`,
      );
    }
  }
}

/**
 * Stage-level features: V2 only. Slipway runs onFailure FAIL (what a stage does anyway), RETRY (one
 * automatic retry) and ROLLBACK; conditions are checked in conditions.ts.
 */
function checkStageFeatures(d: PipelineDeclaration, type: string): void {
  for (const stage of d.stages) {
    const features = [stage.onFailure && 'onFailure', stage.onSuccess && 'onSuccess', stage.beforeEntry && 'beforeEntry'].filter(Boolean);
    if (features.length === 0) continue;
    if (type !== 'V2') throw err.invalidStructure(`Stage '${stage.name}': ${features.join(', ')} can only be used with V2 pipelines`);
    const result = stage.onFailure?.result;
    if (result === 'ROLLBACK' && stage === d.stages[0]) {
      throw err.invalidStructure(`Stage '${stage.name}': onFailure result ROLLBACK cannot be used on the source stage`);
    }
    if (result === 'SKIP')
      throw err.invalidStructure(`Stage '${stage.name}': onFailure result SKIP is not valid: use FAIL, RETRY or ROLLBACK`);
    if (stage.onFailure?.retryConfiguration && result !== 'RETRY') {
      throw err.invalidStructure(`Stage '${stage.name}': onFailure retryConfiguration can only be used with result RETRY`);
    }
    if (stage.onFailure && !result && !stage.onFailure.conditions)
      throw err.invalidStructure(`Stage '${stage.name}': onFailure must have a result`);
  }
}

/**
 * An action in another region needs an artifact store there (artifactStores); source, third-party
 * and custom actions run only in the pipeline's region.
 */
function checkRegions(d: PipelineDeclaration, scope: Scope): void {
  for (const region of Object.keys(d.artifactStores ?? {})) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw err.invalidStructure(`artifactStores key '${region}' is not a valid region name`);
  }
  for (const stage of d.stages) {
    for (const a of stage.actions) {
      if (!a.region || a.region === scope.region) continue;
      if (a.actionTypeId.category === 'Source' || a.actionTypeId.owner !== 'AWS') {
        throw err.invalidStructure(
          `Action '${a.name}' cannot run in region '${a.region}': source, third-party and custom actions run only in the pipeline's region '${scope.region}'`,
        );
      }
      if (!d.artifactStores?.[a.region]) {
        throw err.invalidStructure(
          `Action '${a.name}' runs in region '${a.region}', which has no artifact store: declare artifactStores with one for '${scope.region}' and one for '${a.region}'`,
        );
      }
    }
  }
}

function checkV2Features(d: PipelineDeclaration, type: string): void {
  if (type === 'V2') return;
  if (d.executionMode && d.executionMode !== 'SUPERSEDED') {
    throw err.invalidStructure(`Execution mode ${d.executionMode} can only be used with V2 pipelines`);
  }
  if (d.triggers?.length) {
    const tags = d.triggers.some((t) => t.gitConfiguration.push?.some((p) => p.tags));
    throw err.invalidStructure(tags ? 'Triggers on tag can only be used with V2 pipelines' : 'Triggers can only be used with V2 pipelines');
  }
  if (d.variables?.length) throw err.invalidStructure('Pipeline-level variables can only be used with V2 pipelines');
}

/** Checks `d` and returns it with pipelineType, executionMode and each action's runOrder filled in. */
export function checkDeclaration(d: PipelineDeclaration, actions: ActionRegistry, scope: Scope): PipelineDeclaration {
  if (!d.artifactStore === !d.artifactStores) {
    throw err.invalidStructure('A pipeline must have either artifactStore or artifactStores, and not both');
  }
  if (d.artifactStores) {
    const regions = Object.keys(d.artifactStores);
    if (!regions.includes(scope.region)) {
      throw err.invalidStructure(`artifactStores must include an artifact store for the pipeline's region '${scope.region}'`);
    }
  }
  const type = d.pipelineType ?? 'V1';
  checkV2Features(d, type);
  checkStageFeatures(d, type);
  checkConditions(d, scope);
  checkRegions(d, scope);
  if (d.stages.length < 2) throw err.invalidStructure('A pipeline must contain at least two stages');
  unique(
    d.stages.map((s) => s.name),
    (n) => `Stage name '${n}' is used more than once: stage names must be unique`,
  );
  unique(d.variables?.map((v) => v.name) ?? [], (n) => `Variable '${n}' is declared more than once`);
  const outputs = new Set<string>();
  const namespaces = new Set<string>();
  d.stages.forEach((stage, index) => {
    if (stage.actions.length === 0) throw err.invalidStage(`Stage '${stage.name}' must contain at least one action`);
    unique(
      stage.actions.map((a) => a.name),
      (n) => `Action name '${n}' is used more than once in stage '${stage.name}'`,
    );
    const orders = [...new Set(stage.actions.map((a) => a.runOrder ?? 1))].sort((a, b) => a - b);
    for (const order of orders) {
      const group = stage.actions.filter((a) => (a.runOrder ?? 1) === order);
      // Inputs come from earlier stages or lower run orders; a group's own outputs are not yet made.
      for (const a of group) {
        checkAction(a, index, actions, scope);
        for (const input of a.inputArtifacts ?? []) {
          if (!outputs.has(input.name)) {
            throw err.invalidStructure(
              `Input artifact '${input.name}' of action '${a.name}' in stage '${stage.name}' is not the output artifact of an earlier action`,
            );
          }
        }
        if (a.namespace) {
          if (namespaces.has(a.namespace)) throw err.invalidStructure(`Namespace '${a.namespace}' is used by more than one action`);
          namespaces.add(a.namespace);
        }
      }
      for (const a of group) {
        for (const output of a.outputArtifacts ?? []) {
          if (outputs.has(output.name)) {
            throw err.invalidStructure(
              `Output artifact name '${output.name}' is used by more than one action: artifact names must be unique`,
            );
          }
          outputs.add(output.name);
        }
      }
    }
  });
  checkTriggers(d);
  return {
    ...d,
    pipelineType: type,
    executionMode: d.executionMode ?? 'SUPERSEDED',
    stages: d.stages.map((s) => ({ ...s, actions: s.actions.map((a) => ({ ...a, runOrder: a.runOrder ?? 1 })) })),
  };
}

/** The artifact store bucket of `region` (the pipeline's own, or a cross-region action's). */
export function artifactBucket(d: PipelineDeclaration, region: string): string {
  return d.artifactStore?.location ?? d.artifactStores?.[region]?.location ?? '';
}
