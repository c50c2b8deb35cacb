// generated — do not edit; run npm run gen
// Source: models/elbv2.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export type ALPNPolicyNotSupportedException = Empty;

export interface Action {
  Type: ActionTypeEnum;
  TargetGroupArn?: string;
  AuthenticateOidcConfig?: AuthenticateOidcActionConfig;
  AuthenticateCognitoConfig?: AuthenticateCognitoActionConfig;
  Order?: number;
  RedirectConfig?: RedirectActionConfig;
  FixedResponseConfig?: FixedResponseActionConfig;
  ForwardConfig?: ForwardActionConfig;
  JwtValidationConfig?: JwtValidationActionConfig;
}

export type ActionTypeEnum = 'forward' | 'authenticate-oidc' | 'authenticate-cognito' | 'redirect' | 'fixed-response' | 'jwt-validation';

export interface AddListenerCertificatesInput {
  ListenerArn: string;
  Certificates: Certificate[];
}

export interface AddListenerCertificatesOutput {
  Certificates?: Certificate[];
}

export interface AddTagsInput {
  ResourceArns: string[];
  Tags: Tag[];
}

export type AddTagsOutput = Empty;

export interface AddTrustStoreRevocationsInput {
  TrustStoreArn: string;
  RevocationContents?: RevocationContent[];
}

export interface AddTrustStoreRevocationsOutput {
  TrustStoreRevocations?: TrustStoreRevocation[];
}

export interface AdministrativeOverride {
  State?: TargetAdministrativeOverrideStateEnum;
  Reason?: TargetAdministrativeOverrideReasonEnum;
  Description?: string;
}

export type AdvertiseTrustStoreCaNamesEnum = 'on' | 'off';

export type AllocationIdNotFoundException = Empty;

export interface AnomalyDetection {
  Result?: AnomalyResultEnum;
  MitigationInEffect?: MitigationInEffectEnum;
}

export type AnomalyResultEnum = 'anomalous' | 'normal';

export type AuthenticateCognitoActionConditionalBehaviorEnum = 'deny' | 'allow' | 'authenticate';

export interface AuthenticateCognitoActionConfig {
  UserPoolArn: string;
  UserPoolClientId: string;
  UserPoolDomain: string;
  SessionCookieName?: string;
  Scope?: string;
  SessionTimeout?: number;
  AuthenticationRequestExtraParams?: Record<string, string>;
  OnUnauthenticatedRequest?: AuthenticateCognitoActionConditionalBehaviorEnum;
}

export type AuthenticateOidcActionConditionalBehaviorEnum = 'deny' | 'allow' | 'authenticate';

export interface AuthenticateOidcActionConfig {
  Issuer: string;
  AuthorizationEndpoint: string;
  TokenEndpoint: string;
  UserInfoEndpoint: string;
  ClientId: string;
  ClientSecret?: string;
  SessionCookieName?: string;
  Scope?: string;
  SessionTimeout?: number;
  AuthenticationRequestExtraParams?: Record<string, string>;
  OnUnauthenticatedRequest?: AuthenticateOidcActionConditionalBehaviorEnum;
  UseExistingClientSecret?: boolean;
}

export interface AvailabilityZone {
  ZoneName?: string;
  SubnetId?: string;
  OutpostId?: string;
  LoadBalancerAddresses?: LoadBalancerAddress[];
  SourceNatIpv6Prefixes?: string[];
}

export type AvailabilityZoneNotSupportedException = Empty;

export type CaCertificatesBundleNotFoundException = Empty;

export type CapacityDecreaseRequestsLimitExceededException = Empty;

export type CapacityReservationPendingException = Empty;

export type CapacityReservationStateEnum = 'provisioned' | 'pending' | 'rebalancing' | 'failed';

export interface CapacityReservationStatus {
  Code?: CapacityReservationStateEnum;
  Reason?: string;
}

export type CapacityUnitsLimitExceededException = Empty;

export interface Certificate {
  CertificateArn?: string;
  IsDefault?: boolean;
}

export type CertificateNotFoundException = Empty;

export interface Cipher {
  Name?: string;
  Priority?: number;
}

export interface CreateListenerInput {
  LoadBalancerArn: string;
  Protocol?: ProtocolEnum;
  Port?: number;
  SslPolicy?: string;
  Certificates?: Certificate[];
  DefaultActions: Action[];
  AlpnPolicy?: string[];
  Tags?: Tag[];
  MutualAuthentication?: MutualAuthenticationAttributes;
}

export interface CreateListenerOutput {
  Listeners?: Listener[];
}

export interface CreateLoadBalancerInput {
  Name: string;
  Subnets?: string[];
  SubnetMappings?: SubnetMapping[];
  SecurityGroups?: string[];
  Scheme?: LoadBalancerSchemeEnum;
  Tags?: Tag[];
  Type?: LoadBalancerTypeEnum;
  IpAddressType?: IpAddressType;
  CustomerOwnedIpv4Pool?: string;
  EnablePrefixForIpv6SourceNat?: EnablePrefixForIpv6SourceNatEnum;
  IpamPools?: IpamPools;
}

export interface CreateLoadBalancerOutput {
  LoadBalancers?: LoadBalancer[];
}

export interface CreateRuleInput {
  ListenerArn: string;
  Conditions: RuleCondition[];
  Priority: number;
  Actions: Action[];
  Tags?: Tag[];
  Transforms?: RuleTransform[];
}

