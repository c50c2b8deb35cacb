/**
 * @module services/codedeploy/api-configs
 * Deployment configurations: CodeDeploy's predefined ECS ones (read-only) and CreateDeploymentConfig,
 * GetDeploymentConfig, ListDeploymentConfigs, DeleteDeploymentConfig. An ECS config routes traffic
 * (AllAtOnce, TimeBasedCanary, TimeBasedLinear) and has no minimum healthy hosts.
 */
import { codedeployArn, stableUuid, uuid, type Scope } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import { checkName, page } from './api-common.ts';
import type { CodeDeployContext } from './context.ts';
import { codedeployError } from './errors.ts';
import type { ConfigRecord } from './model.ts';
import { checkTrafficRouting, PREDEFINED_CREATE_TIME, PREDEFINED_ECS_CONFIGS } from './routing.ts';
import type { CodedeployOperations, DeploymentConfigInfo } from './shapes.ts';

function predefined(scope: Scope, name: string): ConfigRecord | undefined {
  const trafficRoutingConfig = PREDEFINED_ECS_CONFIGS[name];
  if (!trafficRoutingConfig) return undefined;
  const arn = codedeployArn.deploymentConfig(scope, name);
  return { arn, id: stableUuid(name), name, createTime: PREDEFINED_CREATE_TIME, computePlatform: 'ECS', trafficRoutingConfig, tags: [] };
}

/** A configuration by name (predefined or the caller's), or undefined. */
export function findConfig(cd: CodeDeployContext, scope: Scope, name: string): ConfigRecord | undefined {
  return predefined(scope, name) ?? cd.model.config(scopeKey(scope), name);
}

export function requireConfig(cd: CodeDeployContext, scope: Scope, name: string): ConfigRecord {
  checkName(name, codedeployError.invalidConfigName);
  const config = findConfig(cd, scope, name);
  if (!config) throw codedeployError.configNotFound(name);
  return config;
}

function configView(c: ConfigRecord): DeploymentConfigInfo {
  return {
    deploymentConfigId: c.id,
    deploymentConfigName: c.name,
    createTime: c.createTime,
    computePlatform: c.computePlatform,
    trafficRoutingConfig: c.trafficRoutingConfig,
    minimumHealthyHosts: c.minimumHealthyHosts,
  };
}

export function configHandlers(cd: CodeDeployContext): Handlers<CodedeployOperations> {
  const m = cd.model;
  return {
    CreateDeploymentConfig(input, ctx) {
      const scope = scopeOf(ctx);
      const name = checkName(input.deploymentConfigName, codedeployError.invalidConfigName);
      const computePlatform = input.computePlatform ?? 'Server';
      if (computePlatform !== 'ECS')
        throw codedeployError.invalidComputePlatform(`Slipway deploys to ECS only: computePlatform must be ECS (got ${computePlatform})`);
      if (input.minimumHealthyHosts)
        throw codedeployError.invalidMinimumHealthyHosts('minimumHealthyHosts cannot be set for the ECS compute platform');
      if (input.zonalConfig) throw codedeployError.invalidTrafficRouting('zonalConfig cannot be set for the ECS compute platform');
      const config: ConfigRecord = {
        arn: codedeployArn.deploymentConfig(scope, name),
        id: uuid(),
        name,
        createTime: cd.clock.now(),
        computePlatform,
        trafficRoutingConfig: checkTrafficRouting(input.trafficRoutingConfig),
        tags: [],
      };
      m.tx(() => {
        if (findConfig(cd, scope, name)) throw codedeployError.configExists(name);
        m.putConfig(config, scopeKey(scope));
      });
      return { deploymentConfigId: config.id };
    },

    GetDeploymentConfig: (input, ctx) => ({
      deploymentConfigInfo: configView(requireConfig(cd, scopeOf(ctx), input.deploymentConfigName)),
    }),

    ListDeploymentConfigs(input, ctx) {
      const own = m.configs.find({ scope: scopeKey(scopeOf(ctx)) }).map((c) => c.name);
      const names = [...Object.keys(PREDEFINED_ECS_CONFIGS), ...own].sort();
      const p = page(names, 'deployment-configs', input.nextToken);
      return { deploymentConfigsList: p.items, nextToken: p.next };
    },

    DeleteDeploymentConfig(input, ctx) {
      const scope = scopeOf(ctx);
      const name = checkName(input.deploymentConfigName, codedeployError.invalidConfigName);
      if (PREDEFINED_ECS_CONFIGS[name]) throw codedeployError.predefinedConfig(name);
      m.tx(() => {
        const config = m.config(scopeKey(scope), name);
        if (!config) return;
        const usedByGroup = m.groups.find({ scope: scopeKey(scope) }).some((g) => g.deploymentConfigName === name);
        const usedByDeployment = m.active().some((d) => scopeKey(d.scope) === scopeKey(scope) && d.configName === name);
        if (usedByGroup || usedByDeployment) throw codedeployError.configInUse(name);
        m.configs.delete(config.arn);
      });
      return {};
    },
  };
}
