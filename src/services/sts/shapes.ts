// generated — do not edit; run npm run gen
// Source: models/sts.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AssumeRoleRequest {
  RoleArn: string;
  RoleSessionName: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
  Tags?: Tag[];
  TransitiveTagKeys?: string[];
  ExternalId?: string;
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
  ProvidedContexts?: ProvidedContext[];
}

export interface AssumeRoleResponse {
  Credentials?: Credentials;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  SourceIdentity?: string;
}

export interface AssumeRoleWithSAMLRequest {
  RoleArn: string;
  PrincipalArn: string;
  SAMLAssertion: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
}

export interface AssumeRoleWithSAMLResponse {
  Credentials?: Credentials;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  Subject?: string;
  SubjectType?: string;
  Issuer?: string;
  Audience?: string;
  NameQualifier?: string;
  SourceIdentity?: string;
}

export interface AssumeRoleWithWebIdentityRequest {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  ProviderId?: string;
  PolicyArns?: PolicyDescriptorType[];
  Policy?: string;
  DurationSeconds?: number;
}

export interface AssumeRoleWithWebIdentityResponse {
  Credentials?: Credentials;
  SubjectFromWebIdentityToken?: string;
  AssumedRoleUser?: AssumedRoleUser;
  PackedPolicySize?: number;
  Provider?: string;
  Audience?: string;
  SourceIdentity?: string;
}

export interface AssumeRootRequest {
  TargetPrincipal: string;
  TaskPolicyArn: PolicyDescriptorType;
  DurationSeconds?: number;
}

export interface AssumeRootResponse {
  Credentials?: Credentials;
  SourceIdentity?: string;
}

export interface AssumedRoleUser {
  AssumedRoleId: string;
  Arn: string;
}

export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: number;
}

export interface DecodeAuthorizationMessageRequest {
  EncodedMessage: string;
}

export interface DecodeAuthorizationMessageResponse {
  DecodedMessage?: string;
}

export interface ExpiredTokenException {
  message?: string;
}

export interface ExpiredTradeInTokenException {
  message?: string;
}

export interface FederatedUser {
  FederatedUserId: string;
  Arn: string;
}

export interface GetAccessKeyInfoRequest {
  AccessKeyId: string;
}

export interface GetAccessKeyInfoResponse {
  Account?: string;
}

export type GetCallerIdentityRequest = Empty;

export interface GetCallerIdentityResponse {
  UserId?: string;
  Account?: string;
  Arn?: string;
}

export interface GetDelegatedAccessTokenRequest {
  TradeInToken: string;
}

export interface GetDelegatedAccessTokenResponse {
  Credentials?: Credentials;
  PackedPolicySize?: number;
  AssumedPrincipal?: string;
}

export interface GetFederationTokenRequest {
  Name: string;
  Policy?: string;
  PolicyArns?: PolicyDescriptorType[];
  DurationSeconds?: number;
  Tags?: Tag[];
}

export interface GetFederationTokenResponse {
  Credentials?: Credentials;
  FederatedUser?: FederatedUser;
  PackedPolicySize?: number;
}

export interface GetSessionTokenRequest {
  DurationSeconds?: number;
  SerialNumber?: string;
  TokenCode?: string;
}

export interface GetSessionTokenResponse {
  Credentials?: Credentials;
}

export interface GetWebIdentityTokenRequest {
  Audience: string[];
  DurationSeconds?: number;
  SigningAlgorithm: string;
  Tags?: Tag[];
}

export interface GetWebIdentityTokenResponse {
  WebIdentityToken?: string;
  Expiration?: number;
}

export interface IDPCommunicationErrorException {
  message?: string;
}

export interface IDPRejectedClaimException {
  message?: string;
}

export interface InvalidAuthorizationMessageException {
  message?: string;
}

export interface InvalidIdentityTokenException {
  message?: string;
}

export interface JWTPayloadSizeExceededException {
  message?: string;
}

export interface MalformedPolicyDocumentException {
  message?: string;
}

export interface OutboundWebIdentityFederationDisabledException {
  message?: string;
}

export interface PackedPolicyTooLargeException {
  message?: string;
}

export interface PolicyDescriptorType {
  arn?: string;
}

export interface ProvidedContext {
  ProviderArn?: string;
  ContextAssertion?: string;
}

export interface RegionDisabledException {
  message?: string;
}

export interface SessionDurationEscalationException {
  message?: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface StsOperations {
  AssumeRole: { input: AssumeRoleRequest; output: AssumeRoleResponse };
  AssumeRoleWithSAML: { input: AssumeRoleWithSAMLRequest; output: AssumeRoleWithSAMLResponse };
  AssumeRoleWithWebIdentity: { input: AssumeRoleWithWebIdentityRequest; output: AssumeRoleWithWebIdentityResponse };
  AssumeRoot: { input: AssumeRootRequest; output: AssumeRootResponse };
  DecodeAuthorizationMessage: { input: DecodeAuthorizationMessageRequest; output: DecodeAuthorizationMessageResponse };
  GetAccessKeyInfo: { input: GetAccessKeyInfoRequest; output: GetAccessKeyInfoResponse };
  GetCallerIdentity: { input: GetCallerIdentityRequest; output: GetCallerIdentityResponse };
  GetDelegatedAccessToken: { input: GetDelegatedAccessTokenRequest; output: GetDelegatedAccessTokenResponse };
  GetFederationToken: { input: GetFederationTokenRequest; output: GetFederationTokenResponse };
  GetSessionToken: { input: GetSessionTokenRequest; output: GetSessionTokenResponse };
  GetWebIdentityToken: { input: GetWebIdentityTokenRequest; output: GetWebIdentityTokenResponse };
}

export type StsErrorCode =
  | 'ExpiredTokenException'
  | 'ExpiredTradeInTokenException'
  | 'IDPCommunicationErrorException'
  | 'IDPRejectedClaimException'
  | 'InvalidAuthorizationMessageException'
  | 'InvalidIdentityTokenException'
  | 'JWTPayloadSizeExceededException'
  | 'MalformedPolicyDocumentException'
  | 'OutboundWebIdentityFederationDisabledException'
  | 'PackedPolicyTooLargeException'
  | 'RegionDisabledException'
  | 'SessionDurationEscalationException';

export const stsErrorCodes = [
  'ExpiredTokenException',
  'ExpiredTradeInTokenException',
  'IDPCommunicationErrorException',
  'IDPRejectedClaimException',
  'InvalidAuthorizationMessageException',
  'InvalidIdentityTokenException',
  'JWTPayloadSizeExceededException',
  'MalformedPolicyDocumentException',
  'OutboundWebIdentityFederationDisabledException',
  'PackedPolicyTooLargeException',
  'RegionDisabledException',
  'SessionDurationEscalationException',
] as const;

export const stsOperationNames = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetCallerIdentity',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
] as const;