export interface CreateRuleOutput {
  Rules?: Rule[];
}

export interface CreateTargetGroupInput {
  Name: string;
  Protocol?: ProtocolEnum;
  ProtocolVersion?: string;
  Port?: number;
  VpcId?: string;
  HealthCheckProtocol?: ProtocolEnum;
  HealthCheckPort?: string;
  HealthCheckEnabled?: boolean;
  HealthCheckPath?: string;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Matcher?: Matcher;
  TargetType?: TargetTypeEnum;
  Tags?: Tag[];
  IpAddressType?: TargetGroupIpAddressTypeEnum;
  TargetControlPort?: number;
}

export interface CreateTargetGroupOutput {
  TargetGroups?: TargetGroup[];
}

export interface CreateTrustStoreInput {
  Name: string;
  CaCertificatesBundleS3Bucket: string;
  CaCertificatesBundleS3Key: string;
  CaCertificatesBundleS3ObjectVersion?: string;
  Tags?: Tag[];
}

export interface CreateTrustStoreOutput {
  TrustStores?: TrustStore[];
}

export type DeleteAssociationSameAccountException = Empty;

export interface DeleteListenerInput {
  ListenerArn: string;
}

export type DeleteListenerOutput = Empty;

export interface DeleteLoadBalancerInput {
  LoadBalancerArn: string;
}

export type DeleteLoadBalancerOutput = Empty;

export interface DeleteRuleInput {
  RuleArn: string;
}

export type DeleteRuleOutput = Empty;

export interface DeleteSharedTrustStoreAssociationInput {
  TrustStoreArn: string;
  ResourceArn: string;
}

export type DeleteSharedTrustStoreAssociationOutput = Empty;

export interface DeleteTargetGroupInput {
  TargetGroupArn: string;
}

export type DeleteTargetGroupOutput = Empty;

export interface DeleteTrustStoreInput {
  TrustStoreArn: string;
}

export type DeleteTrustStoreOutput = Empty;

export interface DeregisterTargetsInput {
  TargetGroupArn: string;
  Targets: TargetDescription[];
}

export type DeregisterTargetsOutput = Empty;

export interface DescribeAccountLimitsInput {
  Marker?: string;
  PageSize?: number;
}

export interface DescribeAccountLimitsOutput {
  Limits?: Limit[];
  NextMarker?: string;
}

export interface DescribeCapacityReservationInput {
  LoadBalancerArn: string;
}

export interface DescribeCapacityReservationOutput {
  LastModifiedTime?: number;
  DecreaseRequestsRemaining?: number;
  MinimumLoadBalancerCapacity?: MinimumLoadBalancerCapacity;
  CapacityReservationState?: ZonalCapacityReservationState[];
}

export interface DescribeListenerAttributesInput {
  ListenerArn: string;
}

export interface DescribeListenerAttributesOutput {
  Attributes?: ListenerAttribute[];
}

export interface DescribeListenerCertificatesInput {
  ListenerArn: string;
  Marker?: string;
  PageSize?: number;
}

export interface DescribeListenerCertificatesOutput {
  Certificates?: Certificate[];
  NextMarker?: string;
}

export interface DescribeListenersInput {
  LoadBalancerArn?: string;
  ListenerArns?: string[];
  Marker?: string;
  PageSize?: number;
}

export interface DescribeListenersOutput {
  Listeners?: Listener[];
  NextMarker?: string;
}

export interface DescribeLoadBalancerAttributesInput {
  LoadBalancerArn: string;
}

export interface DescribeLoadBalancerAttributesOutput {
  Attributes?: LoadBalancerAttribute[];
}

export interface DescribeLoadBalancersInput {
  LoadBalancerArns?: string[];
  Names?: string[];
  Marker?: string;
  PageSize?: number;
}

export interface DescribeLoadBalancersOutput {
  LoadBalancers?: LoadBalancer[];
  NextMarker?: string;
}

export interface DescribeRulesInput {
  ListenerArn?: string;
  RuleArns?: string[];
  Marker?: string;
  PageSize?: number;
}

export interface DescribeRulesOutput {
  Rules?: Rule[];
  NextMarker?: string;
}

export interface DescribeSSLPoliciesInput {
  Names?: string[];
  Marker?: string;
  PageSize?: number;
  LoadBalancerType?: LoadBalancerTypeEnum;
}

export interface DescribeSSLPoliciesOutput {
  SslPolicies?: SslPolicy[];
  NextMarker?: string;
}

export interface DescribeTagsInput {
  ResourceArns: string[];
}

export interface DescribeTagsOutput {
  TagDescriptions?: TagDescription[];
}

export interface DescribeTargetGroupAttributesInput {
  TargetGroupArn: string;
}

export interface DescribeTargetGroupAttributesOutput {
  Attributes?: TargetGroupAttribute[];
}

export interface DescribeTargetGroupsInput {
  LoadBalancerArn?: string;
  TargetGroupArns?: string[];
  Names?: string[];
  Marker?: string;
  PageSize?: number;
}

export interface DescribeTargetGroupsOutput {
  TargetGroups?: TargetGroup[];
  NextMarker?: string;
}

export interface DescribeTargetHealthInput {
  TargetGroupArn: string;
  Targets?: TargetDescription[];
  Include?: DescribeTargetHealthInputIncludeEnum[];
}

export type DescribeTargetHealthInputIncludeEnum = 'AnomalyDetection' | 'All';

export interface DescribeTargetHealthOutput {
  TargetHealthDescriptions?: TargetHealthDescription[];
}

export interface DescribeTrustStoreAssociationsInput {
  TrustStoreArn: string;
  Marker?: string;
  PageSize?: number;
}

export interface DescribeTrustStoreAssociationsOutput {
  TrustStoreAssociations?: TrustStoreAssociation[];
  NextMarker?: string;
}

export interface DescribeTrustStoreRevocation {
  TrustStoreArn?: string;
  RevocationId?: number;
  RevocationType?: RevocationType;
  NumberOfRevokedEntries?: number;
}

export interface DescribeTrustStoreRevocationsInput {
  TrustStoreArn: string;
  RevocationIds?: number[];
  Marker?: string;
  PageSize?: number;
}

export interface DescribeTrustStoreRevocationsOutput {
  TrustStoreRevocations?: DescribeTrustStoreRevocation[];
  NextMarker?: string;
}

export interface DescribeTrustStoresInput {
  TrustStoreArns?: string[];
  Names?: string[];
  Marker?: string;
  PageSize?: number;
}

export interface DescribeTrustStoresOutput {
  TrustStores?: TrustStore[];
  NextMarker?: string;
}

export type DuplicateListenerException = Empty;

export type DuplicateLoadBalancerNameException = Empty;

export type DuplicateTagKeysException = Empty;

export type DuplicateTargetGroupNameException = Empty;

export type DuplicateTrustStoreNameException = Empty;

export type EnablePrefixForIpv6SourceNatEnum = 'on' | 'off';

export type EnforceSecurityGroupInboundRulesOnPrivateLinkTrafficEnum = 'on' | 'off';

export interface FixedResponseActionConfig {
  MessageBody?: string;
  StatusCode: string;
  ContentType?: string;
}

export interface ForwardActionConfig {
  TargetGroups?: TargetGroupTuple[];
  TargetGroupStickinessConfig?: TargetGroupStickinessConfig;
}

export interface GetResourcePolicyInput {
  ResourceArn: string;
}

export interface GetResourcePolicyOutput {
  Policy?: string;
}

export interface GetTrustStoreCaCertificatesBundleInput {
  TrustStoreArn: string;
}

export interface GetTrustStoreCaCertificatesBundleOutput {
  Location?: string;
}

export interface GetTrustStoreRevocationContentInput {
  TrustStoreArn: string;
  RevocationId: number;
}

export interface GetTrustStoreRevocationContentOutput {
  Location?: string;
}

export type HealthUnavailableException = Empty;

export interface HostHeaderConditionConfig {
  Values?: string[];
  RegexValues?: string[];
}

export interface HostHeaderRewriteConfig {
  Rewrites?: RewriteConfig[];
}

export interface HttpHeaderConditionConfig {
  HttpHeaderName?: string;
  Values?: string[];
  RegexValues?: string[];
}

export interface HttpRequestMethodConditionConfig {
  Values?: string[];
}

export type IncompatibleProtocolsException = Empty;

export type InsufficientCapacityException = Empty;

export type InvalidCaCertificatesBundleException = Empty;

export type InvalidConfigurationRequestException = Empty;

export type InvalidLoadBalancerActionException = Empty;

export type InvalidRevocationContentException = Empty;

export type InvalidSchemeException = Empty;

export type InvalidSecurityGroupException = Empty;

export type InvalidSubnetException = Empty;

export type InvalidTargetException = Empty;

export type IpAddressType = 'ipv4' | 'dualstack' | 'dualstack-without-public-ipv4';

export interface IpamPools {
  Ipv4IpamPoolId?: string;
}

export interface JwtValidationActionAdditionalClaim {
  Format: JwtValidationActionAdditionalClaimFormatEnum;
  Name: string;
  Values: string[];
}

export type JwtValidationActionAdditionalClaimFormatEnum = 'single-string' | 'string-array' | 'space-separated-values';

export interface JwtValidationActionConfig {
  JwksEndpoint: string;
  Issuer: string;
  AdditionalClaims?: JwtValidationActionAdditionalClaim[];
}

export interface Limit {
  Name?: string;
  Max?: string;
}

export interface Listener {
  ListenerArn?: string;
  LoadBalancerArn?: string;
  Port?: number;
  Protocol?: ProtocolEnum;
  Certificates?: Certificate[];
  SslPolicy?: string;
  DefaultActions?: Action[];
  AlpnPolicy?: string[];
  MutualAuthentication?: MutualAuthenticationAttributes;
}

export interface ListenerAttribute {
  Key?: string;
  Value?: string;
}

export type ListenerNotFoundException = Empty;

export interface LoadBalancer {
  LoadBalancerArn?: string;
  DNSName?: string;
  CanonicalHostedZoneId?: string;
  CreatedTime?: number;
  LoadBalancerName?: string;
  Scheme?: LoadBalancerSchemeEnum;
  VpcId?: string;
  State?: LoadBalancerState;
  Type?: LoadBalancerTypeEnum;
  AvailabilityZones?: AvailabilityZone[];
  SecurityGroups?: string[];
  IpAddressType?: IpAddressType;
  CustomerOwnedIpv4Pool?: string;
  EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: string;
  EnablePrefixForIpv6SourceNat?: EnablePrefixForIpv6SourceNatEnum;
  IpamPools?: IpamPools;
}

export interface LoadBalancerAddress {
  IpAddress?: string;
  AllocationId?: string;
  PrivateIPv4Address?: string;
  IPv6Address?: string;
}

export interface LoadBalancerAttribute {
  Key?: string;
  Value?: string;
}

export type LoadBalancerNotFoundException = Empty;

export type LoadBalancerSchemeEnum = 'internet-facing' | 'internal';

export interface LoadBalancerState {
  Code?: LoadBalancerStateEnum;
  Reason?: string;
}

export type LoadBalancerStateEnum = 'active' | 'provisioning' | 'active_impaired' | 'failed';

export type LoadBalancerTypeEnum = 'application' | 'network' | 'gateway';

export interface Matcher {
  HttpCode?: string;
  GrpcCode?: string;
}

export interface MinimumLoadBalancerCapacity {
  CapacityUnits?: number;
}

export type MitigationInEffectEnum = 'yes' | 'no';

export interface ModifyCapacityReservationInput {
  LoadBalancerArn: string;
  MinimumLoadBalancerCapacity?: MinimumLoadBalancerCapacity;
  ResetCapacityReservation?: boolean;
}

export interface ModifyCapacityReservationOutput {
  LastModifiedTime?: number;
  DecreaseRequestsRemaining?: number;
  MinimumLoadBalancerCapacity?: MinimumLoadBalancerCapacity;
  CapacityReservationState?: ZonalCapacityReservationState[];
}

export interface ModifyIpPoolsInput {
  LoadBalancerArn: string;
  IpamPools?: IpamPools;
  RemoveIpamPools?: RemoveIpamPoolEnum[];
}

export interface ModifyIpPoolsOutput {
  IpamPools?: IpamPools;
}

export interface ModifyListenerAttributesInput {
  ListenerArn: string;
  Attributes: ListenerAttribute[];
}

export interface ModifyListenerAttributesOutput {
  Attributes?: ListenerAttribute[];
}

export interface ModifyListenerInput {
  ListenerArn: string;
  Port?: number;
  Protocol?: ProtocolEnum;
  SslPolicy?: string;
  Certificates?: Certificate[];
  DefaultActions?: Action[];
  AlpnPolicy?: string[];
  MutualAuthentication?: MutualAuthenticationAttributes;
}

export interface ModifyListenerOutput {
  Listeners?: Listener[];
}

export interface ModifyLoadBalancerAttributesInput {
  LoadBalancerArn: string;
  Attributes: LoadBalancerAttribute[];
}

export interface ModifyLoadBalancerAttributesOutput {
  Attributes?: LoadBalancerAttribute[];
}

export interface ModifyRuleInput {
  RuleArn: string;
  Conditions?: RuleCondition[];
  Actions?: Action[];
  Transforms?: RuleTransform[];
  ResetTransforms?: boolean;
}

export interface ModifyRuleOutput {
  Rules?: Rule[];
}

export interface ModifyTargetGroupAttributesInput {
  TargetGroupArn: string;
  Attributes: TargetGroupAttribute[];
}

export interface ModifyTargetGroupAttributesOutput {
  Attributes?: TargetGroupAttribute[];
}

export interface ModifyTargetGroupInput {
  TargetGroupArn: string;
  HealthCheckProtocol?: ProtocolEnum;
  HealthCheckPort?: string;
  HealthCheckPath?: string;
  HealthCheckEnabled?: boolean;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Matcher?: Matcher;
}

export interface ModifyTargetGroupOutput {
  TargetGroups?: TargetGroup[];
}

export interface ModifyTrustStoreInput {
  TrustStoreArn: string;
  CaCertificatesBundleS3Bucket: string;
  CaCertificatesBundleS3Key: string;
  CaCertificatesBundleS3ObjectVersion?: string;
}

export interface ModifyTrustStoreOutput {
  TrustStores?: TrustStore[];
}

export interface MutualAuthenticationAttributes {
  Mode?: string;
  TrustStoreArn?: string;
  IgnoreClientCertificateExpiry?: boolean;
  TrustStoreAssociationStatus?: TrustStoreAssociationStatusEnum;
  AdvertiseTrustStoreCaNames?: AdvertiseTrustStoreCaNamesEnum;
}

export type OperationNotPermittedException = Empty;

export interface PathPatternConditionConfig {
  Values?: string[];
  RegexValues?: string[];
}

export type PriorRequestNotCompleteException = Empty;

export type PriorityInUseException = Empty;

export type ProtocolEnum = 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP' | 'GENEVE' | 'QUIC' | 'TCP_QUIC';

export interface QueryStringConditionConfig {
  Values?: QueryStringKeyValuePair[];
}

export interface QueryStringKeyValuePair {
  Key?: string;
  Value?: string;
}

export interface RedirectActionConfig {
  Protocol?: string;
  Port?: string;
  Host?: string;
  Path?: string;
  Query?: string;
  StatusCode: RedirectActionStatusCodeEnum;
}

export type RedirectActionStatusCodeEnum = 'HTTP_301' | 'HTTP_302';

export interface RegisterTargetsInput {
  TargetGroupArn: string;
  Targets: TargetDescription[];
}

export type RegisterTargetsOutput = Empty;

export type RemoveIpamPoolEnum = 'ipv4';

export interface RemoveListenerCertificatesInput {
  ListenerArn: string;
  Certificates: Certificate[];
}

export type RemoveListenerCertificatesOutput = Empty;

export interface RemoveTagsInput {
  ResourceArns: string[];
  TagKeys: string[];
}

export type RemoveTagsOutput = Empty;

export interface RemoveTrustStoreRevocationsInput {
  TrustStoreArn: string;
  RevocationIds: number[];
}

export type RemoveTrustStoreRevocationsOutput = Empty;

export type ResourceInUseException = Empty;

export type ResourceNotFoundException = Empty;

export interface RevocationContent {
  S3Bucket?: string;
  S3Key?: string;
  S3ObjectVersion?: string;
  RevocationType?: RevocationType;
}

export type RevocationContentNotFoundException = Empty;

export type RevocationIdNotFoundException = Empty;

export type RevocationType = 'CRL';

export interface RewriteConfig {
  Regex: string;
  Replace: string;
}

export interface Rule {
  RuleArn?: string;
  Priority?: string;
  Conditions?: RuleCondition[];
  Actions?: Action[];
  IsDefault?: boolean;
  Transforms?: RuleTransform[];
}

export interface RuleCondition {
  Field?: string;
  Values?: string[];
  HostHeaderConfig?: HostHeaderConditionConfig;
  PathPatternConfig?: PathPatternConditionConfig;
  HttpHeaderConfig?: HttpHeaderConditionConfig;
  QueryStringConfig?: QueryStringConditionConfig;
  HttpRequestMethodConfig?: HttpRequestMethodConditionConfig;
  SourceIpConfig?: SourceIpConditionConfig;
  RegexValues?: string[];
}

export type RuleNotFoundException = Empty;

export interface RulePriorityPair {
  RuleArn?: string;
  Priority?: number;
}

export interface RuleTransform {
  Type: TransformTypeEnum;
  HostHeaderRewriteConfig?: HostHeaderRewriteConfig;
  UrlRewriteConfig?: UrlRewriteConfig;
}

export type SSLPolicyNotFoundException = Empty;

export interface SetIpAddressTypeInput {
  LoadBalancerArn: string;
  IpAddressType: IpAddressType;
}

export interface SetIpAddressTypeOutput {
  IpAddressType?: IpAddressType;
}

export interface SetRulePrioritiesInput {
  RulePriorities: RulePriorityPair[];
}

export interface SetRulePrioritiesOutput {
  Rules?: Rule[];
}

export interface SetSecurityGroupsInput {
  LoadBalancerArn: string;
  SecurityGroups: string[];
  EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: EnforceSecurityGroupInboundRulesOnPrivateLinkTrafficEnum;
}

export interface SetSecurityGroupsOutput {
  SecurityGroupIds?: string[];
  EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic?: EnforceSecurityGroupInboundRulesOnPrivateLinkTrafficEnum;
}

export interface SetSubnetsInput {
  LoadBalancerArn: string;
  Subnets?: string[];
  SubnetMappings?: SubnetMapping[];
  IpAddressType?: IpAddressType;
  EnablePrefixForIpv6SourceNat?: EnablePrefixForIpv6SourceNatEnum;
}

export interface SetSubnetsOutput {
  AvailabilityZones?: AvailabilityZone[];
  IpAddressType?: IpAddressType;
  EnablePrefixForIpv6SourceNat?: EnablePrefixForIpv6SourceNatEnum;
}

export interface SourceIpConditionConfig {
  Values?: string[];
}

export interface SslPolicy {
  SslProtocols?: string[];
  Ciphers?: Cipher[];
  Name?: string;
  SupportedLoadBalancerTypes?: string[];
}

export interface SubnetMapping {
  SubnetId?: string;
  AllocationId?: string;
  PrivateIPv4Address?: string;
  IPv6Address?: string;
  SourceNatIpv6Prefix?: string;
}

export type SubnetNotFoundException = Empty;

export interface Tag {
  Key: string;
  Value?: string;
}

export interface TagDescription {
  ResourceArn?: string;
  Tags?: Tag[];
}

export type TargetAdministrativeOverrideReasonEnum = 'AdministrativeOverride.Unknown' | 'AdministrativeOverride.NoOverride' | 'AdministrativeOverride.ZonalShiftActive' | 'AdministrativeOverride.ZonalShiftDelegatedToDns';

export type TargetAdministrativeOverrideStateEnum = 'unknown' | 'no_override' | 'zonal_shift_active' | 'zonal_shift_delegated_to_dns';

export interface TargetDescription {
  Id: string;
  Port?: number;
  AvailabilityZone?: string;
  QuicServerId?: string;
}

export interface TargetGroup {
  TargetGroupArn?: string;
  TargetGroupName?: string;
  Protocol?: ProtocolEnum;
  Port?: number;
  VpcId?: string;
  HealthCheckProtocol?: ProtocolEnum;
  HealthCheckPort?: string;
  HealthCheckEnabled?: boolean;
  HealthCheckIntervalSeconds?: number;
  HealthCheckTimeoutSeconds?: number;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  HealthCheckPath?: string;
  Matcher?: Matcher;
  LoadBalancerArns?: string[];
  TargetType?: TargetTypeEnum;
  ProtocolVersion?: string;
  IpAddressType?: TargetGroupIpAddressTypeEnum;
  TargetControlPort?: number;
}

export type TargetGroupAssociationLimitException = Empty;

export interface TargetGroupAttribute {
  Key?: string;
  Value?: string;
}

export type TargetGroupIpAddressTypeEnum = 'ipv4' | 'ipv6';

export type TargetGroupNotFoundException = Empty;

export interface TargetGroupStickinessConfig {
  Enabled?: boolean;
  DurationSeconds?: number;
}

export interface TargetGroupTuple {
  TargetGroupArn?: string;
  Weight?: number;
}

export interface TargetHealth {
  State?: TargetHealthStateEnum;
  Reason?: TargetHealthReasonEnum;
  Description?: string;
}

export interface TargetHealthDescription {
  Target?: TargetDescription;
  HealthCheckPort?: string;
  TargetHealth?: TargetHealth;
  AnomalyDetection?: AnomalyDetection;
  AdministrativeOverride?: AdministrativeOverride;
}

export type TargetHealthReasonEnum = 'Elb.RegistrationInProgress' | 'Elb.InitialHealthChecking' | 'Target.ResponseCodeMismatch' | 'Target.Timeout' | 'Target.FailedHealthChecks' | 'Target.NotRegistered' | 'Target.NotInUse' | 'Target.DeregistrationInProgress' | 'Target.InvalidState' | 'Target.IpUnusable' | 'Target.HealthCheckDisabled' | 'Elb.InternalError';

export type TargetHealthStateEnum = 'initial' | 'healthy' | 'unhealthy' | 'unhealthy.draining' | 'unused' | 'draining' | 'unavailable';

export type TargetTypeEnum = 'instance' | 'ip' | 'lambda' | 'alb';

export type TooManyActionsException = Empty;

export type TooManyCertificatesException = Empty;

export type TooManyListenersException = Empty;

export type TooManyLoadBalancersException = Empty;

export type TooManyRegistrationsForTargetIdException = Empty;

export type TooManyRulesException = Empty;

export type TooManyTagsException = Empty;

export type TooManyTargetGroupsException = Empty;

export type TooManyTargetsException = Empty;

export type TooManyTrustStoreRevocationEntriesException = Empty;

export type TooManyTrustStoresException = Empty;

export type TooManyUniqueTargetGroupsPerLoadBalancerException = Empty;

export type TransformTypeEnum = 'host-header-rewrite' | 'url-rewrite';

export interface TrustStore {
  Name?: string;
  TrustStoreArn?: string;
  Status?: TrustStoreStatus;
  NumberOfCaCertificates?: number;
  TotalRevokedEntries?: number;
}

export interface TrustStoreAssociation {
  ResourceArn?: string;
}

export type TrustStoreAssociationNotFoundException = Empty;

export type TrustStoreAssociationStatusEnum = 'active' | 'removed';

export type TrustStoreInUseException = Empty;

export type TrustStoreNotFoundException = Empty;

export type TrustStoreNotReadyException = Empty;

export interface TrustStoreRevocation {
  TrustStoreArn?: string;
  RevocationId?: number;
  RevocationType?: RevocationType;
  NumberOfRevokedEntries?: number;
}

export type TrustStoreStatus = 'ACTIVE' | 'CREATING';

export type UnsupportedProtocolException = Empty;

export interface UrlRewriteConfig {
  Rewrites?: RewriteConfig[];
}

export interface ZonalCapacityReservationState {
  State?: CapacityReservationStatus;
  AvailabilityZone?: string;
  EffectiveCapacityUnits?: number;
}

export interface Elbv2Operations {
  AddListenerCertificates: { input: AddListenerCertificatesInput; output: AddListenerCertificatesOutput };
  AddTags: { input: AddTagsInput; output: AddTagsOutput };
  AddTrustStoreRevocations: { input: AddTrustStoreRevocationsInput; output: AddTrustStoreRevocationsOutput };
  CreateListener: { input: CreateListenerInput; output: CreateListenerOutput };
  CreateLoadBalancer: { input: CreateLoadBalancerInput; output: CreateLoadBalancerOutput };
  CreateRule: { input: CreateRuleInput; output: CreateRuleOutput };
  CreateTargetGroup: { input: CreateTargetGroupInput; output: CreateTargetGroupOutput };
  CreateTrustStore: { input: CreateTrustStoreInput; output: CreateTrustStoreOutput };
  DeleteListener: { input: DeleteListenerInput; output: DeleteListenerOutput };
  DeleteLoadBalancer: { input: DeleteLoadBalancerInput; output: DeleteLoadBalancerOutput };
  DeleteRule: { input: DeleteRuleInput; output: DeleteRuleOutput };
  DeleteSharedTrustStoreAssociation: { input: DeleteSharedTrustStoreAssociationInput; output: DeleteSharedTrustStoreAssociationOutput };
  DeleteTargetGroup: { input: DeleteTargetGroupInput; output: DeleteTargetGroupOutput };
  DeleteTrustStore: { input: DeleteTrustStoreInput; output: DeleteTrustStoreOutput };
  DeregisterTargets: { input: DeregisterTargetsInput; output: DeregisterTargetsOutput };
  DescribeAccountLimits: { input: DescribeAccountLimitsInput; output: DescribeAccountLimitsOutput };
  DescribeCapacityReservation: { input: DescribeCapacityReservationInput; output: DescribeCapacityReservationOutput };
  DescribeListenerAttributes: { input: DescribeListenerAttributesInput; output: DescribeListenerAttributesOutput };
  DescribeListenerCertificates: { input: DescribeListenerCertificatesInput; output: DescribeListenerCertificatesOutput };
  DescribeListeners: { input: DescribeListenersInput; output: DescribeListenersOutput };
  DescribeLoadBalancerAttributes: { input: DescribeLoadBalancerAttributesInput; output: DescribeLoadBalancerAttributesOutput };
  DescribeLoadBalancers: { input: DescribeLoadBalancersInput; output: DescribeLoadBalancersOutput };
  DescribeRules: { input: DescribeRulesInput; output: DescribeRulesOutput };
  DescribeSSLPolicies: { input: DescribeSSLPoliciesInput; output: DescribeSSLPoliciesOutput };
  DescribeTags: { input: DescribeTagsInput; output: DescribeTagsOutput };
  DescribeTargetGroupAttributes: { input: DescribeTargetGroupAttributesInput; output: DescribeTargetGroupAttributesOutput };
  DescribeTargetGroups: { input: DescribeTargetGroupsInput; output: DescribeTargetGroupsOutput };
  DescribeTargetHealth: { input: DescribeTargetHealthInput; output: DescribeTargetHealthOutput };
  DescribeTrustStoreAssociations: { input: DescribeTrustStoreAssociationsInput; output: DescribeTrustStoreAssociationsOutput };
  DescribeTrustStoreRevocations: { input: DescribeTrustStoreRevocationsInput; output: DescribeTrustStoreRevocationsOutput };
  DescribeTrustStores: { input: DescribeTrustStoresInput; output: DescribeTrustStoresOutput };
  GetResourcePolicy: { input: GetResourcePolicyInput; output: GetResourcePolicyOutput };
  GetTrustStoreCaCertificatesBundle: { input: GetTrustStoreCaCertificatesBundleInput; output: GetTrustStoreCaCertificatesBundleOutput };
  GetTrustStoreRevocationContent: { input: GetTrustStoreRevocationContentInput; output: GetTrustStoreRevocationContentOutput };
  ModifyCapacityReservation: { input: ModifyCapacityReservationInput; output: ModifyCapacityReservationOutput };
  ModifyIpPools: { input: ModifyIpPoolsInput; output: ModifyIpPoolsOutput };
  ModifyListener: { input: ModifyListenerInput; output: ModifyListenerOutput };
  ModifyListenerAttributes: { input: ModifyListenerAttributesInput; output: ModifyListenerAttributesOutput };
  ModifyLoadBalancerAttributes: { input: ModifyLoadBalancerAttributesInput; output: ModifyLoadBalancerAttributesOutput };
  ModifyRule: { input: ModifyRuleInput; output: ModifyRuleOutput };
  ModifyTargetGroup: { input: ModifyTargetGroupInput; output: ModifyTargetGroupOutput };
  ModifyTargetGroupAttributes: { input: ModifyTargetGroupAttributesInput; output: ModifyTargetGroupAttributesOutput };
  ModifyTrustStore: { input: ModifyTrustStoreInput; output: ModifyTrustStoreOutput };
  RegisterTargets: { input: RegisterTargetsInput; output: RegisterTargetsOutput };
  RemoveListenerCertificates: { input: RemoveListenerCertificatesInput; output: RemoveListenerCertificatesOutput };
  RemoveTags: { input: RemoveTagsInput; output: RemoveTagsOutput };
  RemoveTrustStoreRevocations: { input: RemoveTrustStoreRevocationsInput; output: RemoveTrustStoreRevocationsOutput };
  SetIpAddressType: { input: SetIpAddressTypeInput; output: SetIpAddressTypeOutput };
  SetRulePriorities: { input: SetRulePrioritiesInput; output: SetRulePrioritiesOutput };
  SetSecurityGroups: { input: SetSecurityGroupsInput; output: SetSecurityGroupsOutput };
  SetSubnets: { input: SetSubnetsInput; output: SetSubnetsOutput };
}

export type Elbv2ErrorCode =
  | 'ALPNPolicyNotSupportedException'
  | 'AllocationIdNotFoundException'
  | 'AvailabilityZoneNotSupportedException'
  | 'CaCertificatesBundleNotFoundException'
  | 'CapacityDecreaseRequestsLimitExceededException'
  | 'CapacityReservationPendingException'
  | 'CapacityUnitsLimitExceededException'
  | 'CertificateNotFoundException'
  | 'DeleteAssociationSameAccountException'
  | 'DuplicateListenerException'
  | 'DuplicateLoadBalancerNameException'
  | 'DuplicateTagKeysException'
  | 'DuplicateTargetGroupNameException'
  | 'DuplicateTrustStoreNameException'
  | 'HealthUnavailableException'
  | 'IncompatibleProtocolsException'
  | 'InsufficientCapacityException'
  | 'InvalidCaCertificatesBundleException'
  | 'InvalidConfigurationRequestException'
  | 'InvalidLoadBalancerActionException'
  | 'InvalidRevocationContentException'
  | 'InvalidSchemeException'
  | 'InvalidSecurityGroupException'
  | 'InvalidSubnetException'
  | 'InvalidTargetException'
  | 'ListenerNotFoundException'
  | 'LoadBalancerNotFoundException'
  | 'OperationNotPermittedException'
  | 'PriorRequestNotCompleteException'
  | 'PriorityInUseException'
  | 'ResourceInUseException'
  | 'ResourceNotFoundException'
  | 'RevocationContentNotFoundException'
  | 'RevocationIdNotFoundException'
  | 'RuleNotFoundException'
  | 'SSLPolicyNotFoundException'
  | 'SubnetNotFoundException'
  | 'TargetGroupAssociationLimitException'
  | 'TargetGroupNotFoundException'
  | 'TooManyActionsException'
  | 'TooManyCertificatesException'
  | 'TooManyListenersException'
  | 'TooManyLoadBalancersException'
  | 'TooManyRegistrationsForTargetIdException'
  | 'TooManyRulesException'
  | 'TooManyTagsException'
  | 'TooManyTargetGroupsException'
  | 'TooManyTargetsException'
  | 'TooManyTrustStoreRevocationEntriesException'
  | 'TooManyTrustStoresException'
  | 'TooManyUniqueTargetGroupsPerLoadBalancerException'
  | 'TrustStoreAssociationNotFoundException'
  | 'TrustStoreInUseException'
  | 'TrustStoreNotFoundException'
  | 'TrustStoreNotReadyException'
  | 'UnsupportedProtocolException';

export const elbv2ErrorCodes = [
  'ALPNPolicyNotSupportedException',
  'AllocationIdNotFoundException',
  'AvailabilityZoneNotSupportedException',
  'CaCertificatesBundleNotFoundException',
  'CapacityDecreaseRequestsLimitExceededException',
  'CapacityReservationPendingException',
  'CapacityUnitsLimitExceededException',
  'CertificateNotFoundException',
  'DeleteAssociationSameAccountException',
  'DuplicateListenerException',
  'DuplicateLoadBalancerNameException',
  'DuplicateTagKeysException',
  'DuplicateTargetGroupNameException',
  'DuplicateTrustStoreNameException',
  'HealthUnavailableException',
  'IncompatibleProtocolsException',
  'InsufficientCapacityException',
  'InvalidCaCertificatesBundleException',
  'InvalidConfigurationRequestException',
  'InvalidLoadBalancerActionException',
  'InvalidRevocationContentException',
  'InvalidSchemeException',
  'InvalidSecurityGroupException',
  'InvalidSubnetException',
  'InvalidTargetException',
  'ListenerNotFoundException',
  'LoadBalancerNotFoundException',
  'OperationNotPermittedException',
  'PriorRequestNotCompleteException',
  'PriorityInUseException',
  'ResourceInUseException',
  'ResourceNotFoundException',
  'RevocationContentNotFoundException',
  'RevocationIdNotFoundException',
  'RuleNotFoundException',
  'SSLPolicyNotFoundException',
  'SubnetNotFoundException',
  'TargetGroupAssociationLimitException',
  'TargetGroupNotFoundException',
  'TooManyActionsException',
  'TooManyCertificatesException',
  'TooManyListenersException',
  'TooManyLoadBalancersException',
  'TooManyRegistrationsForTargetIdException',
  'TooManyRulesException',
  'TooManyTagsException',
  'TooManyTargetGroupsException',
  'TooManyTargetsException',
  'TooManyTrustStoreRevocationEntriesException',
  'TooManyTrustStoresException',
  'TooManyUniqueTargetGroupsPerLoadBalancerException',
  'TrustStoreAssociationNotFoundException',
  'TrustStoreInUseException',
  'TrustStoreNotFoundException',
  'TrustStoreNotReadyException',
  'UnsupportedProtocolException',
] as const;

export const elbv2OperationNames = [
  'AddListenerCertificates',
  'AddTags',
  'AddTrustStoreRevocations',
  'CreateListener',
  'CreateLoadBalancer',
  'CreateRule',
  'CreateTargetGroup',
  'CreateTrustStore',
  'DeleteListener',
  'DeleteLoadBalancer',
  'DeleteRule',
  'DeleteSharedTrustStoreAssociation',
  'DeleteTargetGroup',
  'DeleteTrustStore',
  'DeregisterTargets',
  'DescribeAccountLimits',
  'DescribeCapacityReservation',
  'DescribeListenerAttributes',
  'DescribeListenerCertificates',
  'DescribeListeners',
  'DescribeLoadBalancerAttributes',
  'DescribeLoadBalancers',
  'DescribeRules',
  'DescribeSSLPolicies',
  'DescribeTags',
  'DescribeTargetGroupAttributes',
  'DescribeTargetGroups',
  'DescribeTargetHealth',
  'DescribeTrustStoreAssociations',
  'DescribeTrustStoreRevocations',
  'DescribeTrustStores',
  'GetResourcePolicy',
  'GetTrustStoreCaCertificatesBundle',
  'GetTrustStoreRevocationContent',
  'ModifyCapacityReservation',
  'ModifyIpPools',
  'ModifyListener',
  'ModifyListenerAttributes',
  'ModifyLoadBalancerAttributes',
  'ModifyRule',
  'ModifyTargetGroup',
  'ModifyTargetGroupAttributes',
  'ModifyTrustStore',
  'RegisterTargets',
  'RemoveListenerCertificates',
  'RemoveTags',
  'RemoveTrustStoreRevocations',
  'SetIpAddressType',
  'SetRulePriorities',
  'SetSecurityGroups',
  'SetSubnets',
] as const;
