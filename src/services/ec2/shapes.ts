// generated — do not edit; run npm run gen
// Source: models/ec2.json (see models/SOURCE). Timestamps are epoch milliseconds; blobs are base64 strings.

/** An input or output with no members. */
export type Empty = Record<string, never>;

export interface AcceleratorCount {
  Min?: number;
  Max?: number;
}

export interface AcceleratorCountRequest {
  Min?: number;
  Max?: number;
}

export type AcceleratorManufacturer = 'amazon-web-services' | 'amd' | 'nvidia' | 'xilinx' | 'habana';

export type AcceleratorName = 'a100' | 'inferentia' | 'k520' | 'k80' | 'm60' | 'radeon-pro-v520' | 't4' | 'vu9p' | 'v100' | 'a10g' | 'h100' | 't4g' | 'l40s' | 'l4' | 'gaudi-hl-205' | 'inferentia2' | 'trainium' | 'trainium2' | 'u30';

export interface AcceleratorTotalMemoryMiB {
  Min?: number;
  Max?: number;
}

export interface AcceleratorTotalMemoryMiBRequest {
  Min?: number;
  Max?: number;
}

export type AcceleratorType = 'gpu' | 'fpga' | 'inference' | 'media';

export interface AcceptAddressTransferRequest {
  Address: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface AcceptAddressTransferResult {
  AddressTransfer?: AddressTransfer;
}

export interface AcceptCapacityReservationBillingOwnershipRequest {
  DryRun?: boolean;
  CapacityReservationId: string;
}

export interface AcceptCapacityReservationBillingOwnershipResult {
  Return?: boolean;
}

export interface AcceptReservedInstancesExchangeQuoteRequest {
  DryRun?: boolean;
  ReservedInstanceIds: string[];
  TargetConfigurations?: TargetConfigurationRequest[];
}

export interface AcceptReservedInstancesExchangeQuoteResult {
  ExchangeId?: string;
}

export interface AcceptTransitGatewayClientVpnAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface AcceptTransitGatewayClientVpnAttachmentResult {
  TransitGatewayClientVpnAttachment?: TransitGatewayClientVpnAttachment;
}

export interface AcceptTransitGatewayMulticastDomainAssociationsRequest {
  TransitGatewayMulticastDomainId?: string;
  TransitGatewayAttachmentId?: string;
  SubnetIds?: string[];
  DryRun?: boolean;
}

export interface AcceptTransitGatewayMulticastDomainAssociationsResult {
  Associations?: TransitGatewayMulticastDomainAssociations;
}

export interface AcceptTransitGatewayPeeringAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface AcceptTransitGatewayPeeringAttachmentResult {
  TransitGatewayPeeringAttachment?: TransitGatewayPeeringAttachment;
}

export interface AcceptTransitGatewayVpcAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface AcceptTransitGatewayVpcAttachmentResult {
  TransitGatewayVpcAttachment?: TransitGatewayVpcAttachment;
}

export interface AcceptVpcEndpointConnectionsRequest {
  DryRun?: boolean;
  ServiceId: string;
  VpcEndpointIds: string[];
}

export interface AcceptVpcEndpointConnectionsResult {
  Unsuccessful?: UnsuccessfulItem[];
}

export interface AcceptVpcPeeringConnectionRequest {
  DryRun?: boolean;
  VpcPeeringConnectionId: string;
}

export interface AcceptVpcPeeringConnectionResult {
  VpcPeeringConnection?: VpcPeeringConnection;
}

export interface AccessScopeAnalysisFinding {
  NetworkInsightsAccessScopeAnalysisId?: string;
  NetworkInsightsAccessScopeId?: string;
  FindingId?: string;
  FindingComponents?: PathComponent[];
}

export interface AccessScopePath {
  Source?: PathStatement;
  Destination?: PathStatement;
  ThroughResources?: ThroughResourcesStatement[];
}

export interface AccessScopePathRequest {
  Source?: PathStatementRequest;
  Destination?: PathStatementRequest;
  ThroughResources?: ThroughResourcesStatementRequest[];
}

export interface AccountAttribute {
  AttributeName?: string;
  AttributeValues?: AccountAttributeValue[];
}

export type AccountAttributeName = 'supported-platforms' | 'default-vpc';

export interface AccountAttributeValue {
  AttributeValue?: string;
}

export interface ActiveInstance {
  InstanceId?: string;
  InstanceType?: string;
  SpotInstanceRequestId?: string;
  InstanceHealth?: InstanceHealthStatus;
}

export interface ActiveVpnTunnelStatus {
  Phase1EncryptionAlgorithm?: string;
  Phase2EncryptionAlgorithm?: string;
  Phase1IntegrityAlgorithm?: string;
  Phase2IntegrityAlgorithm?: string;
  Phase1DHGroup?: number;
  Phase2DHGroup?: number;
  IkeVersion?: string;
  ProvisioningStatus?: VpnTunnelProvisioningStatus;
  ProvisioningStatusReason?: string;
}

export type ActivityStatus = 'error' | 'pending_fulfillment' | 'pending_termination' | 'fulfilled';

export interface AddIpamOperatingRegion {
  RegionName?: string;
}

export interface AddIpamOrganizationalUnitExclusion {
  OrganizationsEntityPath?: string;
}

export interface AddPrefixListEntry {
  Cidr: string;
  Description?: string;
}

export interface AddedPrincipal {
  PrincipalType?: PrincipalType;
  Principal?: string;
  ServicePermissionId?: string;
  ServiceId?: string;
}

export interface AdditionalDetail {
  AdditionalDetailType?: string;
  Component?: AnalysisComponent;
  VpcEndpointService?: AnalysisComponent;
  RuleOptions?: RuleOption[];
  RuleGroupTypePairs?: RuleGroupTypePair[];
  RuleGroupRuleOptionsPairs?: RuleGroupRuleOptionsPair[];
  ServiceName?: string;
  LoadBalancers?: AnalysisComponent[];
}

export interface Address {
  AllocationId?: string;
  AssociationId?: string;
  Domain?: DomainType;
  NetworkInterfaceId?: string;
  NetworkInterfaceOwnerId?: string;
  PrivateIpAddress?: string;
  Tags?: Tag[];
  PublicIpv4Pool?: string;
  NetworkBorderGroup?: string;
  CustomerOwnedIp?: string;
  CustomerOwnedIpv4Pool?: string;
  CarrierIp?: string;
  SubnetId?: string;
  ServiceManaged?: ServiceManaged;
  InstanceId?: string;
  PublicIp?: string;
}

export interface AddressAttribute {
  PublicIp?: string;
  AllocationId?: string;
  PtrRecord?: string;
  PtrRecordUpdate?: PtrUpdateStatus;
}

export type AddressAttributeName = 'domain-name';

export type AddressFamily = 'ipv4' | 'ipv6';

export interface AddressTransfer {
  PublicIp?: string;
  AllocationId?: string;
  TransferAccountId?: string;
  TransferOfferExpirationTimestamp?: number;
  TransferOfferAcceptedTimestamp?: number;
  AddressTransferStatus?: AddressTransferStatus;
}

export type AddressTransferStatus = 'pending' | 'disabled' | 'accepted';

export interface AdvertiseByoipCidrRequest {
  Cidr: string;
  Asn?: string;
  DryRun?: boolean;
  NetworkBorderGroup?: string;
}

export interface AdvertiseByoipCidrResult {
  ByoipCidr?: ByoipCidr;
}

export type Affinity = 'default' | 'host';

export interface AllocateAddressRequest {
  Domain?: DomainType;
  Address?: string;
  PublicIpv4Pool?: string;
  NetworkBorderGroup?: string;
  CustomerOwnedIpv4Pool?: string;
  TagSpecifications?: TagSpecification[];
  IpamPoolId?: string;
  DryRun?: boolean;
}

export interface AllocateAddressResult {
  AllocationId?: string;
  PublicIpv4Pool?: string;
  NetworkBorderGroup?: string;
  Domain?: DomainType;
  CustomerOwnedIp?: string;
  CustomerOwnedIpv4Pool?: string;
  CarrierIp?: string;
  PublicIp?: string;
}

export interface AllocateHostsRequest {
  InstanceFamily?: string;
  TagSpecifications?: TagSpecification[];
  HostRecovery?: HostRecovery;
  OutpostArn?: string;
  HostMaintenance?: HostMaintenance;
  AssetIds?: string[];
  AvailabilityZoneId?: string;
  AutoPlacement?: AutoPlacement;
  ClientToken?: string;
  InstanceType?: string;
  Quantity?: number;
  AvailabilityZone?: string;
}

export interface AllocateHostsResult {
  HostIds?: string[];
}

export interface AllocateIpamPoolCidrRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  Cidr?: string;
  NetmaskLength?: number;
  ClientToken?: string;
  Description?: string;
  PreviewNextCidr?: boolean;
  AllowedCidrs?: string[];
  DisallowedCidrs?: string[];
  TagSpecifications?: TagSpecification[];
}

export interface AllocateIpamPoolCidrResult {
  IpamPoolAllocation?: IpamPoolAllocation;
}

export type AllocationState = 'available' | 'under-assessment' | 'permanent-failure' | 'released' | 'released-permanent-failure' | 'pending';

export type AllocationStrategy = 'lowestPrice' | 'diversified' | 'capacityOptimized' | 'capacityOptimizedPrioritized' | 'priceCapacityOptimized';

export type AllocationType = 'used' | 'future';

export type AllowedImagesSettingsDisabledState = 'disabled';

export type AllowedImagesSettingsEnabledState = 'enabled' | 'audit-mode';

export interface AllowedPrincipal {
  PrincipalType?: PrincipalType;
  Principal?: string;
  ServicePermissionId?: string;
  Tags?: Tag[];
  ServiceId?: string;
}

export type AllowsMultipleInstanceTypes = 'on' | 'off';

export interface AlternatePathHint {
  ComponentId?: string;
  ComponentArn?: string;
}

export type AmdSevSnpSpecification = 'enabled' | 'disabled';

export interface AnalysisAclRule {
  Cidr?: string;
  Egress?: boolean;
  PortRange?: PortRange;
  Protocol?: string;
  RuleAction?: string;
  RuleNumber?: number;
}

export interface AnalysisComponent {
  Id?: string;
  Arn?: string;
  Name?: string;
}

export interface AnalysisLoadBalancerListener {
  LoadBalancerPort?: number;
  InstancePort?: number;
}

export interface AnalysisLoadBalancerTarget {
  Address?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Instance?: AnalysisComponent;
  Port?: number;
}

export interface AnalysisPacketHeader {
  DestinationAddresses?: string[];
  DestinationPortRanges?: PortRange[];
  Protocol?: string;
  SourceAddresses?: string[];
  SourcePortRanges?: PortRange[];
}

export interface AnalysisRouteTableRoute {
  DestinationCidr?: string;
  DestinationPrefixListId?: string;
  EgressOnlyInternetGatewayId?: string;
  GatewayId?: string;
  InstanceId?: string;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  Origin?: string;
  TransitGatewayId?: string;
  VpcPeeringConnectionId?: string;
  State?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  LocalGatewayId?: string;
}

export interface AnalysisSecurityGroupRule {
  Cidr?: string;
  Direction?: string;
  SecurityGroupId?: string;
  PortRange?: PortRange;
  PrefixListId?: string;
  Protocol?: string;
}

export type AnalysisStatus = 'running' | 'succeeded' | 'failed';

export type ApplianceModeSupportValue = 'enable' | 'disable';

export interface ApplySecurityGroupsToClientVpnTargetNetworkRequest {
  ClientVpnEndpointId: string;
  VpcId: string;
  SecurityGroupIds: string[];
  DryRun?: boolean;
}

export interface ApplySecurityGroupsToClientVpnTargetNetworkResult {
  SecurityGroupIds?: string[];
}

export type ArchitectureType = 'i386' | 'x86_64' | 'arm64' | 'x86_64_mac' | 'arm64_mac';

export type ArchitectureValues = 'i386' | 'x86_64' | 'arm64' | 'x86_64_mac' | 'arm64_mac';

export interface AsnAssociation {
  Asn?: string;
  Cidr?: string;
  StatusMessage?: string;
  State?: AsnAssociationState;
}

export type AsnAssociationState = 'disassociated' | 'failed-disassociation' | 'failed-association' | 'pending-disassociation' | 'pending-association' | 'associated';

export interface AsnAuthorizationContext {
  Message: string;
  Signature: string;
}

export type AsnState = 'deprovisioned' | 'failed-deprovision' | 'failed-provision' | 'pending-deprovision' | 'pending-provision' | 'provisioned';

export interface AssignIpv6AddressesRequest {
  Ipv6PrefixCount?: number;
  Ipv6Prefixes?: string[];
  NetworkInterfaceId: string;
  Ipv6Addresses?: string[];
  Ipv6AddressCount?: number;
}

export interface AssignIpv6AddressesResult {
  AssignedIpv6Addresses?: string[];
  AssignedIpv6Prefixes?: string[];
  NetworkInterfaceId?: string;
}

export interface AssignPrivateIpAddressesRequest {
  Ipv4Prefixes?: string[];
  Ipv4PrefixCount?: number;
  NetworkInterfaceId: string;
  PrivateIpAddresses?: string[];
  SecondaryPrivateIpAddressCount?: number;
  AllowReassignment?: boolean;
}

export interface AssignPrivateIpAddressesResult {
  NetworkInterfaceId?: string;
  AssignedPrivateIpAddresses?: AssignedPrivateIpAddress[];
  AssignedIpv4Prefixes?: Ipv4PrefixSpecification[];
}

export interface AssignPrivateNatGatewayAddressRequest {
  NatGatewayId: string;
  PrivateIpAddresses?: string[];
  PrivateIpAddressCount?: number;
  DryRun?: boolean;
}

export interface AssignPrivateNatGatewayAddressResult {
  NatGatewayId?: string;
  NatGatewayAddresses?: NatGatewayAddress[];
}

export interface AssignedPrivateIpAddress {
  PrivateIpAddress?: string;
}

export interface AssociateAddressRequest {
  AllocationId?: string;
  InstanceId?: string;
  PublicIp?: string;
  DryRun?: boolean;
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  AllowReassociation?: boolean;
}

export interface AssociateAddressResult {
  AssociationId?: string;
}

export interface AssociateCapacityReservationBillingOwnerRequest {
  DryRun?: boolean;
  CapacityReservationId: string;
  UnusedReservationBillingOwnerId: string;
}

export interface AssociateCapacityReservationBillingOwnerResult {
  Return?: boolean;
}

export interface AssociateClientVpnTargetNetworkRequest {
  ClientVpnEndpointId: string;
  SubnetId?: string;
  ClientToken?: string;
  DryRun?: boolean;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
}

export interface AssociateClientVpnTargetNetworkResult {
  AssociationId?: string;
  Status?: AssociationStatus;
}

export interface AssociateDhcpOptionsRequest {
  DhcpOptionsId: string;
  VpcId: string;
  DryRun?: boolean;
}

export interface AssociateEnclaveCertificateIamRoleRequest {
  CertificateArn: string;
  RoleArn: string;
  DryRun?: boolean;
}

export interface AssociateEnclaveCertificateIamRoleResult {
  CertificateS3BucketName?: string;
  CertificateS3ObjectKey?: string;
  EncryptionKmsKeyId?: string;
}

export interface AssociateIamInstanceProfileRequest {
  IamInstanceProfile: IamInstanceProfileSpecification;
  InstanceId: string;
}

export interface AssociateIamInstanceProfileResult {
  IamInstanceProfileAssociation?: IamInstanceProfileAssociation;
}

export interface AssociateInstanceEventWindowRequest {
  DryRun?: boolean;
  InstanceEventWindowId: string;
  AssociationTarget: InstanceEventWindowAssociationRequest;
}

export interface AssociateInstanceEventWindowResult {
  InstanceEventWindow?: InstanceEventWindow;
}

export interface AssociateIpamByoasnRequest {
  DryRun?: boolean;
  Asn: string;
  Cidr: string;
}

export interface AssociateIpamByoasnResult {
  AsnAssociation?: AsnAssociation;
}

export interface AssociateIpamResourceDiscoveryRequest {
  DryRun?: boolean;
  IpamId: string;
  IpamResourceDiscoveryId: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
}

export interface AssociateIpamResourceDiscoveryResult {
  IpamResourceDiscoveryAssociation?: IpamResourceDiscoveryAssociation;
}

export interface AssociateNatGatewayAddressRequest {
  NatGatewayId: string;
  AllocationIds: string[];
  PrivateIpAddresses?: string[];
  DryRun?: boolean;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
}

export interface AssociateNatGatewayAddressResult {
  NatGatewayId?: string;
  NatGatewayAddresses?: NatGatewayAddress[];
}

export interface AssociateRouteServerRequest {
  RouteServerId: string;
  VpcId: string;
  DryRun?: boolean;
}

export interface AssociateRouteServerResult {
  RouteServerAssociation?: RouteServerAssociation;
}

export interface AssociateRouteTableRequest {
  GatewayId?: string;
  PublicIpv4Pool?: string;
  DryRun?: boolean;
  SubnetId?: string;
  RouteTableId: string;
}

export interface AssociateRouteTableResult {
  AssociationId?: string;
  AssociationState?: RouteTableAssociationState;
}

export interface AssociateSecurityGroupVpcRequest {
  GroupId: string;
  VpcId: string;
  DryRun?: boolean;
}

export interface AssociateSecurityGroupVpcResult {
  State?: SecurityGroupVpcAssociationState;
}

export interface AssociateSubnetCidrBlockRequest {
  Ipv6IpamPoolId?: string;
  Ipv6NetmaskLength?: number;
  SubnetId: string;
  Ipv6CidrBlock?: string;
}

export interface AssociateSubnetCidrBlockResult {
  Ipv6CidrBlockAssociation?: SubnetIpv6CidrBlockAssociation;
  SubnetId?: string;
}

export interface AssociateTransitGatewayMulticastDomainRequest {
  TransitGatewayMulticastDomainId: string;
  TransitGatewayAttachmentId: string;
  SubnetIds: string[];
  DryRun?: boolean;
}

export interface AssociateTransitGatewayMulticastDomainResult {
  Associations?: TransitGatewayMulticastDomainAssociations;
}

export interface AssociateTransitGatewayPolicyTableRequest {
  TransitGatewayPolicyTableId: string;
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface AssociateTransitGatewayPolicyTableResult {
  Association?: TransitGatewayPolicyTableAssociation;
}

export interface AssociateTransitGatewayRouteTableRequest {
  TransitGatewayRouteTableId: string;
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface AssociateTransitGatewayRouteTableResult {
  Association?: TransitGatewayAssociation;
}

export interface AssociateTrunkInterfaceRequest {
  BranchInterfaceId: string;
  TrunkInterfaceId: string;
  VlanId?: number;
  GreKey?: number;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface AssociateTrunkInterfaceResult {
  InterfaceAssociation?: TrunkInterfaceAssociation;
  ClientToken?: string;
}

export interface AssociateVpcCidrBlockRequest {
  CidrBlock?: string;
  Ipv6CidrBlockNetworkBorderGroup?: string;
  Ipv6Pool?: string;
  Ipv6CidrBlock?: string;
  Ipv4IpamPoolId?: string;
  Ipv4NetmaskLength?: number;
  Ipv6IpamPoolId?: string;
  Ipv6NetmaskLength?: number;
  VpcId: string;
  AmazonProvidedIpv6CidrBlock?: boolean;
}

export interface AssociateVpcCidrBlockResult {
  Ipv6CidrBlockAssociation?: VpcIpv6CidrBlockAssociation;
  CidrBlockAssociation?: VpcCidrBlockAssociation;
  VpcId?: string;
}

export type AssociatedNetworkType = 'vpc';

export interface AssociatedRole {
  AssociatedRoleArn?: string;
  CertificateS3BucketName?: string;
  CertificateS3ObjectKey?: string;
  EncryptionKmsKeyId?: string;
}

export interface AssociatedTargetNetwork {
  NetworkId?: string;
  NetworkType?: AssociatedNetworkType;
}

export interface AssociationStatus {
  Code?: AssociationStatusCode;
  Message?: string;
}

export type AssociationStatusCode = 'associating' | 'associated' | 'association-failed' | 'disassociating' | 'disassociated';

export interface AthenaIntegration {
  IntegrationResultS3DestinationArn: string;
  PartitionLoadFrequency: PartitionLoadFrequency;
  PartitionStartDate?: number;
  PartitionEndDate?: number;
}

export interface AttachClassicLinkVpcRequest {
  DryRun?: boolean;
  InstanceId: string;
  VpcId: string;
  Groups: string[];
}

export interface AttachClassicLinkVpcResult {
  Return?: boolean;
}

export interface AttachInternetGatewayRequest {
  DryRun?: boolean;
  InternetGatewayId: string;
  VpcId: string;
}

export interface AttachNetworkInterfaceRequest {
  NetworkCardIndex?: number;
  EnaSrdSpecification?: EnaSrdSpecification;
  EnaQueueCount?: number;
  DryRun?: boolean;
  NetworkInterfaceId: string;
  InstanceId: string;
  DeviceIndex: number;
}

export interface AttachNetworkInterfaceResult {
  AttachmentId?: string;
  NetworkCardIndex?: number;
}

export interface AttachVerifiedAccessTrustProviderRequest {
  VerifiedAccessInstanceId: string;
  VerifiedAccessTrustProviderId: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface AttachVerifiedAccessTrustProviderResult {
  VerifiedAccessTrustProvider?: VerifiedAccessTrustProvider;
  VerifiedAccessInstance?: VerifiedAccessInstance;
}

export interface AttachVolumeRequest {
  Device: string;
  InstanceId: string;
  VolumeId: string;
  EbsCardIndex?: number;
  DryRun?: boolean;
}

export interface AttachVpnGatewayRequest {
  VpcId: string;
  VpnGatewayId: string;
  DryRun?: boolean;
}

export interface AttachVpnGatewayResult {
  VpcAttachment?: VpcAttachment;
}

export interface AttachmentEnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: AttachmentEnaSrdUdpSpecification;
}

export interface AttachmentEnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}

export type AttachmentLimitType = 'shared' | 'dedicated';

export type AttachmentStatus = 'attaching' | 'attached' | 'detaching' | 'detached';

export interface AttributeBooleanValue {
  Value?: boolean;
}

export interface AttributeSummary {
  AttributeName?: string;
  MostFrequentValue?: string;
  NumberOfMatchedAccounts?: number;
  NumberOfUnmatchedAccounts?: number;
  RegionalSummaries?: RegionalSummary[];
}

export interface AttributeValue {
  Value?: string;
}

export interface AuthorizationRule {
  ClientVpnEndpointId?: string;
  Description?: string;
  GroupId?: string;
  AccessAll?: boolean;
  DestinationCidr?: string;
  Status?: ClientVpnAuthorizationRuleStatus;
}

export interface AuthorizeClientVpnIngressRequest {
  ClientVpnEndpointId: string;
  TargetNetworkCidr: string;
  AccessGroupId?: string;
  AuthorizeAllGroups?: boolean;
  Description?: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface AuthorizeClientVpnIngressResult {
  Status?: ClientVpnAuthorizationRuleStatus;
}

export interface AuthorizeSecurityGroupEgressRequest {
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  GroupId: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  IpPermissions?: IpPermission[];
}

export interface AuthorizeSecurityGroupEgressResult {
  Return?: boolean;
  SecurityGroupRules?: SecurityGroupRule[];
}

export interface AuthorizeSecurityGroupIngressRequest {
  CidrIp?: string;
  FromPort?: number;
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermission[];
  IpProtocol?: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  ToPort?: number;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface AuthorizeSecurityGroupIngressResult {
  Return?: boolean;
  SecurityGroupRules?: SecurityGroupRule[];
}

export type AutoAcceptSharedAssociationsValue = 'enable' | 'disable';

export type AutoAcceptSharedAttachmentsValue = 'enable' | 'disable';

export type AutoPlacement = 'on' | 'off';

export type AutoProvisionZonesState = 'enabled' | 'disabled';

export type AutoScalingIpsState = 'enabled' | 'disabled';

export type AvailabilityMode = 'zonal' | 'regional';

export interface AvailabilityZone {
  OptInStatus?: AvailabilityZoneOptInStatus;
  Messages?: AvailabilityZoneMessage[];
  RegionName?: string;
  ZoneName?: string;
  ZoneId?: string;
  GroupName?: string;
  NetworkBorderGroup?: string;
  ZoneType?: string;
  ParentZoneName?: string;
  ParentZoneId?: string;
  GroupLongName?: string;
  Geography?: AvailabilityZoneGeography[];
  SubGeography?: AvailabilityZoneSubGeography[];
  State?: AvailabilityZoneState;
}

export interface AvailabilityZoneAddress {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  AllocationIds?: string[];
}

export interface AvailabilityZoneGeography {
  Name?: string;
}

export interface AvailabilityZoneMessage {
  Message?: string;
}

export type AvailabilityZoneOptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

export type AvailabilityZoneState = 'available' | 'information' | 'impaired' | 'unavailable' | 'constrained';

export interface AvailabilityZoneSubGeography {
  Name?: string;
}

export interface AvailableCapacity {
  AvailableInstanceCapacity?: InstanceCapacity[];
  AvailableVCpus?: number;
}

export type BandwidthWeightingType = 'default' | 'vpc-1' | 'ebs-1';

export type BareMetal = 'included' | 'required' | 'excluded';

export interface BaselineEbsBandwidthMbps {
  Min?: number;
  Max?: number;
}

export interface BaselineEbsBandwidthMbpsRequest {
  Min?: number;
  Max?: number;
}

export interface BaselinePerformanceFactors {
  Cpu?: CpuPerformanceFactor;
}

export interface BaselinePerformanceFactorsRequest {
  Cpu?: CpuPerformanceFactorRequest;
}

export type BatchState = 'submitted' | 'active' | 'cancelled' | 'failed' | 'cancelled_running' | 'cancelled_terminating' | 'modifying';

export type BgpStatus = 'up' | 'down';

export interface BlobAttributeValue {
  Value?: string;
}

export interface BlockDeviceMapping {
  Ebs?: EbsBlockDevice;
  NoDevice?: string;
  DeviceName?: string;
  VirtualName?: string;
}

export interface BlockDeviceMappingResponse {
  DeviceName?: string;
  VirtualName?: string;
  Ebs?: EbsBlockDeviceResponse;
  NoDevice?: string;
}

export type BlockPublicAccessMode = 'off' | 'block-bidirectional' | 'block-ingress';

export interface BlockPublicAccessStates {
  InternetGatewayBlockMode?: BlockPublicAccessMode;
}

export type BootModeType = 'legacy-bios' | 'uefi';

export type BootModeValues = 'legacy-bios' | 'uefi' | 'uefi-preferred';

export interface BundleInstanceRequest {
  InstanceId: string;
  Storage: Storage;
  DryRun?: boolean;
}

export interface BundleInstanceResult {
  BundleTask?: BundleTask;
}

export interface BundleTask {
  InstanceId?: string;
  BundleId?: string;
  State?: BundleTaskState;
  StartTime?: number;
  UpdateTime?: number;
  Storage?: Storage;
  Progress?: string;
  BundleTaskError?: BundleTaskError;
}

export interface BundleTaskError {
  Code?: string;
  Message?: string;
}

export type BundleTaskState = 'pending' | 'waiting-for-shutdown' | 'bundling' | 'storing' | 'cancelling' | 'complete' | 'failed';

export type BurstablePerformance = 'included' | 'required' | 'excluded';

export interface Byoasn {
  Asn?: string;
  IpamId?: string;
  StatusMessage?: string;
  State?: AsnState;
}

export interface ByoipCidr {
  Cidr?: string;
  Description?: string;
  AsnAssociations?: AsnAssociation[];
  StatusMessage?: string;
  State?: ByoipCidrState;
  NetworkBorderGroup?: string;
  AdvertisementType?: string;
}

export type ByoipCidrState = 'advertised' | 'deprovisioned' | 'failed-deprovision' | 'failed-provision' | 'pending-advertising' | 'pending-deprovision' | 'pending-provision' | 'pending-withdrawal' | 'provisioned' | 'provisioned-not-publicly-advertisable';

export type CallerRole = 'odcr-owner' | 'unused-reservation-billing-owner';

export type CancelBatchErrorCode = 'fleetRequestIdDoesNotExist' | 'fleetRequestIdMalformed' | 'fleetRequestNotInCancellableState' | 'unexpectedError';

export interface CancelBundleTaskRequest {
  BundleId: string;
  DryRun?: boolean;
}

export interface CancelBundleTaskResult {
  BundleTask?: BundleTask;
}

export interface CancelCapacityReservationFleetError {
  Code?: string;
  Message?: string;
}

export interface CancelCapacityReservationFleetsRequest {
  DryRun?: boolean;
  CapacityReservationFleetIds: string[];
}

export interface CancelCapacityReservationFleetsResult {
  SuccessfulFleetCancellations?: CapacityReservationFleetCancellationState[];
  FailedFleetCancellations?: FailedCapacityReservationFleetCancellationResult[];
}

export interface CancelCapacityReservationRequest {
  CapacityReservationId: string;
  DryRun?: boolean;
}

export interface CancelCapacityReservationResult {
  Return?: boolean;
}

export interface CancelConversionRequest {
  DryRun?: boolean;
  ConversionTaskId: string;
  ReasonMessage?: string;
}

export interface CancelDeclarativePoliciesReportRequest {
  DryRun?: boolean;
  ReportId: string;
}

export interface CancelDeclarativePoliciesReportResult {
  Return?: boolean;
}

export interface CancelExportTaskRequest {
  ExportTaskId: string;
}

export interface CancelImageLaunchPermissionRequest {
  ImageId: string;
  DryRun?: boolean;
}

export interface CancelImageLaunchPermissionResult {
  Return?: boolean;
}

export interface CancelImportTaskRequest {
  CancelReason?: string;
  DryRun?: boolean;
  ImportTaskId?: string;
}

export interface CancelImportTaskResult {
  ImportTaskId?: string;
  PreviousState?: string;
  State?: string;
}

export interface CancelReservedInstancesListingRequest {
  ReservedInstancesListingId: string;
}

export interface CancelReservedInstancesListingResult {
  ReservedInstancesListings?: ReservedInstancesListing[];
}

export interface CancelSpotFleetRequestsError {
  Code?: CancelBatchErrorCode;
  Message?: string;
}

export interface CancelSpotFleetRequestsErrorItem {
  Error?: CancelSpotFleetRequestsError;
  SpotFleetRequestId?: string;
}

export interface CancelSpotFleetRequestsRequest {
  DryRun?: boolean;
  SpotFleetRequestIds: string[];
  TerminateInstances: boolean;
}

export interface CancelSpotFleetRequestsResponse {
  SuccessfulFleetRequests?: CancelSpotFleetRequestsSuccessItem[];
  UnsuccessfulFleetRequests?: CancelSpotFleetRequestsErrorItem[];
}

export interface CancelSpotFleetRequestsSuccessItem {
  CurrentSpotFleetRequestState?: BatchState;
  PreviousSpotFleetRequestState?: BatchState;
  SpotFleetRequestId?: string;
}

export type CancelSpotInstanceRequestState = 'active' | 'open' | 'closed' | 'cancelled' | 'completed';

export interface CancelSpotInstanceRequestsRequest {
  DryRun?: boolean;
  SpotInstanceRequestIds: string[];
}

export interface CancelSpotInstanceRequestsResult {
  CancelledSpotInstanceRequests?: CancelledSpotInstanceRequest[];
}

export interface CancelledSpotInstanceRequest {
  SpotInstanceRequestId?: string;
  State?: CancelSpotInstanceRequestState;
}

export interface CapacityAllocation {
  AllocationType?: AllocationType;
  Count?: number;
  AllocationMetadata?: CapacityAllocationMetadataEntry[];
}

export interface CapacityAllocationMetadataEntry {
  Key?: string;
  Value?: string;
}

export interface CapacityBlock {
  CapacityBlockId?: string;
  UltraserverType?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  CapacityReservationIds?: string[];
  StartDate?: number;
  EndDate?: number;
  CreateDate?: number;
  State?: CapacityBlockResourceState;
  Tags?: Tag[];
}

export interface CapacityBlockExtension {
  CapacityReservationId?: string;
  InstanceType?: string;
  InstanceCount?: number;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  CapacityBlockExtensionOfferingId?: string;
  CapacityBlockExtensionDurationHours?: number;
  CapacityBlockExtensionStatus?: CapacityBlockExtensionStatus;
  CapacityBlockExtensionPurchaseDate?: number;
  CapacityBlockExtensionStartDate?: number;
  CapacityBlockExtensionEndDate?: number;
  UpfrontFee?: string;
  CurrencyCode?: string;
  ZoneType?: string;
}

export interface CapacityBlockExtensionOffering {
  CapacityBlockExtensionOfferingId?: string;
  InstanceType?: string;
  InstanceCount?: number;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  StartDate?: number;
  CapacityBlockExtensionStartDate?: number;
  CapacityBlockExtensionEndDate?: number;
  CapacityBlockExtensionDurationHours?: number;
  UpfrontFee?: string;
  CurrencyCode?: string;
  Tenancy?: CapacityReservationTenancy;
  ZoneType?: string;
}

export type CapacityBlockExtensionStatus = 'payment-pending' | 'payment-failed' | 'payment-succeeded';

export type CapacityBlockInterconnectStatus = 'ok' | 'impaired' | 'insufficient-data';

export interface CapacityBlockOffering {
  CapacityBlockOfferingId?: string;
  InstanceType?: string;
  AvailabilityZone?: string;
  InstanceCount?: number;
  StartDate?: number;
  EndDate?: number;
  CapacityBlockDurationHours?: number;
  UpfrontFee?: string;
  CurrencyCode?: string;
  Tenancy?: CapacityReservationTenancy;
  UltraserverType?: string;
  UltraserverCount?: number;
  CapacityBlockDurationMinutes?: number;
  ZoneType?: string;
}

export type CapacityBlockResourceState = 'active' | 'expired' | 'unavailable' | 'cancelled' | 'failed' | 'scheduled' | 'payment-pending' | 'payment-failed';

export interface CapacityBlockStatus {
  CapacityBlockId?: string;
  InterconnectStatus?: CapacityBlockInterconnectStatus;
  TotalCapacity?: number;
  TotalAvailableCapacity?: number;
  TotalUnavailableCapacity?: number;
  CapacityReservationStatuses?: CapacityReservationStatus[];
}

export interface CapacityManagerCondition {
  DimensionCondition?: DimensionCondition;
}

export interface CapacityManagerDataExportResponse {
  CapacityManagerDataExportId?: string;
  S3BucketName?: string;
  S3BucketPrefix?: string;
  Schedule?: Schedule;
  OutputFormat?: OutputFormat;
  CreateTime?: number;
  LatestDeliveryStatus?: CapacityManagerDataExportStatus;
  LatestDeliveryStatusMessage?: string;
  LatestDeliveryS3LocationUri?: string;
  LatestDeliveryTime?: number;
  Tags?: Tag[];
}

export type CapacityManagerDataExportStatus = 'pending' | 'in-progress' | 'delivered' | 'failed';

export interface CapacityManagerDimension {
  ResourceRegion?: string;
  AvailabilityZoneId?: string;
  AccountId?: string;
  AccountName?: string;
  InstanceFamily?: string;
  InstanceType?: string;
  InstancePlatform?: string;
  ReservationArn?: string;
  ReservationId?: string;
  ReservationType?: ReservationType;
  ReservationCreateTimestamp?: number;
  ReservationStartTimestamp?: number;
  ReservationEndTimestamp?: number;
  ReservationEndDateType?: ReservationEndDateType;
  Tenancy?: CapacityTenancy;
  ReservationState?: ReservationState;
  ReservationInstanceMatchCriteria?: string;
  ReservationUnusedFinancialOwner?: string;
  Tags?: CapacityManagerTagDimension[];
}

export interface CapacityManagerMonitoredTagKey {
  TagKey?: string;
  Status?: CapacityManagerMonitoredTagKeyStatus;
  StatusMessage?: string;
  CapacityManagerProvided?: boolean;
  EarliestDatapointTimestamp?: number;
}

export type CapacityManagerMonitoredTagKeyStatus = 'activating' | 'activated' | 'deactivating' | 'suspended';

export type CapacityManagerStatus = 'enabled' | 'disabled';

export interface CapacityManagerTagDimension {
  Key?: string;
  Value?: string;
}

export interface CapacityReservation {
  CapacityReservationId?: string;
  OwnerId?: string;
  CapacityReservationArn?: string;
  AvailabilityZoneId?: string;
  InstanceType?: string;
  InstancePlatform?: CapacityReservationInstancePlatform;
  AvailabilityZone?: string;
  Tenancy?: CapacityReservationTenancy;
  TotalInstanceCount?: number;
  AvailableInstanceCount?: number;
  EbsOptimized?: boolean;
  EphemeralStorage?: boolean;
  State?: CapacityReservationState;
  StartDate?: number;
  EndDate?: number;
  EndDateType?: EndDateType;
  InstanceMatchCriteria?: InstanceMatchCriteria;
  CreateDate?: number;
  Tags?: Tag[];
  OutpostArn?: string;
  CapacityReservationFleetId?: string;
  PlacementGroupArn?: string;
  CapacityAllocations?: CapacityAllocation[];
  ReservationType?: CapacityReservationType;
  UnusedReservationBillingOwnerId?: string;
  CommitmentInfo?: CapacityReservationCommitmentInfo;
  DeliveryPreference?: CapacityReservationDeliveryPreference;
  CapacityBlockId?: string;
  Interruptible?: boolean;
  InterruptibleCapacityAllocation?: InterruptibleCapacityAllocation;
  InterruptionInfo?: InterruptionInfo;
}

export interface CapacityReservationBillingRequest {
  CapacityReservationId?: string;
  RequestedBy?: string;
  UnusedReservationBillingOwnerId?: string;
  LastUpdateTime?: number;
  Status?: CapacityReservationBillingRequestStatus;
  StatusMessage?: string;
  CapacityReservationInfo?: CapacityReservationInfo;
}

export type CapacityReservationBillingRequestStatus = 'pending' | 'accepted' | 'rejected' | 'cancelled' | 'revoked' | 'expired';

export interface CapacityReservationCommitmentInfo {
  CommittedInstanceCount?: number;
  CommitmentEndDate?: number;
}

export type CapacityReservationDeliveryPreference = 'fixed' | 'incremental';

export interface CapacityReservationFleet {
  CapacityReservationFleetId?: string;
  CapacityReservationFleetArn?: string;
  State?: CapacityReservationFleetState;
  TotalTargetCapacity?: number;
  TotalFulfilledCapacity?: number;
  Tenancy?: FleetCapacityReservationTenancy;
  EndDate?: number;
  CreateTime?: number;
  InstanceMatchCriteria?: FleetInstanceMatchCriteria;
  AllocationStrategy?: string;
  InstanceTypeSpecifications?: FleetCapacityReservation[];
  Tags?: Tag[];
}

export interface CapacityReservationFleetCancellationState {
  CurrentFleetState?: CapacityReservationFleetState;
  PreviousFleetState?: CapacityReservationFleetState;
  CapacityReservationFleetId?: string;
}

export type CapacityReservationFleetState = 'submitted' | 'modifying' | 'active' | 'partially_fulfilled' | 'expiring' | 'expired' | 'cancelling' | 'cancelled' | 'failed';

export interface CapacityReservationGroup {
  GroupArn?: string;
  OwnerId?: string;
}

export interface CapacityReservationInfo {
  InstanceType?: string;
  AvailabilityZone?: string;
  Tenancy?: CapacityReservationTenancy;
  AvailabilityZoneId?: string;
}

export type CapacityReservationInstancePlatform = 'Linux/UNIX' | 'Red Hat Enterprise Linux' | 'SUSE Linux' | 'Windows' | 'Windows with SQL Server' | 'Windows with SQL Server Enterprise' | 'Windows with SQL Server Standard' | 'Windows with SQL Server Web' | 'Linux with SQL Server Standard' | 'Linux with SQL Server Web' | 'Linux with SQL Server Enterprise' | 'RHEL with SQL Server Standard' | 'RHEL with SQL Server Enterprise' | 'RHEL with SQL Server Web' | 'RHEL with HA' | 'RHEL with HA and SQL Server Standard' | 'RHEL with HA and SQL Server Enterprise' | 'Ubuntu Pro';

export interface CapacityReservationOptions {
  UsageStrategy?: FleetCapacityReservationUsageStrategy;
}

export interface CapacityReservationOptionsRequest {
  UsageStrategy?: FleetCapacityReservationUsageStrategy;
}

export type CapacityReservationPreference = 'capacity-reservations-only' | 'open' | 'none';

export interface CapacityReservationSpecification {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTarget;
}

export interface CapacityReservationSpecificationResponse {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTargetResponse;
}

export type CapacityReservationState = 'active' | 'expired' | 'cancelled' | 'pending' | 'failed' | 'scheduled' | 'payment-pending' | 'payment-failed' | 'assessing' | 'delayed' | 'unsupported' | 'unavailable';

export interface CapacityReservationStatus {
  CapacityReservationId?: string;
  TotalCapacity?: number;
  TotalAvailableCapacity?: number;
  TotalUnavailableCapacity?: number;
}

export interface CapacityReservationTarget {
  CapacityReservationId?: string;
  CapacityReservationResourceGroupArn?: string;
}

export interface CapacityReservationTargetResponse {
  CapacityReservationId?: string;
  CapacityReservationResourceGroupArn?: string;
}

export type CapacityReservationTenancy = 'default' | 'dedicated';

export interface CapacityReservationTopology {
  CapacityReservationId?: string;
  CapacityBlockId?: string;
  State?: string;
  InstanceType?: string;
  GroupName?: string;
  NetworkNodes?: string[];
  AvailabilityZoneId?: string;
  AvailabilityZone?: string;
}

export type CapacityReservationType = 'default' | 'capacity-block';

export type CapacityTenancy = 'default' | 'dedicated';

export interface CarrierGateway {
  CarrierGatewayId?: string;
  VpcId?: string;
  State?: CarrierGatewayState;
  OwnerId?: string;
  Tags?: Tag[];
}

export type CarrierGatewayState = 'pending' | 'available' | 'deleting' | 'deleted';

export interface CertificateAuthentication {
  ClientRootCertificateChain?: string;
}

export interface CertificateAuthenticationRequest {
  ClientRootCertificateChainArn?: string;
}

export interface CidrAuthorizationContext {
  Message: string;
  Signature: string;
}

export interface CidrBlock {
  CidrBlock?: string;
}

export interface ClassicLinkDnsSupport {
  ClassicLinkDnsSupported?: boolean;
  VpcId?: string;
}

export interface ClassicLinkInstance {
  Groups?: GroupIdentifier[];
  InstanceId?: string;
  Tags?: Tag[];
  VpcId?: string;
}

export interface ClassicLoadBalancer {
  Name?: string;
}

export interface ClassicLoadBalancersConfig {
  ClassicLoadBalancers?: ClassicLoadBalancer[];
}

export interface ClientCertificateRevocationListStatus {
  Code?: ClientCertificateRevocationListStatusCode;
  Message?: string;
}

export type ClientCertificateRevocationListStatusCode = 'pending' | 'active';

export interface ClientConnectOptions {
  Enabled?: boolean;
  LambdaFunctionArn?: string;
}

export interface ClientConnectResponseOptions {
  Enabled?: boolean;
  LambdaFunctionArn?: string;
  Status?: ClientVpnEndpointAttributeStatus;
}

export interface ClientData {
  Comment?: string;
  UploadEnd?: number;
  UploadSize?: number;
  UploadStart?: number;
}

export interface ClientLoginBannerOptions {
  Enabled?: boolean;
  BannerText?: string;
}

export interface ClientLoginBannerResponseOptions {
  Enabled?: boolean;
  BannerText?: string;
}

export interface ClientRouteEnforcementOptions {
  Enforced?: boolean;
}

export interface ClientRouteEnforcementResponseOptions {
  Enforced?: boolean;
}

export interface ClientVpnAuthentication {
  Type?: ClientVpnAuthenticationType;
  ActiveDirectory?: DirectoryServiceAuthentication;
  MutualAuthentication?: CertificateAuthentication;
  FederatedAuthentication?: FederatedAuthentication;
}

export interface ClientVpnAuthenticationRequest {
  Type?: ClientVpnAuthenticationType;
  ActiveDirectory?: DirectoryServiceAuthenticationRequest;
  MutualAuthentication?: CertificateAuthenticationRequest;
  FederatedAuthentication?: FederatedAuthenticationRequest;
}

export type ClientVpnAuthenticationType = 'certificate-authentication' | 'directory-service-authentication' | 'federated-authentication';

export interface ClientVpnAuthorizationRuleStatus {
  Code?: ClientVpnAuthorizationRuleStatusCode;
  Message?: string;
}

export type ClientVpnAuthorizationRuleStatusCode = 'authorizing' | 'active' | 'failed' | 'revoking';

export interface ClientVpnConnection {
  ClientVpnEndpointId?: string;
  Timestamp?: string;
  ConnectionId?: string;
  Username?: string;
  ConnectionEstablishedTime?: string;
  IngressBytes?: string;
  EgressBytes?: string;
  IngressPackets?: string;
  EgressPackets?: string;
  ClientIp?: string;
  ClientIpv6Address?: string;
  CommonName?: string;
  Status?: ClientVpnConnectionStatus;
  ConnectionEndTime?: string;
  PostureComplianceStatuses?: string[];
}

export interface ClientVpnConnectionStatus {
  Code?: ClientVpnConnectionStatusCode;
  Message?: string;
}

export type ClientVpnConnectionStatusCode = 'active' | 'failed-to-terminate' | 'terminating' | 'terminated';

export interface ClientVpnEndpoint {
  ClientVpnEndpointId?: string;
  Description?: string;
  Status?: ClientVpnEndpointStatus;
  CreationTime?: string;
  DeletionTime?: string;
  DnsName?: string;
  ClientCidrBlock?: string;
  DnsServers?: string[];
  SplitTunnel?: boolean;
  VpnProtocol?: VpnProtocol;
  TransportProtocol?: TransportProtocol;
  VpnPort?: number;
  AssociatedTargetNetworks?: AssociatedTargetNetwork[];
  ServerCertificateArn?: string;
  AuthenticationOptions?: ClientVpnAuthentication[];
  ConnectionLogOptions?: ConnectionLogResponseOptions;
  Tags?: Tag[];
  SecurityGroupIds?: string[];
  VpcId?: string;
  SelfServicePortalUrl?: string;
  ClientConnectOptions?: ClientConnectResponseOptions;
  SessionTimeoutHours?: number;
  ClientLoginBannerOptions?: ClientLoginBannerResponseOptions;
  ClientRouteEnforcementOptions?: ClientRouteEnforcementResponseOptions;
  DisconnectOnSessionTimeout?: boolean;
  EndpointIpAddressType?: EndpointIpAddressType;
  TrafficIpAddressType?: TrafficIpAddressType;
  TransitGatewayConfiguration?: TransitGatewayConfigurationDescribeEndpointStructure;
}

export interface ClientVpnEndpointAttributeStatus {
  Code?: ClientVpnEndpointAttributeStatusCode;
  Message?: string;
}

export type ClientVpnEndpointAttributeStatusCode = 'applying' | 'applied';

export interface ClientVpnEndpointStatus {
  Code?: ClientVpnEndpointStatusCode;
  Message?: string;
}

export type ClientVpnEndpointStatusCode = 'pending-associate' | 'available' | 'deleting' | 'deleted' | 'pending';

export interface ClientVpnRoute {
  ClientVpnEndpointId?: string;
  DestinationCidr?: string;
  TargetSubnet?: string;
  Type?: string;
  Origin?: string;
  Status?: ClientVpnRouteStatus;
  Description?: string;
  TransitGatewayAttachmentId?: string;
}

export interface ClientVpnRouteStatus {
  Code?: ClientVpnRouteStatusCode;
  Message?: string;
}

export type ClientVpnRouteStatusCode = 'creating' | 'active' | 'failed' | 'deleting';

export interface CloudWatchLogOptions {
  LogEnabled?: boolean;
  LogGroupArn?: string;
  LogOutputFormat?: string;
  BgpLogEnabled?: boolean;
  BgpLogGroupArn?: string;
  BgpLogOutputFormat?: string;
}

export interface CloudWatchLogOptionsSpecification {
  LogEnabled?: boolean;
  LogGroupArn?: string;
  LogOutputFormat?: string;
  BgpLogEnabled?: boolean;
  BgpLogGroupArn?: string;
  BgpLogOutputFormat?: string;
}

export interface CoipAddressUsage {
  AllocationId?: string;
  AwsAccountId?: string;
  AwsService?: string;
  CoIp?: string;
}

export interface CoipCidr {
  Cidr?: string;
  CoipPoolId?: string;
  LocalGatewayRouteTableId?: string;
}

export interface CoipPool {
  PoolId?: string;
  PoolCidrs?: string[];
  LocalGatewayRouteTableId?: string;
  Tags?: Tag[];
  PoolArn?: string;
}

export type Comparison = 'equals' | 'in';

export interface ConfirmProductInstanceRequest {
  InstanceId: string;
  ProductCode: string;
  DryRun?: boolean;
}

export interface ConfirmProductInstanceResult {
  Return?: boolean;
  OwnerId?: string;
}

export interface ConnectionLogOptions {
  Enabled?: boolean;
  CloudwatchLogGroup?: string;
  CloudwatchLogStream?: string;
}

export interface ConnectionLogResponseOptions {
  Enabled?: boolean;
  CloudwatchLogGroup?: string;
  CloudwatchLogStream?: string;
}

export interface ConnectionNotification {
  ConnectionNotificationId?: string;
  ServiceId?: string;
  VpcEndpointId?: string;
  ConnectionNotificationType?: ConnectionNotificationType;
  ConnectionNotificationArn?: string;
  ConnectionEvents?: string[];
  ConnectionNotificationState?: ConnectionNotificationState;
  ServiceRegion?: string;
}

export type ConnectionNotificationState = 'Enabled' | 'Disabled';

export type ConnectionNotificationType = 'Topic';

export interface ConnectionTrackingConfiguration {
  TcpEstablishedTimeout?: number;
  UdpStreamTimeout?: number;
  UdpTimeout?: number;
}

export interface ConnectionTrackingSpecification {
  TcpEstablishedTimeout?: number;
  UdpTimeout?: number;
  UdpStreamTimeout?: number;
}

export interface ConnectionTrackingSpecificationRequest {
  TcpEstablishedTimeout?: number;
  UdpStreamTimeout?: number;
  UdpTimeout?: number;
}

export interface ConnectionTrackingSpecificationResponse {
  TcpEstablishedTimeout?: number;
  UdpStreamTimeout?: number;
  UdpTimeout?: number;
}

export type ConnectivityType = 'private' | 'public';

export type ContainerFormat = 'ova';

export interface ConversionTask {
  ConversionTaskId?: string;
  ExpirationTime?: string;
  ImportInstance?: ImportInstanceTaskDetails;
  ImportVolume?: ImportVolumeTaskDetails;
  State?: ConversionTaskState;
  StatusMessage?: string;
  Tags?: Tag[];
}

export type ConversionTaskState = 'active' | 'cancelling' | 'cancelled' | 'completed';

export interface CopyFpgaImageRequest {
  DryRun?: boolean;
  SourceFpgaImageId: string;
  Description?: string;
  Name?: string;
  SourceRegion: string;
  ClientToken?: string;
}

export interface CopyFpgaImageResult {
  FpgaImageId?: string;
}

export interface CopyImageRequest {
  ClientToken?: string;
  Description?: string;
  Encrypted?: boolean;
  KmsKeyId?: string;
  Name: string;
  SourceImageId: string;
  SourceRegion: string;
  DestinationOutpostArn?: string;
  CopyImageTags?: boolean;
  TagSpecifications?: TagSpecification[];
  SnapshotCopyCompletionDurationMinutes?: number;
  DestinationAvailabilityZone?: string;
  DestinationAvailabilityZoneId?: string;
  DryRun?: boolean;
}

export interface CopyImageResult {
  ImageId?: string;
}

export interface CopySnapshotRequest {
  Description?: string;
  DestinationOutpostArn?: string;
  DestinationRegion?: string;
  Encrypted?: boolean;
  KmsKeyId?: string;
  PresignedUrl?: string;
  SourceRegion: string;
  SourceSnapshotId: string;
  TagSpecifications?: TagSpecification[];
  CompletionDurationMinutes?: number;
  DestinationAvailabilityZone?: string;
  DryRun?: boolean;
}

export interface CopySnapshotResult {
  Tags?: Tag[];
  SnapshotId?: string;
}

export type CopyTagsFromSource = 'volume';

export interface CopyVolumesRequest {
  SourceVolumeId: string;
  Iops?: number;
  Size?: number;
  VolumeType?: VolumeType;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
  MultiAttachEnabled?: boolean;
  Throughput?: number;
  ClientToken?: string;
}

export interface CopyVolumesResult {
  Volumes?: Volume[];
}

export type CpuManufacturer = 'intel' | 'amd' | 'amazon-web-services' | 'apple';

export interface CpuOptions {
  CoreCount?: number;
  ThreadsPerCore?: number;
  AmdSevSnp?: AmdSevSnpSpecification;
  NestedVirtualization?: NestedVirtualizationSpecification;
}

export interface CpuOptionsRequest {
  CoreCount?: number;
  ThreadsPerCore?: number;
  AmdSevSnp?: AmdSevSnpSpecification;
  NestedVirtualization?: NestedVirtualizationSpecification;
}

export interface CpuPerformanceFactor {
  References?: PerformanceFactorReference[];
}

export interface CpuPerformanceFactorRequest {
  References?: PerformanceFactorReferenceRequest[];
}

export interface CreateCapacityManagerDataExportRequest {
  S3BucketName: string;
  S3BucketPrefix?: string;
  Schedule: Schedule;
  OutputFormat: OutputFormat;
  ClientToken?: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
}

export interface CreateCapacityManagerDataExportResult {
  CapacityManagerDataExportId?: string;
}

export interface CreateCapacityReservationBySplittingRequest {
  DryRun?: boolean;
  ClientToken?: string;
  SourceCapacityReservationId: string;
  InstanceCount: number;
  TagSpecifications?: TagSpecification[];
}

export interface CreateCapacityReservationBySplittingResult {
  SourceCapacityReservation?: CapacityReservation;
  DestinationCapacityReservation?: CapacityReservation;
  InstanceCount?: number;
}

export interface CreateCapacityReservationFleetRequest {
  AllocationStrategy?: string;
  ClientToken?: string;
  InstanceTypeSpecifications: ReservationFleetInstanceSpecification[];
  Tenancy?: FleetCapacityReservationTenancy;
  TotalTargetCapacity: number;
  EndDate?: number;
  InstanceMatchCriteria?: FleetInstanceMatchCriteria;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateCapacityReservationFleetResult {
  CapacityReservationFleetId?: string;
  State?: CapacityReservationFleetState;
  TotalTargetCapacity?: number;
  TotalFulfilledCapacity?: number;
  InstanceMatchCriteria?: FleetInstanceMatchCriteria;
  AllocationStrategy?: string;
  CreateTime?: number;
  EndDate?: number;
  Tenancy?: FleetCapacityReservationTenancy;
  FleetCapacityReservations?: FleetCapacityReservation[];
  Tags?: Tag[];
}

export interface CreateCapacityReservationRequest {
  ClientToken?: string;
  InstanceType: string;
  InstancePlatform: CapacityReservationInstancePlatform;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Tenancy?: CapacityReservationTenancy;
  InstanceCount: number;
  EbsOptimized?: boolean;
  EphemeralStorage?: boolean;
  EndDate?: number;
  EndDateType?: EndDateType;
  InstanceMatchCriteria?: InstanceMatchCriteria;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  OutpostArn?: string;
  PlacementGroupArn?: string;
  StartDate?: number;
  CommitmentDuration?: number;
  DeliveryPreference?: CapacityReservationDeliveryPreference;
}

export interface CreateCapacityReservationResult {
  CapacityReservation?: CapacityReservation;
}

export interface CreateCarrierGatewayRequest {
  VpcId: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  ClientToken?: string;
}

export interface CreateCarrierGatewayResult {
  CarrierGateway?: CarrierGateway;
}

export interface CreateClientVpnEndpointRequest {
  ClientCidrBlock?: string;
  ServerCertificateArn: string;
  AuthenticationOptions: ClientVpnAuthenticationRequest[];
  ConnectionLogOptions: ConnectionLogOptions;
  DnsServers?: string[];
  TransportProtocol?: TransportProtocol;
  VpnPort?: number;
  Description?: string;
  SplitTunnel?: boolean;
  DryRun?: boolean;
  ClientToken?: string;
  TagSpecifications?: TagSpecification[];
  SecurityGroupIds?: string[];
  VpcId?: string;
  SelfServicePortal?: SelfServicePortal;
  ClientConnectOptions?: ClientConnectOptions;
  SessionTimeoutHours?: number;
  ClientLoginBannerOptions?: ClientLoginBannerOptions;
  ClientRouteEnforcementOptions?: ClientRouteEnforcementOptions;
  DisconnectOnSessionTimeout?: boolean;
  EndpointIpAddressType?: EndpointIpAddressType;
  TrafficIpAddressType?: TrafficIpAddressType;
  TransitGatewayConfiguration?: TransitGatewayConfigurationInputStructure;
}

export interface CreateClientVpnEndpointResult {
  ClientVpnEndpointId?: string;
  Status?: ClientVpnEndpointStatus;
  DnsName?: string;
}

export interface CreateClientVpnRouteRequest {
  ClientVpnEndpointId: string;
  DestinationCidrBlock: string;
  TargetVpcSubnetId?: string;
  Description?: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface CreateClientVpnRouteResult {
  Status?: ClientVpnRouteStatus;
}

export interface CreateCoipCidrRequest {
  Cidr: string;
  CoipPoolId: string;
  DryRun?: boolean;
}

export interface CreateCoipCidrResult {
  CoipCidr?: CoipCidr;
}

export interface CreateCoipPoolRequest {
  LocalGatewayRouteTableId: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateCoipPoolResult {
  CoipPool?: CoipPool;
}

export interface CreateCustomerGatewayRequest {
  BgpAsn?: number;
  PublicIp?: string;
  CertificateArn?: string;
  Type: GatewayType;
  TagSpecifications?: TagSpecification[];
  DeviceName?: string;
  IpAddress?: string;
  BgpAsnExtended?: number;
  DryRun?: boolean;
}

export interface CreateCustomerGatewayResult {
  CustomerGateway?: CustomerGateway;
}

export interface CreateDefaultSubnetRequest {
  AvailabilityZone?: string;
  DryRun?: boolean;
  Ipv6Native?: boolean;
  AvailabilityZoneId?: string;
}

export interface CreateDefaultSubnetResult {
  Subnet?: Subnet;
}

export interface CreateDefaultVpcRequest {
  DryRun?: boolean;
}

export interface CreateDefaultVpcResult {
  Vpc?: Vpc;
}

export interface CreateDelegateMacVolumeOwnershipTaskRequest {
  ClientToken?: string;
  DryRun?: boolean;
  InstanceId: string;
  MacCredentials: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateDelegateMacVolumeOwnershipTaskResult {
  MacModificationTask?: MacModificationTask;
}

export interface CreateDhcpOptionsRequest {
  DhcpConfigurations: NewDhcpConfiguration[];
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateDhcpOptionsResult {
  DhcpOptions?: DhcpOptions;
}

export interface CreateEgressOnlyInternetGatewayRequest {
  ClientToken?: string;
  DryRun?: boolean;
  VpcId: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateEgressOnlyInternetGatewayResult {
  ClientToken?: string;
  EgressOnlyInternetGateway?: EgressOnlyInternetGateway;
}

export interface CreateFleetError {
  LaunchTemplateAndOverrides?: LaunchTemplateAndOverridesResponse;
  Lifecycle?: InstanceLifecycle;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface CreateFleetInstance {
  LaunchTemplateAndOverrides?: LaunchTemplateAndOverridesResponse;
  Lifecycle?: InstanceLifecycle;
  InstanceIds?: string[];
  InstanceType?: InstanceType_;
  Platform?: PlatformValues;
}

export interface CreateFleetRequest {
  DryRun?: boolean;
  ClientToken?: string;
  SpotOptions?: SpotOptionsRequest;
  OnDemandOptions?: OnDemandOptionsRequest;
  ReservedCapacityOptions?: ReservedCapacityOptionsRequest;
  ExcessCapacityTerminationPolicy?: FleetExcessCapacityTerminationPolicy;
  LaunchTemplateConfigs: FleetLaunchTemplateConfigRequest[];
  TargetCapacitySpecification: TargetCapacitySpecificationRequest;
  TerminateInstancesWithExpiration?: boolean;
  Type?: FleetType;
  ValidFrom?: number;
  ValidUntil?: number;
  ReplaceUnhealthyInstances?: boolean;
  TagSpecifications?: TagSpecification[];
  Context?: string;
}

export interface CreateFleetResult {
  FleetId?: string;
  Errors?: CreateFleetError[];
  Instances?: CreateFleetInstance[];
}

export interface CreateFlowLogsRequest {
  DryRun?: boolean;
  ClientToken?: string;
  DeliverLogsPermissionArn?: string;
  DeliverCrossAccountRole?: string;
  LogGroupName?: string;
  ResourceIds: string[];
  ResourceType: FlowLogsResourceType;
  TrafficType?: TrafficType;
  LogDestinationType?: LogDestinationType;
  LogDestination?: string;
  LogFormat?: string;
  TagSpecifications?: TagSpecification[];
  MaxAggregationInterval?: number;
  DestinationOptions?: DestinationOptionsRequest;
}

export interface CreateFlowLogsResult {
  ClientToken?: string;
  FlowLogIds?: string[];
  Unsuccessful?: UnsuccessfulItem[];
}

export interface CreateFpgaImageRequest {
  DryRun?: boolean;
  InputStorageLocation: StorageLocation;
  LogsStorageLocation?: StorageLocation;
  Description?: string;
  Name?: string;
  ClientToken?: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateFpgaImageResult {
  FpgaImageId?: string;
  FpgaImageGlobalId?: string;
}

export interface CreateImageRequest {
  TagSpecifications?: TagSpecification[];
  SnapshotLocation?: SnapshotLocationEnum;
  DryRun?: boolean;
  InstanceId: string;
  Name: string;
  Description?: string;
  NoReboot?: boolean;
  BlockDeviceMappings?: BlockDeviceMapping[];
}

export interface CreateImageResult {
  ImageId?: string;
}

export interface CreateImageUsageReportRequest {
  ImageId: string;
  DryRun?: boolean;
  ResourceTypes: ImageUsageResourceTypeRequest[];
  AccountIds?: string[];
  ClientToken?: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateImageUsageReportResult {
  ReportId?: string;
}

export interface CreateInstanceConnectEndpointRequest {
  DryRun?: boolean;
  SubnetId: string;
  SecurityGroupIds?: string[];
  PreserveClientIp?: boolean;
  ClientToken?: string;
  TagSpecifications?: TagSpecification[];
  IpAddressType?: IpAddressType;
}

export interface CreateInstanceConnectEndpointResult {
  InstanceConnectEndpoint?: Ec2InstanceConnectEndpoint;
  ClientToken?: string;
}

export interface CreateInstanceEventWindowRequest {
  DryRun?: boolean;
  Name?: string;
  TimeRanges?: InstanceEventWindowTimeRangeRequest[];
  CronExpression?: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateInstanceEventWindowResult {
  InstanceEventWindow?: InstanceEventWindow;
}

export interface CreateInstanceExportTaskRequest {
  TagSpecifications?: TagSpecification[];
  Description?: string;
  InstanceId: string;
  TargetEnvironment: ExportEnvironment;
  ExportToS3Task: ExportToS3TaskSpecification;
}

export interface CreateInstanceExportTaskResult {
  ExportTask?: ExportTask;
}

export interface CreateInternetGatewayRequest {
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateInternetGatewayResult {
  InternetGateway?: InternetGateway;
}

export interface CreateInterruptibleCapacityReservationAllocationRequest {
  CapacityReservationId: string;
  InstanceCount: number;
  ClientToken?: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
}

export interface CreateInterruptibleCapacityReservationAllocationResult {
  SourceCapacityReservationId?: string;
  TargetInstanceCount?: number;
  Status?: InterruptibleCapacityReservationAllocationStatus;
  InterruptionType?: InterruptionType;
}

export interface CreateIpamExternalResourceVerificationTokenRequest {
  DryRun?: boolean;
  IpamId: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
}

export interface CreateIpamExternalResourceVerificationTokenResult {
  IpamExternalResourceVerificationToken?: IpamExternalResourceVerificationToken;
}

export interface CreateIpamPolicyRequest {
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  IpamId: string;
}

export interface CreateIpamPolicyResult {
  IpamPolicy?: IpamPolicy;
}

export interface CreateIpamPoolRequest {
  DryRun?: boolean;
  IpamScopeId: string;
  Locale?: string;
  SourceIpamPoolId?: string;
  Description?: string;
  AddressFamily: AddressFamily;
  AutoImport?: boolean;
  PubliclyAdvertisable?: boolean;
  AllocationMinNetmaskLength?: number;
  AllocationMaxNetmaskLength?: number;
  AllocationDefaultNetmaskLength?: number;
  AllocationResourceTags?: RequestIpamResourceTag[];
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  AwsService?: IpamPoolAwsService;
  PublicIpSource?: IpamPoolPublicIpSource;
  SourceResource?: IpamPoolSourceResourceRequest;
}

export interface CreateIpamPoolResult {
  IpamPool?: IpamPool;
}

export interface CreateIpamPrefixListResolverRequest {
  DryRun?: boolean;
  IpamId: string;
  Description?: string;
  AddressFamily: AddressFamily;
  Rules?: IpamPrefixListResolverRuleRequest[];
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
}

export interface CreateIpamPrefixListResolverResult {
  IpamPrefixListResolver?: IpamPrefixListResolver;
}

export interface CreateIpamPrefixListResolverTargetRequest {
  DryRun?: boolean;
  IpamPrefixListResolverId: string;
  PrefixListId: string;
  PrefixListRegion: string;
  DesiredVersion?: number;
  TrackLatestVersion: boolean;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
}

export interface CreateIpamPrefixListResolverTargetResult {
  IpamPrefixListResolverTarget?: IpamPrefixListResolverTarget;
}

export interface CreateIpamRequest {
  DryRun?: boolean;
  Description?: string;
  OperatingRegions?: AddIpamOperatingRegion[];
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  Tier?: IpamTier;
  EnablePrivateGua?: boolean;
  MeteredAccount?: IpamMeteredAccount;
}

export interface CreateIpamResourceDiscoveryRequest {
  DryRun?: boolean;
  Description?: string;
  OperatingRegions?: AddIpamOperatingRegion[];
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
}

export interface CreateIpamResourceDiscoveryResult {
  IpamResourceDiscovery?: IpamResourceDiscovery;
}

export interface CreateIpamResult {
  Ipam?: Ipam;
}

export interface CreateIpamScopeRequest {
  DryRun?: boolean;
  IpamId: string;
  Description?: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  ExternalAuthorityConfiguration?: ExternalAuthorityConfiguration;
}

export interface CreateIpamScopeResult {
  IpamScope?: IpamScope;
}

export interface CreateKeyPairRequest {
  KeyName: string;
  KeyType?: KeyType;
  TagSpecifications?: TagSpecification[];
  KeyFormat?: KeyFormat;
  DryRun?: boolean;
}

export interface CreateLaunchTemplateRequest {
  DryRun?: boolean;
  ClientToken?: string;
  LaunchTemplateName: string;
  VersionDescription?: string;
  LaunchTemplateData: RequestLaunchTemplateData;
  Operator?: OperatorRequest;
  TagSpecifications?: TagSpecification[];
}

export interface CreateLaunchTemplateResult {
  LaunchTemplate?: LaunchTemplate;
  Warning?: ValidationWarning;
}

export interface CreateLaunchTemplateVersionRequest {
  DryRun?: boolean;
  ClientToken?: string;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  SourceVersion?: string;
  VersionDescription?: string;
  LaunchTemplateData: RequestLaunchTemplateData;
  ResolveAlias?: boolean;
}

export interface CreateLaunchTemplateVersionResult {
  LaunchTemplateVersion?: LaunchTemplateVersion;
  Warning?: ValidationWarning;
}

export interface CreateLocalGatewayRouteRequest {
  DestinationCidrBlock?: string;
  LocalGatewayRouteTableId: string;
  LocalGatewayVirtualInterfaceGroupId?: string;
  DryRun?: boolean;
  NetworkInterfaceId?: string;
  DestinationPrefixListId?: string;
}

export interface CreateLocalGatewayRouteResult {
  Route?: LocalGatewayRoute;
}

export interface CreateLocalGatewayRouteTableRequest {
  LocalGatewayId: string;
  Mode?: LocalGatewayRouteTableMode;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateLocalGatewayRouteTableResult {
  LocalGatewayRouteTable?: LocalGatewayRouteTable;
}

export interface CreateLocalGatewayRouteTableVirtualInterfaceGroupAssociationRequest {
  LocalGatewayRouteTableId: string;
  LocalGatewayVirtualInterfaceGroupId: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateLocalGatewayRouteTableVirtualInterfaceGroupAssociationResult {
  LocalGatewayRouteTableVirtualInterfaceGroupAssociation?: LocalGatewayRouteTableVirtualInterfaceGroupAssociation;
}

export interface CreateLocalGatewayRouteTableVpcAssociationRequest {
  LocalGatewayRouteTableId: string;
  VpcId: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateLocalGatewayRouteTableVpcAssociationResult {
  LocalGatewayRouteTableVpcAssociation?: LocalGatewayRouteTableVpcAssociation;
}

export interface CreateLocalGatewayVirtualInterfaceGroupRequest {
  LocalGatewayId: string;
  LocalBgpAsn?: number;
  LocalBgpAsnExtended?: number;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateLocalGatewayVirtualInterfaceGroupResult {
  LocalGatewayVirtualInterfaceGroup?: LocalGatewayVirtualInterfaceGroup;
}

export interface CreateLocalGatewayVirtualInterfaceRequest {
  LocalGatewayVirtualInterfaceGroupId: string;
  OutpostLagId: string;
  Vlan: number;
  LocalAddress: string;
  PeerAddress: string;
  PeerBgpAsn?: number;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  PeerBgpAsnExtended?: number;
}

export interface CreateLocalGatewayVirtualInterfaceResult {
  LocalGatewayVirtualInterface?: LocalGatewayVirtualInterface;
}

export interface CreateMacSystemIntegrityProtectionModificationTaskRequest {
  ClientToken?: string;
  DryRun?: boolean;
  InstanceId: string;
  MacCredentials?: string;
  MacSystemIntegrityProtectionConfiguration?: MacSystemIntegrityProtectionConfigurationRequest;
  MacSystemIntegrityProtectionStatus: MacSystemIntegrityProtectionSettingStatus;
  TagSpecifications?: TagSpecification[];
}

export interface CreateMacSystemIntegrityProtectionModificationTaskResult {
  MacModificationTask?: MacModificationTask;
}

export interface CreateManagedPrefixListRequest {
  DryRun?: boolean;
  PrefixListName: string;
  Entries?: AddPrefixListEntry[];
  MaxEntries: number;
  TagSpecifications?: TagSpecification[];
  AddressFamily: string;
  ClientToken?: string;
}

export interface CreateManagedPrefixListResult {
  PrefixList?: ManagedPrefixList;
}

export interface CreateNatGatewayRequest {
  AvailabilityMode?: AvailabilityMode;
  AllocationId?: string;
  ClientToken?: string;
  DryRun?: boolean;
  SubnetId?: string;
  VpcId?: string;
  AvailabilityZoneAddresses?: AvailabilityZoneAddress[];
  TagSpecifications?: TagSpecification[];
  ConnectivityType?: ConnectivityType;
  PrivateIpAddress?: string;
  SecondaryAllocationIds?: string[];
  SecondaryPrivateIpAddresses?: string[];
  SecondaryPrivateIpAddressCount?: number;
}

export interface CreateNatGatewayResult {
  ClientToken?: string;
  NatGateway?: NatGateway;
}

export interface CreateNetworkAclEntryRequest {
  DryRun?: boolean;
  NetworkAclId: string;
  RuleNumber: number;
  Protocol: string;
  RuleAction: RuleAction;
  Egress: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  IcmpTypeCode?: IcmpTypeCode;
  PortRange?: PortRange;
}

export interface CreateNetworkAclRequest {
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  DryRun?: boolean;
  VpcId: string;
}

export interface CreateNetworkAclResult {
  NetworkAcl?: NetworkAcl;
  ClientToken?: string;
}

export interface CreateNetworkInsightsAccessScopeRequest {
  MatchPaths?: AccessScopePathRequest[];
  ExcludePaths?: AccessScopePathRequest[];
  ClientToken: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateNetworkInsightsAccessScopeResult {
  NetworkInsightsAccessScope?: NetworkInsightsAccessScope;
  NetworkInsightsAccessScopeContent?: NetworkInsightsAccessScopeContent;
}

export interface CreateNetworkInsightsPathRequest {
  SourceIp?: string;
  DestinationIp?: string;
  Source: string;
  Destination?: string;
  Protocol: Protocol;
  DestinationPort?: number;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  ClientToken: string;
  FilterAtSource?: PathRequestFilter;
  FilterAtDestination?: PathRequestFilter;
}

export interface CreateNetworkInsightsPathResult {
  NetworkInsightsPath?: NetworkInsightsPath;
}

export interface CreateNetworkInterfacePermissionRequest {
  NetworkInterfaceId: string;
  AwsAccountId?: string;
  AwsService?: string;
  Permission: InterfacePermissionType;
  DryRun?: boolean;
}

export interface CreateNetworkInterfacePermissionResult {
  InterfacePermission?: NetworkInterfacePermission;
}

export interface CreateNetworkInterfaceRequest {
  Ipv4Prefixes?: Ipv4PrefixSpecificationRequest[];
  Ipv4PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixSpecificationRequest[];
  Ipv6PrefixCount?: number;
  InterfaceType?: NetworkInterfaceCreationType;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  EnablePrimaryIpv6?: boolean;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  Operator?: OperatorRequest;
  SubnetId: string;
  Description?: string;
  PrivateIpAddress?: string;
  Groups?: string[];
  PrivateIpAddresses?: PrivateIpAddressSpecification[];
  SecondaryPrivateIpAddressCount?: number;
  Ipv6Addresses?: InstanceIpv6Address[];
  Ipv6AddressCount?: number;
  DryRun?: boolean;
}

export interface CreateNetworkInterfaceResult {
  NetworkInterface?: NetworkInterface;
  ClientToken?: string;
}

export interface CreatePlacementGroupRequest {
  PartitionCount?: number;
  TagSpecifications?: TagSpecification[];
  SpreadLevel?: SpreadLevel;
  LinkedGroupId?: string;
  Operator?: OperatorRequest;
  DryRun?: boolean;
  GroupName?: string;
  Strategy?: PlacementStrategy;
}

export interface CreatePlacementGroupResult {
  PlacementGroup?: PlacementGroup;
}

export interface CreatePublicIpv4PoolRequest {
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
  NetworkBorderGroup?: string;
}

export interface CreatePublicIpv4PoolResult {
  PoolId?: string;
}

export interface CreateReplaceRootVolumeTaskRequest {
  InstanceId: string;
  SnapshotId?: string;
  ClientToken?: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
  ImageId?: string;
  DeleteReplacedRootVolume?: boolean;
  VolumeInitializationRate?: number;
}

export interface CreateReplaceRootVolumeTaskResult {
  ReplaceRootVolumeTask?: ReplaceRootVolumeTask;
}

export interface CreateReservedInstancesListingRequest {
  ReservedInstancesId: string;
  InstanceCount: number;
  PriceSchedules: PriceScheduleSpecification[];
  ClientToken: string;
}

export interface CreateReservedInstancesListingResult {
  ReservedInstancesListings?: ReservedInstancesListing[];
}

export interface CreateRestoreImageTaskRequest {
  Bucket: string;
  ObjectKey: string;
  Name?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateRestoreImageTaskResult {
  ImageId?: string;
}

export interface CreateRouteRequest {
  DestinationPrefixListId?: string;
  VpcEndpointId?: string;
  TransitGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  OdbNetworkArn?: string;
  DryRun?: boolean;
  RouteTableId: string;
  DestinationCidrBlock?: string;
  GatewayId?: string;
  DestinationIpv6CidrBlock?: string;
  EgressOnlyInternetGatewayId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  VpcPeeringConnectionId?: string;
  NatGatewayId?: string;
}

export interface CreateRouteResult {
  Return?: boolean;
}

export interface CreateRouteServerEndpointRequest {
  RouteServerId: string;
  SubnetId: string;
  ClientToken?: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
}

export interface CreateRouteServerEndpointResult {
  RouteServerEndpoint?: RouteServerEndpoint;
}

export interface CreateRouteServerPeerRequest {
  RouteServerEndpointId: string;
  PeerAddress: string;
  BgpOptions: RouteServerBgpOptionsRequest;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
}

export interface CreateRouteServerPeerResult {
  RouteServerPeer?: RouteServerPeer;
}

export interface CreateRouteServerRequest {
  AmazonSideAsn: number;
  ClientToken?: string;
  DryRun?: boolean;
  PersistRoutes?: RouteServerPersistRoutesAction;
  PersistRoutesDuration?: number;
  SnsNotificationsEnabled?: boolean;
  TagSpecifications?: TagSpecification[];
}

export interface CreateRouteServerResult {
  RouteServer?: RouteServer;
}

export interface CreateRouteTableRequest {
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  DryRun?: boolean;
  VpcId: string;
}

export interface CreateRouteTableResult {
  RouteTable?: RouteTable;
  ClientToken?: string;
}

export interface CreateSecondaryNetworkRequest {
  ClientToken?: string;
  DryRun?: boolean;
  Ipv4CidrBlock: string;
  NetworkType: SecondaryNetworkType;
  TagSpecifications?: TagSpecification[];
}

export interface CreateSecondaryNetworkResult {
  SecondaryNetwork?: SecondaryNetwork;
  ClientToken?: string;
}

export interface CreateSecondarySubnetRequest {
  ClientToken?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  DryRun?: boolean;
  Ipv4CidrBlock: string;
  SecondaryNetworkId: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateSecondarySubnetResult {
  SecondarySubnet?: SecondarySubnet;
  ClientToken?: string;
}

export interface CreateSecurityGroupRequest {
  Description: string;
  GroupName: string;
  VpcId?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateSecurityGroupResult {
  GroupId?: string;
  Tags?: Tag[];
  SecurityGroupArn?: string;
}

export interface CreateSnapshotRequest {
  Description?: string;
  OutpostArn?: string;
  VolumeId: string;
  TagSpecifications?: TagSpecification[];
  Location?: SnapshotLocationEnum;
  DryRun?: boolean;
}

export interface CreateSnapshotsRequest {
  Description?: string;
  InstanceSpecification: InstanceSpecification;
  OutpostArn?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  CopyTagsFromSource?: CopyTagsFromSource;
  Location?: SnapshotLocationEnum;
}

export interface CreateSnapshotsResult {
  Snapshots?: SnapshotInfo[];
}

export interface CreateSpotDatafeedSubscriptionRequest {
  DryRun?: boolean;
  Bucket: string;
  Prefix?: string;
}

export interface CreateSpotDatafeedSubscriptionResult {
  SpotDatafeedSubscription?: SpotDatafeedSubscription;
}

export interface CreateStoreImageTaskRequest {
  ImageId: string;
  Bucket: string;
  S3ObjectTags?: S3ObjectTag[];
  DryRun?: boolean;
}

export interface CreateStoreImageTaskResult {
  ObjectKey?: string;
}

export interface CreateSubnetCidrReservationRequest {
  SubnetId: string;
  Cidr: string;
  ReservationType: SubnetCidrReservationType;
  Description?: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
}

export interface CreateSubnetCidrReservationResult {
  SubnetCidrReservation?: SubnetCidrReservation;
}

export interface CreateSubnetRequest {
  TagSpecifications?: TagSpecification[];
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  OutpostArn?: string;
  VpcId: string;
  Ipv6Native?: boolean;
  Ipv4IpamPoolId?: string;
  Ipv4NetmaskLength?: number;
  Ipv6IpamPoolId?: string;
  Ipv6NetmaskLength?: number;
  DryRun?: boolean;
}

export interface CreateSubnetResult {
  Subnet?: Subnet;
}

export interface CreateTagsRequest {
  DryRun?: boolean;
  Resources: string[];
  Tags: Tag[];
}

export interface CreateTrafficMirrorFilterRequest {
  Description?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  ClientToken?: string;
}

export interface CreateTrafficMirrorFilterResult {
  TrafficMirrorFilter?: TrafficMirrorFilter;
  ClientToken?: string;
}

export interface CreateTrafficMirrorFilterRuleRequest {
  TrafficMirrorFilterId: string;
  TrafficDirection: TrafficDirection;
  RuleNumber: number;
  RuleAction: TrafficMirrorRuleAction;
  DestinationPortRange?: TrafficMirrorPortRangeRequest;
  SourcePortRange?: TrafficMirrorPortRangeRequest;
  Protocol?: number;
  DestinationCidrBlock: string;
  SourceCidrBlock: string;
  Description?: string;
  DryRun?: boolean;
  ClientToken?: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateTrafficMirrorFilterRuleResult {
  TrafficMirrorFilterRule?: TrafficMirrorFilterRule;
  ClientToken?: string;
}

export interface CreateTrafficMirrorSessionRequest {
  NetworkInterfaceId: string;
  TrafficMirrorTargetId: string;
  TrafficMirrorFilterId: string;
  PacketLength?: number;
  SessionNumber: number;
  VirtualNetworkId?: number;
  Description?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  ClientToken?: string;
}

export interface CreateTrafficMirrorSessionResult {
  TrafficMirrorSession?: TrafficMirrorSession;
  ClientToken?: string;
}

export interface CreateTrafficMirrorTargetRequest {
  NetworkInterfaceId?: string;
  NetworkLoadBalancerArn?: string;
  Description?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  ClientToken?: string;
  GatewayLoadBalancerEndpointId?: string;
}

export interface CreateTrafficMirrorTargetResult {
  TrafficMirrorTarget?: TrafficMirrorTarget;
  ClientToken?: string;
}

export interface CreateTransitGatewayConnectPeerRequest {
  TransitGatewayAttachmentId: string;
  TransitGatewayAddress?: string;
  PeerAddress: string;
  BgpOptions?: TransitGatewayConnectRequestBgpOptions;
  InsideCidrBlocks: string[];
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayConnectPeerResult {
  TransitGatewayConnectPeer?: TransitGatewayConnectPeer;
}

export interface CreateTransitGatewayConnectRequest {
  TransportTransitGatewayAttachmentId: string;
  Options: CreateTransitGatewayConnectRequestOptions;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayConnectRequestOptions {
  Protocol: ProtocolValue;
}

export interface CreateTransitGatewayConnectResult {
  TransitGatewayConnect?: TransitGatewayConnect;
}

export interface CreateTransitGatewayMeteringPolicyEntryRequest {
  TransitGatewayMeteringPolicyId: string;
  PolicyRuleNumber: number;
  SourceTransitGatewayAttachmentId?: string;
  SourceTransitGatewayAttachmentType?: TransitGatewayAttachmentResourceType;
  SourceCidrBlock?: string;
  SourcePortRange?: string;
  DestinationTransitGatewayAttachmentId?: string;
  DestinationTransitGatewayAttachmentType?: TransitGatewayAttachmentResourceType;
  DestinationCidrBlock?: string;
  DestinationPortRange?: string;
  Protocol?: string;
  MeteredAccount: TransitGatewayMeteringPayerType;
  DryRun?: boolean;
}

export interface CreateTransitGatewayMeteringPolicyEntryResult {
  TransitGatewayMeteringPolicyEntry?: TransitGatewayMeteringPolicyEntry;
}

export interface CreateTransitGatewayMeteringPolicyRequest {
  TransitGatewayId: string;
  MiddleboxAttachmentIds?: string[];
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayMeteringPolicyResult {
  TransitGatewayMeteringPolicy?: TransitGatewayMeteringPolicy;
}

export interface CreateTransitGatewayMulticastDomainRequest {
  TransitGatewayId: string;
  Options?: CreateTransitGatewayMulticastDomainRequestOptions;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayMulticastDomainRequestOptions {
  Igmpv2Support?: Igmpv2SupportValue;
  StaticSourcesSupport?: StaticSourcesSupportValue;
  AutoAcceptSharedAssociations?: AutoAcceptSharedAssociationsValue;
}

export interface CreateTransitGatewayMulticastDomainResult {
  TransitGatewayMulticastDomain?: TransitGatewayMulticastDomain;
}

export interface CreateTransitGatewayPeeringAttachmentRequest {
  TransitGatewayId: string;
  PeerTransitGatewayId: string;
  PeerAccountId: string;
  PeerRegion: string;
  Options?: CreateTransitGatewayPeeringAttachmentRequestOptions;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayPeeringAttachmentRequestOptions {
  DynamicRouting?: DynamicRoutingValue;
}

export interface CreateTransitGatewayPeeringAttachmentResult {
  TransitGatewayPeeringAttachment?: TransitGatewayPeeringAttachment;
}

export interface CreateTransitGatewayPolicyTableRequest {
  TransitGatewayId: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayPolicyTableResult {
  TransitGatewayPolicyTable?: TransitGatewayPolicyTable;
}

export interface CreateTransitGatewayPrefixListReferenceRequest {
  TransitGatewayRouteTableId: string;
  PrefixListId: string;
  TransitGatewayAttachmentId?: string;
  Blackhole?: boolean;
  DryRun?: boolean;
}

export interface CreateTransitGatewayPrefixListReferenceResult {
  TransitGatewayPrefixListReference?: TransitGatewayPrefixListReference;
}

export interface CreateTransitGatewayRequest {
  Description?: string;
  Options?: TransitGatewayRequestOptions;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayResult {
  TransitGateway?: TransitGateway;
}

export interface CreateTransitGatewayRouteRequest {
  DestinationCidrBlock: string;
  TransitGatewayRouteTableId: string;
  TransitGatewayAttachmentId?: string;
  Blackhole?: boolean;
  DryRun?: boolean;
}

export interface CreateTransitGatewayRouteResult {
  Route?: TransitGatewayRoute;
}

export interface CreateTransitGatewayRouteTableAnnouncementRequest {
  TransitGatewayRouteTableId: string;
  PeeringAttachmentId: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayRouteTableAnnouncementResult {
  TransitGatewayRouteTableAnnouncement?: TransitGatewayRouteTableAnnouncement;
}

export interface CreateTransitGatewayRouteTableRequest {
  TransitGatewayId: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayRouteTableResult {
  TransitGatewayRouteTable?: TransitGatewayRouteTable;
}

export interface CreateTransitGatewayVpcAttachmentRequest {
  TransitGatewayId: string;
  VpcId: string;
  SubnetIds: string[];
  Options?: CreateTransitGatewayVpcAttachmentRequestOptions;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateTransitGatewayVpcAttachmentRequestOptions {
  DnsSupport?: DnsSupportValue;
  SecurityGroupReferencingSupport?: SecurityGroupReferencingSupportValue;
  Ipv6Support?: Ipv6SupportValue;
  ApplianceModeSupport?: ApplianceModeSupportValue;
}

export interface CreateTransitGatewayVpcAttachmentResult {
  TransitGatewayVpcAttachment?: TransitGatewayVpcAttachment;
}

export interface CreateVerifiedAccessEndpointCidrOptions {
  Protocol?: VerifiedAccessEndpointProtocol;
  SubnetIds?: string[];
  Cidr?: string;
  PortRanges?: CreateVerifiedAccessEndpointPortRange[];
}

export interface CreateVerifiedAccessEndpointEniOptions {
  NetworkInterfaceId?: string;
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  PortRanges?: CreateVerifiedAccessEndpointPortRange[];
}

export interface CreateVerifiedAccessEndpointLoadBalancerOptions {
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  LoadBalancerArn?: string;
  SubnetIds?: string[];
  PortRanges?: CreateVerifiedAccessEndpointPortRange[];
}

export interface CreateVerifiedAccessEndpointPortRange {
  FromPort?: number;
  ToPort?: number;
}

export interface CreateVerifiedAccessEndpointRdsOptions {
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  RdsDbInstanceArn?: string;
  RdsDbClusterArn?: string;
  RdsDbProxyArn?: string;
  RdsEndpoint?: string;
  SubnetIds?: string[];
}

export interface CreateVerifiedAccessEndpointRequest {
  VerifiedAccessGroupId: string;
  EndpointType: VerifiedAccessEndpointType;
  AttachmentType: VerifiedAccessEndpointAttachmentType;
  DomainCertificateArn?: string;
  ApplicationDomain?: string;
  EndpointDomainPrefix?: string;
  SecurityGroupIds?: string[];
  LoadBalancerOptions?: CreateVerifiedAccessEndpointLoadBalancerOptions;
  NetworkInterfaceOptions?: CreateVerifiedAccessEndpointEniOptions;
  Description?: string;
  PolicyDocument?: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  DryRun?: boolean;
  SseSpecification?: VerifiedAccessSseSpecificationRequest;
  RdsOptions?: CreateVerifiedAccessEndpointRdsOptions;
  CidrOptions?: CreateVerifiedAccessEndpointCidrOptions;
}

export interface CreateVerifiedAccessEndpointResult {
  VerifiedAccessEndpoint?: VerifiedAccessEndpoint;
}

export interface CreateVerifiedAccessGroupRequest {
  VerifiedAccessInstanceId: string;
  Description?: string;
  PolicyDocument?: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  DryRun?: boolean;
  SseSpecification?: VerifiedAccessSseSpecificationRequest;
}

export interface CreateVerifiedAccessGroupResult {
  VerifiedAccessGroup?: VerifiedAccessGroup;
}

export interface CreateVerifiedAccessInstanceRequest {
  Description?: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  DryRun?: boolean;
  FIPSEnabled?: boolean;
  CidrEndpointsCustomSubDomain?: string;
}

export interface CreateVerifiedAccessInstanceResult {
  VerifiedAccessInstance?: VerifiedAccessInstance;
}

export interface CreateVerifiedAccessNativeApplicationOidcOptions {
  PublicSigningKeyEndpoint?: string;
  Issuer?: string;
  AuthorizationEndpoint?: string;
  TokenEndpoint?: string;
  UserInfoEndpoint?: string;
  ClientId?: string;
  ClientSecret?: string;
  Scope?: string;
}

export interface CreateVerifiedAccessTrustProviderDeviceOptions {
  TenantId?: string;
  PublicSigningKeyUrl?: string;
}

export interface CreateVerifiedAccessTrustProviderOidcOptions {
  Issuer?: string;
  AuthorizationEndpoint?: string;
  TokenEndpoint?: string;
  UserInfoEndpoint?: string;
  ClientId?: string;
  ClientSecret?: string;
  Scope?: string;
}

export interface CreateVerifiedAccessTrustProviderRequest {
  TrustProviderType: TrustProviderType;
  UserTrustProviderType?: UserTrustProviderType;
  DeviceTrustProviderType?: DeviceTrustProviderType;
  OidcOptions?: CreateVerifiedAccessTrustProviderOidcOptions;
  DeviceOptions?: CreateVerifiedAccessTrustProviderDeviceOptions;
  PolicyReferenceName: string;
  Description?: string;
  TagSpecifications?: TagSpecification[];
  ClientToken?: string;
  DryRun?: boolean;
  SseSpecification?: VerifiedAccessSseSpecificationRequest;
  NativeApplicationOidcOptions?: CreateVerifiedAccessNativeApplicationOidcOptions;
}

export interface CreateVerifiedAccessTrustProviderResult {
  VerifiedAccessTrustProvider?: VerifiedAccessTrustProvider;
}

export interface CreateVolumePermission {
  UserId?: string;
  Group?: PermissionGroup;
}

export interface CreateVolumePermissionModifications {
  Add?: CreateVolumePermission[];
  Remove?: CreateVolumePermission[];
}

export interface CreateVolumeRequest {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Encrypted?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  OutpostArn?: string;
  Size?: number;
  SnapshotId?: string;
  VolumeType?: VolumeType;
  TagSpecifications?: TagSpecification[];
  MultiAttachEnabled?: boolean;
  Throughput?: number;
  ClientToken?: string;
  VolumeInitializationRate?: number;
  Operator?: OperatorRequest;
  DryRun?: boolean;
}

export interface CreateVpcBlockPublicAccessExclusionRequest {
  DryRun?: boolean;
  SubnetId?: string;
  VpcId?: string;
  InternetGatewayExclusionMode: InternetGatewayExclusionMode;
  TagSpecifications?: TagSpecification[];
}

export interface CreateVpcBlockPublicAccessExclusionResult {
  VpcBlockPublicAccessExclusion?: VpcBlockPublicAccessExclusion;
}

export interface CreateVpcEncryptionControlRequest {
  DryRun?: boolean;
  VpcId: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateVpcEncryptionControlResult {
  VpcEncryptionControl?: VpcEncryptionControl;
}

export interface CreateVpcEndpointConnectionNotificationRequest {
  DryRun?: boolean;
  ServiceId?: string;
  VpcEndpointId?: string;
  ConnectionNotificationArn: string;
  ConnectionEvents: string[];
  ClientToken?: string;
}

export interface CreateVpcEndpointConnectionNotificationResult {
  ConnectionNotification?: ConnectionNotification;
  ClientToken?: string;
}

export interface CreateVpcEndpointRequest {
  DryRun?: boolean;
  VpcEndpointType?: VpcEndpointType;
  VpcId: string;
  ServiceName?: string;
  PolicyDocument?: string;
  RouteTableIds?: string[];
  SubnetIds?: string[];
  SecurityGroupIds?: string[];
  IpAddressType?: IpAddressType;
  DnsOptions?: DnsOptionsSpecification;
  ClientToken?: string;
  PrivateDnsEnabled?: boolean;
  TagSpecifications?: TagSpecification[];
  SubnetConfigurations?: SubnetConfiguration[];
  ServiceNetworkArn?: string;
  ResourceConfigurationArn?: string;
  ServiceRegion?: string;
}

export interface CreateVpcEndpointResult {
  VpcEndpoint?: VpcEndpoint;
  ClientToken?: string;
}

export interface CreateVpcEndpointServiceConfigurationRequest {
  DryRun?: boolean;
  AcceptanceRequired?: boolean;
  PrivateDnsName?: string;
  NetworkLoadBalancerArns?: string[];
  GatewayLoadBalancerArns?: string[];
  SupportedIpAddressTypes?: string[];
  SupportedRegions?: string[];
  ClientToken?: string;
  TagSpecifications?: TagSpecification[];
}

export interface CreateVpcEndpointServiceConfigurationResult {
  ServiceConfiguration?: ServiceConfiguration;
  ClientToken?: string;
}

export interface CreateVpcPeeringConnectionRequest {
  PeerRegion?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  VpcId: string;
  PeerVpcId?: string;
  PeerOwnerId?: string;
}

export interface CreateVpcPeeringConnectionResult {
  VpcPeeringConnection?: VpcPeeringConnection;
}

export interface CreateVpcRequest {
  CidrBlock?: string;
  Ipv6Pool?: string;
  Ipv6CidrBlock?: string;
  Ipv4IpamPoolId?: string;
  Ipv4NetmaskLength?: number;
  Ipv6IpamPoolId?: string;
  Ipv6NetmaskLength?: number;
  Ipv6CidrBlockNetworkBorderGroup?: string;
  VpcEncryptionControl?: VpcEncryptionControlConfiguration;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  InstanceTenancy?: Tenancy;
  AmazonProvidedIpv6CidrBlock?: boolean;
}

export interface CreateVpcResult {
  Vpc?: Vpc;
}

export interface CreateVpnConcentratorRequest {
  Type: VpnConcentratorType;
  TransitGatewayId?: string;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
}

export interface CreateVpnConcentratorResult {
  VpnConcentrator?: VpnConcentrator;
}

export interface CreateVpnConnectionRequest {
  CustomerGatewayId: string;
  Type: string;
  VpnGatewayId?: string;
  TransitGatewayId?: string;
  VpnConcentratorId?: string;
  TagSpecifications?: TagSpecification[];
  PreSharedKeyStorage?: string;
  DryRun?: boolean;
  Options?: VpnConnectionOptionsSpecification;
}

export interface CreateVpnConnectionResult {
  VpnConnection?: VpnConnection;
}

export interface CreateVpnConnectionRouteRequest {
  DestinationCidrBlock: string;
  VpnConnectionId: string;
}

export interface CreateVpnGatewayRequest {
  AvailabilityZone?: string;
  Type: GatewayType;
  TagSpecifications?: TagSpecification[];
  AmazonSideAsn?: number;
  DryRun?: boolean;
}

export interface CreateVpnGatewayResult {
  VpnGateway?: VpnGateway;
}

export interface CreationDateCondition {
  MaximumDaysSinceCreated?: number;
}

export interface CreationDateConditionRequest {
  MaximumDaysSinceCreated?: number;
}

export interface CreditSpecification {
  CpuCredits?: string;
}

export interface CreditSpecificationRequest {
  CpuCredits: string;
}

export type CurrencyCodeValues = 'USD';

export interface CustomerGateway {
  CertificateArn?: string;
  DeviceName?: string;
  Tags?: Tag[];
  BgpAsnExtended?: string;
  CustomerGatewayId?: string;
  State?: string;
  Type?: string;
  IpAddress?: string;
  BgpAsn?: string;
}

export interface DataQuery {
  Id?: string;
  Source?: string;
  Destination?: string;
  Metric?: MetricType;
  Statistic?: StatisticType;
  Period?: PeriodType;
}

export interface DataResponse {
  Id?: string;
  Source?: string;
  Destination?: string;
  Metric?: MetricType;
  Statistic?: StatisticType;
  Period?: PeriodType;
  MetricPoints?: MetricPoint[];
}

export type DatafeedSubscriptionState = 'Active' | 'Inactive';

export interface DeclarativePoliciesReport {
  ReportId?: string;
  S3Bucket?: string;
  S3Prefix?: string;
  TargetId?: string;
  StartTime?: number;
  EndTime?: number;
  Status?: ReportState;
  Tags?: Tag[];
}

export interface DefaultConnectionTrackingConfiguration {
  DefaultTcpEstablishedTimeout?: number;
  DefaultUdpTimeout?: number;
  DefaultUdpStreamTimeout?: number;
}

export type DefaultHttpTokensEnforcedState = 'disabled' | 'enabled' | 'no-preference';

export type DefaultInstanceMetadataEndpointState = 'disabled' | 'enabled' | 'no-preference';

export type DefaultInstanceMetadataTagsState = 'disabled' | 'enabled' | 'no-preference';

export type DefaultRouteTableAssociationValue = 'enable' | 'disable';

export type DefaultRouteTablePropagationValue = 'enable' | 'disable';

export type DefaultTargetCapacityType = 'spot' | 'on-demand' | 'capacity-block' | 'reserved-capacity';

export interface DeleteCapacityManagerDataExportRequest {
  CapacityManagerDataExportId: string;
  DryRun?: boolean;
}

export interface DeleteCapacityManagerDataExportResult {
  CapacityManagerDataExportId?: string;
}

export interface DeleteCarrierGatewayRequest {
  CarrierGatewayId: string;
  DryRun?: boolean;
}

export interface DeleteCarrierGatewayResult {
  CarrierGateway?: CarrierGateway;
}

export interface DeleteClientVpnEndpointRequest {
  ClientVpnEndpointId: string;
  DryRun?: boolean;
}

export interface DeleteClientVpnEndpointResult {
  Status?: ClientVpnEndpointStatus;
}

export interface DeleteClientVpnRouteRequest {
  ClientVpnEndpointId: string;
  TargetVpcSubnetId?: string;
  DestinationCidrBlock: string;
  DryRun?: boolean;
}

export interface DeleteClientVpnRouteResult {
  Status?: ClientVpnRouteStatus;
}

export interface DeleteCoipCidrRequest {
  Cidr: string;
  CoipPoolId: string;
  DryRun?: boolean;
}

export interface DeleteCoipCidrResult {
  CoipCidr?: CoipCidr;
}

export interface DeleteCoipPoolRequest {
  CoipPoolId: string;
  DryRun?: boolean;
}

export interface DeleteCoipPoolResult {
  CoipPool?: CoipPool;
}

export interface DeleteCustomerGatewayRequest {
  CustomerGatewayId: string;
  DryRun?: boolean;
}

export interface DeleteDhcpOptionsRequest {
  DhcpOptionsId: string;
  DryRun?: boolean;
}

export interface DeleteEgressOnlyInternetGatewayRequest {
  DryRun?: boolean;
  EgressOnlyInternetGatewayId: string;
}

export interface DeleteEgressOnlyInternetGatewayResult {
  ReturnCode?: boolean;
}

export interface DeleteFleetError {
  Code?: DeleteFleetErrorCode;
  Message?: string;
}

export type DeleteFleetErrorCode = 'fleetIdDoesNotExist' | 'fleetIdMalformed' | 'fleetNotInDeletableState' | 'unexpectedError';

export interface DeleteFleetErrorItem {
  Error?: DeleteFleetError;
  FleetId?: string;
}

export interface DeleteFleetSuccessItem {
  CurrentFleetState?: FleetStateCode;
  PreviousFleetState?: FleetStateCode;
  FleetId?: string;
}

export interface DeleteFleetsRequest {
  DryRun?: boolean;
  FleetIds: string[];
  TerminateInstances: boolean;
}

export interface DeleteFleetsResult {
  SuccessfulFleetDeletions?: DeleteFleetSuccessItem[];
  UnsuccessfulFleetDeletions?: DeleteFleetErrorItem[];
}

export interface DeleteFlowLogsRequest {
  DryRun?: boolean;
  FlowLogIds: string[];
}

export interface DeleteFlowLogsResult {
  Unsuccessful?: UnsuccessfulItem[];
}

export interface DeleteFpgaImageRequest {
  DryRun?: boolean;
  FpgaImageId: string;
}

export interface DeleteFpgaImageResult {
  Return?: boolean;
}

export interface DeleteImageUsageReportRequest {
  ReportId: string;
  DryRun?: boolean;
}

export interface DeleteImageUsageReportResult {
  Return?: boolean;
}

export interface DeleteInstanceConnectEndpointRequest {
  DryRun?: boolean;
  InstanceConnectEndpointId: string;
}

export interface DeleteInstanceConnectEndpointResult {
  InstanceConnectEndpoint?: Ec2InstanceConnectEndpoint;
}

export interface DeleteInstanceEventWindowRequest {
  DryRun?: boolean;
  ForceDelete?: boolean;
  InstanceEventWindowId: string;
}

export interface DeleteInstanceEventWindowResult {
  InstanceEventWindowState?: InstanceEventWindowStateChange;
}

export interface DeleteInternetGatewayRequest {
  DryRun?: boolean;
  InternetGatewayId: string;
}

export interface DeleteIpamExternalResourceVerificationTokenRequest {
  DryRun?: boolean;
  IpamExternalResourceVerificationTokenId: string;
}

export interface DeleteIpamExternalResourceVerificationTokenResult {
  IpamExternalResourceVerificationToken?: IpamExternalResourceVerificationToken;
}

export interface DeleteIpamPolicyRequest {
  DryRun?: boolean;
  IpamPolicyId: string;
}

export interface DeleteIpamPolicyResult {
  IpamPolicy?: IpamPolicy;
}

export interface DeleteIpamPoolRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  Cascade?: boolean;
}

export interface DeleteIpamPoolResult {
  IpamPool?: IpamPool;
}

export interface DeleteIpamPrefixListResolverRequest {
  DryRun?: boolean;
  IpamPrefixListResolverId: string;
}

export interface DeleteIpamPrefixListResolverResult {
  IpamPrefixListResolver?: IpamPrefixListResolver;
}

export interface DeleteIpamPrefixListResolverTargetRequest {
  DryRun?: boolean;
  IpamPrefixListResolverTargetId: string;
}

export interface DeleteIpamPrefixListResolverTargetResult {
  IpamPrefixListResolverTarget?: IpamPrefixListResolverTarget;
}

export interface DeleteIpamRequest {
  DryRun?: boolean;
  IpamId: string;
  Cascade?: boolean;
}

export interface DeleteIpamResourceDiscoveryRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryId: string;
}

export interface DeleteIpamResourceDiscoveryResult {
  IpamResourceDiscovery?: IpamResourceDiscovery;
}

export interface DeleteIpamResult {
  Ipam?: Ipam;
}

export interface DeleteIpamScopeRequest {
  DryRun?: boolean;
  IpamScopeId: string;
}

export interface DeleteIpamScopeResult {
  IpamScope?: IpamScope;
}

export interface DeleteKeyPairRequest {
  KeyName?: string;
  KeyPairId?: string;
  DryRun?: boolean;
}

export interface DeleteKeyPairResult {
  Return?: boolean;
  KeyPairId?: string;
}

export interface DeleteLaunchTemplateRequest {
  DryRun?: boolean;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
}

export interface DeleteLaunchTemplateResult {
  LaunchTemplate?: LaunchTemplate;
}

export interface DeleteLaunchTemplateVersionsRequest {
  DryRun?: boolean;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Versions: string[];
}

export interface DeleteLaunchTemplateVersionsResponseErrorItem {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  VersionNumber?: number;
  ResponseError?: ResponseError;
}

export interface DeleteLaunchTemplateVersionsResponseSuccessItem {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  VersionNumber?: number;
}

export interface DeleteLaunchTemplateVersionsResult {
  SuccessfullyDeletedLaunchTemplateVersions?: DeleteLaunchTemplateVersionsResponseSuccessItem[];
  UnsuccessfullyDeletedLaunchTemplateVersions?: DeleteLaunchTemplateVersionsResponseErrorItem[];
}

export interface DeleteLocalGatewayRouteRequest {
  DestinationCidrBlock?: string;
  LocalGatewayRouteTableId: string;
  DryRun?: boolean;
  DestinationPrefixListId?: string;
}

export interface DeleteLocalGatewayRouteResult {
  Route?: LocalGatewayRoute;
}

export interface DeleteLocalGatewayRouteTableRequest {
  LocalGatewayRouteTableId: string;
  DryRun?: boolean;
}

export interface DeleteLocalGatewayRouteTableResult {
  LocalGatewayRouteTable?: LocalGatewayRouteTable;
}

export interface DeleteLocalGatewayRouteTableVirtualInterfaceGroupAssociationRequest {
  LocalGatewayRouteTableVirtualInterfaceGroupAssociationId: string;
  DryRun?: boolean;
}

export interface DeleteLocalGatewayRouteTableVirtualInterfaceGroupAssociationResult {
  LocalGatewayRouteTableVirtualInterfaceGroupAssociation?: LocalGatewayRouteTableVirtualInterfaceGroupAssociation;
}

export interface DeleteLocalGatewayRouteTableVpcAssociationRequest {
  LocalGatewayRouteTableVpcAssociationId: string;
  DryRun?: boolean;
}

export interface DeleteLocalGatewayRouteTableVpcAssociationResult {
  LocalGatewayRouteTableVpcAssociation?: LocalGatewayRouteTableVpcAssociation;
}

export interface DeleteLocalGatewayVirtualInterfaceGroupRequest {
  LocalGatewayVirtualInterfaceGroupId: string;
  DryRun?: boolean;
}

export interface DeleteLocalGatewayVirtualInterfaceGroupResult {
  LocalGatewayVirtualInterfaceGroup?: LocalGatewayVirtualInterfaceGroup;
}

export interface DeleteLocalGatewayVirtualInterfaceRequest {
  LocalGatewayVirtualInterfaceId: string;
  DryRun?: boolean;
}

export interface DeleteLocalGatewayVirtualInterfaceResult {
  LocalGatewayVirtualInterface?: LocalGatewayVirtualInterface;
}

export interface DeleteManagedPrefixListRequest {
  DryRun?: boolean;
  PrefixListId: string;
}

export interface DeleteManagedPrefixListResult {
  PrefixList?: ManagedPrefixList;
}

export interface DeleteNatGatewayRequest {
  DryRun?: boolean;
  NatGatewayId: string;
}

export interface DeleteNatGatewayResult {
  NatGatewayId?: string;
}

export interface DeleteNetworkAclEntryRequest {
  DryRun?: boolean;
  NetworkAclId: string;
  RuleNumber: number;
  Egress: boolean;
}

export interface DeleteNetworkAclRequest {
  DryRun?: boolean;
  NetworkAclId: string;
}

export interface DeleteNetworkInsightsAccessScopeAnalysisRequest {
  NetworkInsightsAccessScopeAnalysisId: string;
  DryRun?: boolean;
}

export interface DeleteNetworkInsightsAccessScopeAnalysisResult {
  NetworkInsightsAccessScopeAnalysisId?: string;
}

export interface DeleteNetworkInsightsAccessScopeRequest {
  DryRun?: boolean;
  NetworkInsightsAccessScopeId: string;
}

export interface DeleteNetworkInsightsAccessScopeResult {
  NetworkInsightsAccessScopeId?: string;
}

export interface DeleteNetworkInsightsAnalysisRequest {
  DryRun?: boolean;
  NetworkInsightsAnalysisId: string;
}

export interface DeleteNetworkInsightsAnalysisResult {
  NetworkInsightsAnalysisId?: string;
}

export interface DeleteNetworkInsightsPathRequest {
  DryRun?: boolean;
  NetworkInsightsPathId: string;
}

export interface DeleteNetworkInsightsPathResult {
  NetworkInsightsPathId?: string;
}

export interface DeleteNetworkInterfacePermissionRequest {
  NetworkInterfacePermissionId: string;
  Force?: boolean;
  DryRun?: boolean;
}

export interface DeleteNetworkInterfacePermissionResult {
  Return?: boolean;
}

export interface DeleteNetworkInterfaceRequest {
  DryRun?: boolean;
  NetworkInterfaceId: string;
}

export interface DeletePlacementGroupRequest {
  DryRun?: boolean;
  GroupName: string;
}

export interface DeletePublicIpv4PoolRequest {
  DryRun?: boolean;
  PoolId: string;
  NetworkBorderGroup?: string;
}

export interface DeletePublicIpv4PoolResult {
  ReturnValue?: boolean;
}

export interface DeleteQueuedReservedInstancesError {
  Code?: DeleteQueuedReservedInstancesErrorCode;
  Message?: string;
}

export type DeleteQueuedReservedInstancesErrorCode = 'reserved-instances-id-invalid' | 'reserved-instances-not-in-queued-state' | 'unexpected-error';

export interface DeleteQueuedReservedInstancesRequest {
  DryRun?: boolean;
  ReservedInstancesIds: string[];
}

export interface DeleteQueuedReservedInstancesResult {
  SuccessfulQueuedPurchaseDeletions?: SuccessfulQueuedPurchaseDeletion[];
  FailedQueuedPurchaseDeletions?: FailedQueuedPurchaseDeletion[];
}

export interface DeleteRouteRequest {
  DestinationPrefixListId?: string;
  DryRun?: boolean;
  RouteTableId: string;
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
}

export interface DeleteRouteServerEndpointRequest {
  RouteServerEndpointId: string;
  DryRun?: boolean;
}

export interface DeleteRouteServerEndpointResult {
  RouteServerEndpoint?: RouteServerEndpoint;
}

export interface DeleteRouteServerPeerRequest {
  RouteServerPeerId: string;
  DryRun?: boolean;
}

export interface DeleteRouteServerPeerResult {
  RouteServerPeer?: RouteServerPeer;
}

export interface DeleteRouteServerRequest {
  RouteServerId: string;
  DryRun?: boolean;
}

export interface DeleteRouteServerResult {
  RouteServer?: RouteServer;
}

export interface DeleteRouteTableRequest {
  DryRun?: boolean;
  RouteTableId: string;
}

export interface DeleteSecondaryNetworkRequest {
  ClientToken?: string;
  DryRun?: boolean;
  SecondaryNetworkId: string;
}

export interface DeleteSecondaryNetworkResult {
  SecondaryNetwork?: SecondaryNetwork;
  ClientToken?: string;
}

export interface DeleteSecondarySubnetRequest {
  ClientToken?: string;
  DryRun?: boolean;
  SecondarySubnetId: string;
}

export interface DeleteSecondarySubnetResult {
  SecondarySubnet?: SecondarySubnet;
  ClientToken?: string;
}

export interface DeleteSecurityGroupRequest {
  GroupId?: string;
  GroupName?: string;
  DryRun?: boolean;
}

export interface DeleteSecurityGroupResult {
  Return?: boolean;
  GroupId?: string;
}

export interface DeleteSnapshotRequest {
  SnapshotId: string;
  DryRun?: boolean;
}

export interface DeleteSnapshotReturnCode {
  SnapshotId?: string;
  ReturnCode?: SnapshotReturnCodes;
}

export interface DeleteSpotDatafeedSubscriptionRequest {
  DryRun?: boolean;
}

export interface DeleteSubnetCidrReservationRequest {
  SubnetCidrReservationId: string;
  DryRun?: boolean;
}

export interface DeleteSubnetCidrReservationResult {
  DeletedSubnetCidrReservation?: SubnetCidrReservation;
}

export interface DeleteSubnetRequest {
  SubnetId: string;
  DryRun?: boolean;
}

export interface DeleteTagsRequest {
  DryRun?: boolean;
  Resources: string[];
  Tags?: Tag[];
}

export interface DeleteTrafficMirrorFilterRequest {
  TrafficMirrorFilterId: string;
  DryRun?: boolean;
}

export interface DeleteTrafficMirrorFilterResult {
  TrafficMirrorFilterId?: string;
}

export interface DeleteTrafficMirrorFilterRuleRequest {
  TrafficMirrorFilterRuleId: string;
  DryRun?: boolean;
}

export interface DeleteTrafficMirrorFilterRuleResult {
  TrafficMirrorFilterRuleId?: string;
}

export interface DeleteTrafficMirrorSessionRequest {
  TrafficMirrorSessionId: string;
  DryRun?: boolean;
}

export interface DeleteTrafficMirrorSessionResult {
  TrafficMirrorSessionId?: string;
}

export interface DeleteTrafficMirrorTargetRequest {
  TrafficMirrorTargetId: string;
  DryRun?: boolean;
}

export interface DeleteTrafficMirrorTargetResult {
  TrafficMirrorTargetId?: string;
}

export interface DeleteTransitGatewayClientVpnAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayClientVpnAttachmentResult {
  TransitGatewayClientVpnAttachment?: TransitGatewayClientVpnAttachment;
}

export interface DeleteTransitGatewayConnectPeerRequest {
  TransitGatewayConnectPeerId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayConnectPeerResult {
  TransitGatewayConnectPeer?: TransitGatewayConnectPeer;
}

export interface DeleteTransitGatewayConnectRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayConnectResult {
  TransitGatewayConnect?: TransitGatewayConnect;
}

export interface DeleteTransitGatewayMeteringPolicyEntryRequest {
  TransitGatewayMeteringPolicyId: string;
  PolicyRuleNumber: number;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayMeteringPolicyEntryResult {
  TransitGatewayMeteringPolicyEntry?: TransitGatewayMeteringPolicyEntry;
}

export interface DeleteTransitGatewayMeteringPolicyRequest {
  TransitGatewayMeteringPolicyId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayMeteringPolicyResult {
  TransitGatewayMeteringPolicy?: TransitGatewayMeteringPolicy;
}

export interface DeleteTransitGatewayMulticastDomainRequest {
  TransitGatewayMulticastDomainId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayMulticastDomainResult {
  TransitGatewayMulticastDomain?: TransitGatewayMulticastDomain;
}

export interface DeleteTransitGatewayPeeringAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayPeeringAttachmentResult {
  TransitGatewayPeeringAttachment?: TransitGatewayPeeringAttachment;
}

export interface DeleteTransitGatewayPolicyTableRequest {
  TransitGatewayPolicyTableId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayPolicyTableResult {
  TransitGatewayPolicyTable?: TransitGatewayPolicyTable;
}

export interface DeleteTransitGatewayPrefixListReferenceRequest {
  TransitGatewayRouteTableId: string;
  PrefixListId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayPrefixListReferenceResult {
  TransitGatewayPrefixListReference?: TransitGatewayPrefixListReference;
}

export interface DeleteTransitGatewayRequest {
  TransitGatewayId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayResult {
  TransitGateway?: TransitGateway;
}

export interface DeleteTransitGatewayRouteRequest {
  TransitGatewayRouteTableId: string;
  DestinationCidrBlock: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayRouteResult {
  Route?: TransitGatewayRoute;
}

export interface DeleteTransitGatewayRouteTableAnnouncementRequest {
  TransitGatewayRouteTableAnnouncementId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayRouteTableAnnouncementResult {
  TransitGatewayRouteTableAnnouncement?: TransitGatewayRouteTableAnnouncement;
}

export interface DeleteTransitGatewayRouteTableRequest {
  TransitGatewayRouteTableId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayRouteTableResult {
  TransitGatewayRouteTable?: TransitGatewayRouteTable;
}

export interface DeleteTransitGatewayVpcAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface DeleteTransitGatewayVpcAttachmentResult {
  TransitGatewayVpcAttachment?: TransitGatewayVpcAttachment;
}

export interface DeleteVerifiedAccessEndpointRequest {
  VerifiedAccessEndpointId: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface DeleteVerifiedAccessEndpointResult {
  VerifiedAccessEndpoint?: VerifiedAccessEndpoint;
}

export interface DeleteVerifiedAccessGroupRequest {
  VerifiedAccessGroupId: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface DeleteVerifiedAccessGroupResult {
  VerifiedAccessGroup?: VerifiedAccessGroup;
}

export interface DeleteVerifiedAccessInstanceRequest {
  VerifiedAccessInstanceId: string;
  DryRun?: boolean;
  ClientToken?: string;
}

export interface DeleteVerifiedAccessInstanceResult {
  VerifiedAccessInstance?: VerifiedAccessInstance;
}

export interface DeleteVerifiedAccessTrustProviderRequest {
  VerifiedAccessTrustProviderId: string;
  DryRun?: boolean;
  ClientToken?: string;
}

export interface DeleteVerifiedAccessTrustProviderResult {
  VerifiedAccessTrustProvider?: VerifiedAccessTrustProvider;
}

export interface DeleteVolumeRequest {
  VolumeId: string;
  DryRun?: boolean;
}

export interface DeleteVpcBlockPublicAccessExclusionRequest {
  DryRun?: boolean;
  ExclusionId: string;
}

export interface DeleteVpcBlockPublicAccessExclusionResult {
  VpcBlockPublicAccessExclusion?: VpcBlockPublicAccessExclusion;
}

export interface DeleteVpcEncryptionControlRequest {
  DryRun?: boolean;
  VpcEncryptionControlId: string;
}

export interface DeleteVpcEncryptionControlResult {
  VpcEncryptionControl?: VpcEncryptionControl;
}

export interface DeleteVpcEndpointConnectionNotificationsRequest {
  DryRun?: boolean;
  ConnectionNotificationIds: string[];
}

export interface DeleteVpcEndpointConnectionNotificationsResult {
  Unsuccessful?: UnsuccessfulItem[];
}

export interface DeleteVpcEndpointServiceConfigurationsRequest {
  DryRun?: boolean;
  ServiceIds: string[];
}

export interface DeleteVpcEndpointServiceConfigurationsResult {
  Unsuccessful?: UnsuccessfulItem[];
}

export interface DeleteVpcEndpointsRequest {
  DryRun?: boolean;
  VpcEndpointIds: string[];
}

export interface DeleteVpcEndpointsResult {
  Unsuccessful?: UnsuccessfulItem[];
}

export interface DeleteVpcPeeringConnectionRequest {
  DryRun?: boolean;
  VpcPeeringConnectionId: string;
}

export interface DeleteVpcPeeringConnectionResult {
  Return?: boolean;
}

export interface DeleteVpcRequest {
  VpcId: string;
  DryRun?: boolean;
}

export interface DeleteVpnConcentratorRequest {
  VpnConcentratorId: string;
  DryRun?: boolean;
}

export interface DeleteVpnConcentratorResult {
  Return?: boolean;
}

export interface DeleteVpnConnectionRequest {
  VpnConnectionId: string;
  DryRun?: boolean;
}

export interface DeleteVpnConnectionRouteRequest {
  DestinationCidrBlock: string;
  VpnConnectionId: string;
}

export interface DeleteVpnGatewayRequest {
  VpnGatewayId: string;
  DryRun?: boolean;
}

export interface DeprecationTimeCondition {
  MaximumDaysSinceDeprecated?: number;
}

export interface DeprecationTimeConditionRequest {
  MaximumDaysSinceDeprecated?: number;
}

export interface DeprovisionByoipCidrRequest {
  Cidr: string;
  DryRun?: boolean;
}

export interface DeprovisionByoipCidrResult {
  ByoipCidr?: ByoipCidr;
}

export interface DeprovisionIpamByoasnRequest {
  DryRun?: boolean;
  IpamId: string;
  Asn: string;
}

export interface DeprovisionIpamByoasnResult {
  Byoasn?: Byoasn;
}

export interface DeprovisionIpamPoolCidrRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  Cidr?: string;
}

export interface DeprovisionIpamPoolCidrResult {
  IpamPoolCidr?: IpamPoolCidr;
}

export interface DeprovisionPublicIpv4PoolCidrRequest {
  DryRun?: boolean;
  PoolId: string;
  Cidr: string;
}

export interface DeprovisionPublicIpv4PoolCidrResult {
  PoolId?: string;
  DeprovisionedAddresses?: string[];
}

export interface DeregisterImageRequest {
  ImageId: string;
  DeleteAssociatedSnapshots?: boolean;
  DryRun?: boolean;
}

export interface DeregisterImageResult {
  Return?: boolean;
  DeleteSnapshotResults?: DeleteSnapshotReturnCode[];
}

export interface DeregisterInstanceEventNotificationAttributesRequest {
  DryRun?: boolean;
  InstanceTagAttribute: DeregisterInstanceTagAttributeRequest;
}

export interface DeregisterInstanceEventNotificationAttributesResult {
  InstanceTagAttribute?: InstanceTagNotificationAttribute;
}

export interface DeregisterInstanceTagAttributeRequest {
  IncludeAllTagsOfInstance?: boolean;
  InstanceTagKeys?: string[];
}

export interface DeregisterTransitGatewayMulticastGroupMembersRequest {
  TransitGatewayMulticastDomainId?: string;
  GroupIpAddress?: string;
  NetworkInterfaceIds?: string[];
  DryRun?: boolean;
}

export interface DeregisterTransitGatewayMulticastGroupMembersResult {
  DeregisteredMulticastGroupMembers?: TransitGatewayMulticastDeregisteredGroupMembers;
}

export interface DeregisterTransitGatewayMulticastGroupSourcesRequest {
  TransitGatewayMulticastDomainId?: string;
  GroupIpAddress?: string;
  NetworkInterfaceIds?: string[];
  DryRun?: boolean;
}

export interface DeregisterTransitGatewayMulticastGroupSourcesResult {
  DeregisteredMulticastGroupSources?: TransitGatewayMulticastDeregisteredGroupSources;
}

export interface DescribeAccountAttributesRequest {
  DryRun?: boolean;
  AttributeNames?: AccountAttributeName[];
}

export interface DescribeAccountAttributesResult {
  AccountAttributes?: AccountAttribute[];
}

export interface DescribeAddressTransfersRequest {
  AllocationIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface DescribeAddressTransfersResult {
  AddressTransfers?: AddressTransfer[];
  NextToken?: string;
}

export interface DescribeAddressesAttributeRequest {
  AllocationIds?: string[];
  Attribute?: AddressAttributeName;
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface DescribeAddressesAttributeResult {
  Addresses?: AddressAttribute[];
  NextToken?: string;
}

export interface DescribeAddressesRequest {
  PublicIps?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  AllocationIds?: string[];
}

export interface DescribeAddressesResult {
  Addresses?: Address[];
}

export interface DescribeAggregateIdFormatRequest {
  DryRun?: boolean;
}

export interface DescribeAggregateIdFormatResult {
  UseLongIdsAggregated?: boolean;
  Statuses?: IdFormat[];
}

export interface DescribeAvailabilityZonesRequest {
  ZoneNames?: string[];
  ZoneIds?: string[];
  AllAvailabilityZones?: boolean;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeAvailabilityZonesResult {
  AvailabilityZones?: AvailabilityZone[];
}

export interface DescribeAwsNetworkPerformanceMetricSubscriptionsRequest {
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeAwsNetworkPerformanceMetricSubscriptionsResult {
  NextToken?: string;
  Subscriptions?: Subscription[];
}

export interface DescribeBundleTasksRequest {
  BundleIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeBundleTasksResult {
  BundleTasks?: BundleTask[];
}

export interface DescribeByoipCidrsRequest {
  DryRun?: boolean;
  MaxResults: number;
  NextToken?: string;
}

export interface DescribeByoipCidrsResult {
  ByoipCidrs?: ByoipCidr[];
  NextToken?: string;
}

export interface DescribeCapacityBlockExtensionHistoryRequest {
  CapacityReservationIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeCapacityBlockExtensionHistoryResult {
  CapacityBlockExtensions?: CapacityBlockExtension[];
  NextToken?: string;
}

export interface DescribeCapacityBlockExtensionOfferingsRequest {
  DryRun?: boolean;
  CapacityBlockExtensionDurationHours: number;
  CapacityReservationId: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeCapacityBlockExtensionOfferingsResult {
  CapacityBlockExtensionOfferings?: CapacityBlockExtensionOffering[];
  NextToken?: string;
}

export interface DescribeCapacityBlockOfferingsRequest {
  DryRun?: boolean;
  InstanceType?: string;
  InstanceCount?: number;
  StartDateRange?: number;
  EndDateRange?: number;
  CapacityDurationHours: number;
  NextToken?: string;
  MaxResults?: number;
  UltraserverType?: string;
  UltraserverCount?: number;
  AllAvailabilityZones?: boolean;
}

export interface DescribeCapacityBlockOfferingsResult {
  CapacityBlockOfferings?: CapacityBlockOffering[];
  NextToken?: string;
}

export interface DescribeCapacityBlockStatusRequest {
  CapacityBlockIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeCapacityBlockStatusResult {
  CapacityBlockStatuses?: CapacityBlockStatus[];
  NextToken?: string;
}

export interface DescribeCapacityBlocksRequest {
  CapacityBlockIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeCapacityBlocksResult {
  CapacityBlocks?: CapacityBlock[];
  NextToken?: string;
}

export interface DescribeCapacityManagerDataExportsRequest {
  CapacityManagerDataExportIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeCapacityManagerDataExportsResult {
  CapacityManagerDataExports?: CapacityManagerDataExportResponse[];
  NextToken?: string;
}

export interface DescribeCapacityReservationBillingRequestsRequest {
  CapacityReservationIds?: string[];
  Role: CallerRole;
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeCapacityReservationBillingRequestsResult {
  NextToken?: string;
  CapacityReservationBillingRequests?: CapacityReservationBillingRequest[];
}

export interface DescribeCapacityReservationFleetsRequest {
  CapacityReservationFleetIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeCapacityReservationFleetsResult {
  CapacityReservationFleets?: CapacityReservationFleet[];
  NextToken?: string;
}

export interface DescribeCapacityReservationTopologyRequest {
  DryRun?: boolean;
  NextToken?: string;
  MaxResults?: number;
  CapacityReservationIds?: string[];
  Filters?: Filter[];
}

export interface DescribeCapacityReservationTopologyResult {
  NextToken?: string;
  CapacityReservations?: CapacityReservationTopology[];
}

export interface DescribeCapacityReservationsRequest {
  CapacityReservationIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeCapacityReservationsResult {
  NextToken?: string;
  CapacityReservations?: CapacityReservation[];
}

export interface DescribeCarrierGatewaysRequest {
  CarrierGatewayIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeCarrierGatewaysResult {
  CarrierGateways?: CarrierGateway[];
  NextToken?: string;
}

export interface DescribeClassicLinkInstancesRequest {
  DryRun?: boolean;
  InstanceIds?: string[];
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeClassicLinkInstancesResult {
  Instances?: ClassicLinkInstance[];
  NextToken?: string;
}

export interface DescribeClientVpnAuthorizationRulesRequest {
  ClientVpnEndpointId: string;
  DryRun?: boolean;
  NextToken?: string;
  Filters?: Filter[];
  MaxResults?: number;
}

export interface DescribeClientVpnAuthorizationRulesResult {
  AuthorizationRules?: AuthorizationRule[];
  NextToken?: string;
}

export interface DescribeClientVpnConnectionsRequest {
  ClientVpnEndpointId: string;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface DescribeClientVpnConnectionsResult {
  Connections?: ClientVpnConnection[];
  NextToken?: string;
}

export interface DescribeClientVpnEndpointsRequest {
  ClientVpnEndpointIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeClientVpnEndpointsResult {
  ClientVpnEndpoints?: ClientVpnEndpoint[];
  NextToken?: string;
}

export interface DescribeClientVpnRoutesRequest {
  ClientVpnEndpointId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeClientVpnRoutesResult {
  Routes?: ClientVpnRoute[];
  NextToken?: string;
}

export interface DescribeClientVpnTargetNetworksRequest {
  ClientVpnEndpointId: string;
  AssociationIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeClientVpnTargetNetworksResult {
  ClientVpnTargetNetworks?: TargetNetwork[];
  NextToken?: string;
}

export interface DescribeCoipPoolsRequest {
  PoolIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeCoipPoolsResult {
  CoipPools?: CoipPool[];
  NextToken?: string;
}

export interface DescribeConversionTasksRequest {
  DryRun?: boolean;
  ConversionTaskIds?: string[];
}

export interface DescribeConversionTasksResult {
  ConversionTasks?: ConversionTask[];
}

export interface DescribeCustomerGatewaysRequest {
  CustomerGatewayIds?: string[];
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeCustomerGatewaysResult {
  CustomerGateways?: CustomerGateway[];
}

export interface DescribeDeclarativePoliciesReportsRequest {
  DryRun?: boolean;
  NextToken?: string;
  MaxResults?: number;
  ReportIds?: string[];
}

export interface DescribeDeclarativePoliciesReportsResult {
  NextToken?: string;
  Reports?: DeclarativePoliciesReport[];
}

export interface DescribeDhcpOptionsRequest {
  DhcpOptionsIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeDhcpOptionsResult {
  NextToken?: string;
  DhcpOptions?: DhcpOptions[];
}

export interface DescribeEgressOnlyInternetGatewaysRequest {
  DryRun?: boolean;
  EgressOnlyInternetGatewayIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
}

export interface DescribeEgressOnlyInternetGatewaysResult {
  EgressOnlyInternetGateways?: EgressOnlyInternetGateway[];
  NextToken?: string;
}

export interface DescribeElasticGpusRequest {
  ElasticGpuIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeElasticGpusResult {
  ElasticGpuSet?: ElasticGpus[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeExportImageTasksRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  ExportImageTaskIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeExportImageTasksResult {
  ExportImageTasks?: ExportImageTask[];
  NextToken?: string;
}

export interface DescribeExportTasksRequest {
  Filters?: Filter[];
  ExportTaskIds?: string[];
}

export interface DescribeExportTasksResult {
  ExportTasks?: ExportTask[];
}

export interface DescribeFastLaunchImagesRequest {
  ImageIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeFastLaunchImagesResult {
  FastLaunchImages?: DescribeFastLaunchImagesSuccessItem[];
  NextToken?: string;
}

export interface DescribeFastLaunchImagesSuccessItem {
  ImageId?: string;
  ResourceType?: FastLaunchResourceType;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationResponse;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationResponse;
  MaxParallelLaunches?: number;
  OwnerId?: string;
  State?: FastLaunchStateCode;
  StateTransitionReason?: string;
  StateTransitionTime?: number;
}

export interface DescribeFastSnapshotRestoreSuccessItem {
  SnapshotId?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  State?: FastSnapshotRestoreStateCode;
  StateTransitionReason?: string;
  OwnerId?: string;
  OwnerAlias?: string;
  EnablingTime?: number;
  OptimizingTime?: number;
  EnabledTime?: number;
  DisablingTime?: number;
  DisabledTime?: number;
}

export interface DescribeFastSnapshotRestoresRequest {
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeFastSnapshotRestoresResult {
  FastSnapshotRestores?: DescribeFastSnapshotRestoreSuccessItem[];
  NextToken?: string;
}

export interface DescribeFleetError {
  LaunchTemplateAndOverrides?: LaunchTemplateAndOverridesResponse;
  Lifecycle?: InstanceLifecycle;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface DescribeFleetHistoryRequest {
  DryRun?: boolean;
  EventType?: FleetEventType;
  MaxResults?: number;
  NextToken?: string;
  FleetId: string;
  StartTime: number;
}

export interface DescribeFleetHistoryResult {
  HistoryRecords?: HistoryRecordEntry[];
  LastEvaluatedTime?: number;
  NextToken?: string;
  FleetId?: string;
  StartTime?: number;
}

export interface DescribeFleetInstancesRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
  FleetId: string;
  Filters?: Filter[];
}

export interface DescribeFleetInstancesResult {
  ActiveInstances?: ActiveInstance[];
  NextToken?: string;
  FleetId?: string;
}

export interface DescribeFleetsInstances {
  LaunchTemplateAndOverrides?: LaunchTemplateAndOverridesResponse;
  Lifecycle?: InstanceLifecycle;
  InstanceIds?: string[];
  InstanceType?: InstanceType_;
  Platform?: PlatformValues;
}

export interface DescribeFleetsRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
  FleetIds?: string[];
  Filters?: Filter[];
}

export interface DescribeFleetsResult {
  NextToken?: string;
  Fleets?: FleetData[];
}

export interface DescribeFlowLogsRequest {
  DryRun?: boolean;
  Filter?: Filter[];
  FlowLogIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeFlowLogsResult {
  FlowLogs?: FlowLog[];
  NextToken?: string;
}

export interface DescribeFpgaImageAttributeRequest {
  DryRun?: boolean;
  FpgaImageId: string;
  Attribute: FpgaImageAttributeName;
}

export interface DescribeFpgaImageAttributeResult {
  FpgaImageAttribute?: FpgaImageAttribute;
}

export interface DescribeFpgaImagesRequest {
  DryRun?: boolean;
  FpgaImageIds?: string[];
  Owners?: string[];
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeFpgaImagesResult {
  FpgaImages?: FpgaImage[];
  NextToken?: string;
}

export interface DescribeHostReservationOfferingsRequest {
  Filter?: Filter[];
  MaxDuration?: number;
  MaxResults?: number;
  MinDuration?: number;
  NextToken?: string;
  OfferingId?: string;
}

export interface DescribeHostReservationOfferingsResult {
  NextToken?: string;
  OfferingSet?: HostOffering[];
}

export interface DescribeHostReservationsRequest {
  Filter?: Filter[];
  HostReservationIdSet?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeHostReservationsResult {
  HostReservationSet?: HostReservation[];
  NextToken?: string;
}

export interface DescribeHostsRequest {
  HostIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filter?: Filter[];
}

export interface DescribeHostsResult {
  Hosts?: Host[];
  NextToken?: string;
}

export interface DescribeIamInstanceProfileAssociationsRequest {
  AssociationIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeIamInstanceProfileAssociationsResult {
  IamInstanceProfileAssociations?: IamInstanceProfileAssociation[];
  NextToken?: string;
}

export interface DescribeIdFormatRequest {
  Resource?: string;
}

export interface DescribeIdFormatResult {
  Statuses?: IdFormat[];
}

export interface DescribeIdentityIdFormatRequest {
  Resource?: string;
  PrincipalArn: string;
}

export interface DescribeIdentityIdFormatResult {
  Statuses?: IdFormat[];
}

export interface DescribeImageAttributeRequest {
  Attribute: ImageAttributeName;
  ImageId: string;
  DryRun?: boolean;
}

export interface DescribeImageReferencesRequest {
  ImageIds: string[];
  IncludeAllResourceTypes?: boolean;
  ResourceTypes?: ResourceTypeRequest[];
  NextToken?: string;
  DryRun?: boolean;
  MaxResults?: number;
}

export interface DescribeImageReferencesResult {
  NextToken?: string;
  ImageReferences?: ImageReference[];
}

export interface DescribeImageUsageReportEntriesRequest {
  ImageIds?: string[];
  ReportIds?: string[];
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
  MaxResults?: number;
}

export interface DescribeImageUsageReportEntriesResult {
  NextToken?: string;
  ImageUsageReportEntries?: ImageUsageReportEntry[];
}

export interface DescribeImageUsageReportsRequest {
  ImageIds?: string[];
  ReportIds?: string[];
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
  MaxResults?: number;
}

export interface DescribeImageUsageReportsResult {
  NextToken?: string;
  ImageUsageReports?: ImageUsageReport[];
}

export interface DescribeImagesRequest {
  ExecutableUsers?: string[];
  ImageIds?: string[];
  Owners?: string[];
  IncludeDeprecated?: boolean;
  IncludeDisabled?: boolean;
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeImagesResult {
  NextToken?: string;
  Images?: Image[];
}

export interface DescribeImportImageTasksRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  ImportTaskIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeImportImageTasksResult {
  ImportImageTasks?: ImportImageTask[];
  NextToken?: string;
}

export interface DescribeImportSnapshotTasksRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  ImportTaskIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeImportSnapshotTasksResult {
  ImportSnapshotTasks?: ImportSnapshotTask[];
  NextToken?: string;
}

export interface DescribeInstanceAttributeRequest {
  DryRun?: boolean;
  InstanceId: string;
  Attribute: InstanceAttributeName;
}

export interface DescribeInstanceConnectEndpointsRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  InstanceConnectEndpointIds?: string[];
}

export interface DescribeInstanceConnectEndpointsResult {
  InstanceConnectEndpoints?: Ec2InstanceConnectEndpoint[];
  NextToken?: string;
}

export interface DescribeInstanceCreditSpecificationsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  InstanceIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeInstanceCreditSpecificationsResult {
  InstanceCreditSpecifications?: InstanceCreditSpecification[];
  NextToken?: string;
}

export interface DescribeInstanceEventNotificationAttributesRequest {
  DryRun?: boolean;
}

export interface DescribeInstanceEventNotificationAttributesResult {
  InstanceTagAttribute?: InstanceTagNotificationAttribute;
}

export interface DescribeInstanceEventWindowsRequest {
  DryRun?: boolean;
  InstanceEventWindowIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeInstanceEventWindowsResult {
  InstanceEventWindows?: InstanceEventWindow[];
  NextToken?: string;
}

export interface DescribeInstanceImageMetadataRequest {
  Filters?: Filter[];
  InstanceIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeInstanceImageMetadataResult {
  InstanceImageMetadata?: InstanceImageMetadata[];
  NextToken?: string;
}

export interface DescribeInstanceSqlHaHistoryStatesRequest {
  InstanceIds?: string[];
  StartTime?: number;
  EndTime?: number;
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeInstanceSqlHaHistoryStatesResult {
  Instances?: RegisteredInstance[];
  NextToken?: string;
}

export interface DescribeInstanceSqlHaStatesRequest {
  InstanceIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeInstanceSqlHaStatesResult {
  Instances?: RegisteredInstance[];
  NextToken?: string;
}

export interface DescribeInstanceStatusRequest {
  InstanceIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  IncludeManagedResources?: boolean;
  DryRun?: boolean;
  Filters?: Filter[];
  IncludeAllInstances?: boolean;
}

export interface DescribeInstanceStatusResult {
  InstanceStatuses?: InstanceStatus[];
  NextToken?: string;
}

export interface DescribeInstanceTopologyRequest {
  DryRun?: boolean;
  NextToken?: string;
  MaxResults?: number;
  InstanceIds?: string[];
  GroupNames?: string[];
  Filters?: Filter[];
}

export interface DescribeInstanceTopologyResult {
  Instances?: InstanceTopology[];
  NextToken?: string;
}

export interface DescribeInstanceTypeOfferingsRequest {
  DryRun?: boolean;
  LocationType?: LocationType;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeInstanceTypeOfferingsResult {
  InstanceTypeOfferings?: InstanceTypeOffering[];
  NextToken?: string;
}

export interface DescribeInstanceTypesRequest {
  DryRun?: boolean;
  InstanceTypes?: InstanceType_[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IncludeUnsupportedInRegion?: boolean;
}

export interface DescribeInstanceTypesResult {
  InstanceTypes?: InstanceTypeInfo[];
  NextToken?: string;
}

export interface DescribeInstancesRequest {
  InstanceIds?: string[];
  IncludeManagedResources?: boolean;
  DryRun?: boolean;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeInstancesResult {
  NextToken?: string;
  Reservations?: Reservation[];
}

export interface DescribeInternetGatewaysRequest {
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  InternetGatewayIds?: string[];
  Filters?: Filter[];
}

export interface DescribeInternetGatewaysResult {
  InternetGateways?: InternetGateway[];
  NextToken?: string;
}

export interface DescribeIpamByoasnRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeIpamByoasnResult {
  Byoasns?: Byoasn[];
  NextToken?: string;
}

export interface DescribeIpamExternalResourceVerificationTokensRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
  IpamExternalResourceVerificationTokenIds?: string[];
}

export interface DescribeIpamExternalResourceVerificationTokensResult {
  NextToken?: string;
  IpamExternalResourceVerificationTokens?: IpamExternalResourceVerificationToken[];
}

export interface DescribeIpamPoliciesRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IpamPolicyIds?: string[];
}

export interface DescribeIpamPoliciesResult {
  NextToken?: string;
  IpamPolicies?: IpamPolicy[];
}

export interface DescribeIpamPoolAllocationsRequest {
  DryRun?: boolean;
  IpamPoolAllocationIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeIpamPoolAllocationsResult {
  IpamPoolAllocations?: IpamPoolAllocation[];
  NextToken?: string;
}

export interface DescribeIpamPoolsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IpamPoolIds?: string[];
}

export interface DescribeIpamPoolsResult {
  NextToken?: string;
  IpamPools?: IpamPool[];
}

export interface DescribeIpamPrefixListResolverTargetsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IpamPrefixListResolverTargetIds?: string[];
  IpamPrefixListResolverId?: string;
}

export interface DescribeIpamPrefixListResolverTargetsResult {
  NextToken?: string;
  IpamPrefixListResolverTargets?: IpamPrefixListResolverTarget[];
}

export interface DescribeIpamPrefixListResolversRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IpamPrefixListResolverIds?: string[];
}

export interface DescribeIpamPrefixListResolversResult {
  NextToken?: string;
  IpamPrefixListResolvers?: IpamPrefixListResolver[];
}

export interface DescribeIpamResourceDiscoveriesRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
}

export interface DescribeIpamResourceDiscoveriesResult {
  IpamResourceDiscoveries?: IpamResourceDiscovery[];
  NextToken?: string;
}

export interface DescribeIpamResourceDiscoveryAssociationsRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryAssociationIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
}

export interface DescribeIpamResourceDiscoveryAssociationsResult {
  IpamResourceDiscoveryAssociations?: IpamResourceDiscoveryAssociation[];
  NextToken?: string;
}

export interface DescribeIpamScopesRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IpamScopeIds?: string[];
}

export interface DescribeIpamScopesResult {
  NextToken?: string;
  IpamScopes?: IpamScope[];
}

export interface DescribeIpamsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IpamIds?: string[];
}

export interface DescribeIpamsResult {
  NextToken?: string;
  Ipams?: Ipam[];
}

export interface DescribeIpv6PoolsRequest {
  PoolIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeIpv6PoolsResult {
  Ipv6Pools?: Ipv6Pool[];
  NextToken?: string;
}

export interface DescribeKeyPairsRequest {
  KeyNames?: string[];
  KeyPairIds?: string[];
  IncludePublicKey?: boolean;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeKeyPairsResult {
  KeyPairs?: KeyPairInfo[];
}

export interface DescribeLaunchTemplateVersionsRequest {
  DryRun?: boolean;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Versions?: string[];
  MinVersion?: string;
  MaxVersion?: string;
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  ResolveAlias?: boolean;
  IncludeManagedResources?: boolean;
}

export interface DescribeLaunchTemplateVersionsResult {
  LaunchTemplateVersions?: LaunchTemplateVersion[];
  NextToken?: string;
}

export interface DescribeLaunchTemplatesRequest {
  DryRun?: boolean;
  LaunchTemplateIds?: string[];
  LaunchTemplateNames?: string[];
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
  IncludeManagedResources?: boolean;
}

export interface DescribeLaunchTemplatesResult {
  LaunchTemplates?: LaunchTemplate[];
  NextToken?: string;
}

export interface DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociationsRequest {
  LocalGatewayRouteTableVirtualInterfaceGroupAssociationIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociationsResult {
  LocalGatewayRouteTableVirtualInterfaceGroupAssociations?: LocalGatewayRouteTableVirtualInterfaceGroupAssociation[];
  NextToken?: string;
}

export interface DescribeLocalGatewayRouteTableVpcAssociationsRequest {
  LocalGatewayRouteTableVpcAssociationIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeLocalGatewayRouteTableVpcAssociationsResult {
  LocalGatewayRouteTableVpcAssociations?: LocalGatewayRouteTableVpcAssociation[];
  NextToken?: string;
}

export interface DescribeLocalGatewayRouteTablesRequest {
  LocalGatewayRouteTableIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeLocalGatewayRouteTablesResult {
  LocalGatewayRouteTables?: LocalGatewayRouteTable[];
  NextToken?: string;
}

export interface DescribeLocalGatewayVirtualInterfaceGroupsRequest {
  LocalGatewayVirtualInterfaceGroupIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeLocalGatewayVirtualInterfaceGroupsResult {
  LocalGatewayVirtualInterfaceGroups?: LocalGatewayVirtualInterfaceGroup[];
  NextToken?: string;
}

export interface DescribeLocalGatewayVirtualInterfacesRequest {
  LocalGatewayVirtualInterfaceIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeLocalGatewayVirtualInterfacesResult {
  LocalGatewayVirtualInterfaces?: LocalGatewayVirtualInterface[];
  NextToken?: string;
}

export interface DescribeLocalGatewaysRequest {
  LocalGatewayIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeLocalGatewaysResult {
  LocalGateways?: LocalGateway[];
  NextToken?: string;
}

export interface DescribeLockedSnapshotsRequest {
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  SnapshotIds?: string[];
  DryRun?: boolean;
}

export interface DescribeLockedSnapshotsResult {
  Snapshots?: LockedSnapshotsInfo[];
  NextToken?: string;
}

export interface DescribeMacHostsRequest {
  Filters?: Filter[];
  HostIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMacHostsResult {
  MacHosts?: MacHost[];
  NextToken?: string;
}

export interface DescribeMacModificationTasksRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MacModificationTaskIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeMacModificationTasksResult {
  MacModificationTasks?: MacModificationTask[];
  NextToken?: string;
}

export interface DescribeManagedPrefixListsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  PrefixListIds?: string[];
}

export interface DescribeManagedPrefixListsResult {
  NextToken?: string;
  PrefixLists?: ManagedPrefixList[];
}

export interface DescribeMovingAddressesRequest {
  DryRun?: boolean;
  PublicIps?: string[];
  NextToken?: string;
  Filters?: Filter[];
  MaxResults?: number;
}

export interface DescribeMovingAddressesResult {
  MovingAddressStatuses?: MovingAddressStatus[];
  NextToken?: string;
}

export interface DescribeNatGatewaysRequest {
  DryRun?: boolean;
  Filter?: Filter[];
  MaxResults?: number;
  NatGatewayIds?: string[];
  NextToken?: string;
}

export interface DescribeNatGatewaysResult {
  NatGateways?: NatGateway[];
  NextToken?: string;
}

export interface DescribeNetworkAclsRequest {
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  NetworkAclIds?: string[];
  Filters?: Filter[];
}

export interface DescribeNetworkAclsResult {
  NetworkAcls?: NetworkAcl[];
  NextToken?: string;
}

export interface DescribeNetworkInsightsAccessScopeAnalysesRequest {
  NetworkInsightsAccessScopeAnalysisIds?: string[];
  NetworkInsightsAccessScopeId?: string;
  AnalysisStartTimeBegin?: number;
  AnalysisStartTimeEnd?: number;
  Filters?: Filter[];
  MaxResults?: number;
  DryRun?: boolean;
  NextToken?: string;
}

export interface DescribeNetworkInsightsAccessScopeAnalysesResult {
  NetworkInsightsAccessScopeAnalyses?: NetworkInsightsAccessScopeAnalysis[];
  NextToken?: string;
}

export interface DescribeNetworkInsightsAccessScopesRequest {
  NetworkInsightsAccessScopeIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  DryRun?: boolean;
  NextToken?: string;
}

export interface DescribeNetworkInsightsAccessScopesResult {
  NetworkInsightsAccessScopes?: NetworkInsightsAccessScope[];
  NextToken?: string;
}

export interface DescribeNetworkInsightsAnalysesRequest {
  NetworkInsightsAnalysisIds?: string[];
  NetworkInsightsPathId?: string;
  AnalysisStartTime?: number;
  AnalysisEndTime?: number;
  Filters?: Filter[];
  MaxResults?: number;
  DryRun?: boolean;
  NextToken?: string;
}

export interface DescribeNetworkInsightsAnalysesResult {
  NetworkInsightsAnalyses?: NetworkInsightsAnalysis[];
  NextToken?: string;
}

export interface DescribeNetworkInsightsPathsRequest {
  NetworkInsightsPathIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  DryRun?: boolean;
  NextToken?: string;
}

export interface DescribeNetworkInsightsPathsResult {
  NetworkInsightsPaths?: NetworkInsightsPath[];
  NextToken?: string;
}

export interface DescribeNetworkInterfaceAttributeRequest {
  DryRun?: boolean;
  NetworkInterfaceId: string;
  Attribute?: NetworkInterfaceAttribute;
}

export interface DescribeNetworkInterfaceAttributeResult {
  Attachment?: NetworkInterfaceAttachment;
  Description?: AttributeValue;
  Groups?: GroupIdentifier[];
  NetworkInterfaceId?: string;
  SourceDestCheck?: AttributeBooleanValue;
  AssociatePublicIpAddress?: boolean;
}

export interface DescribeNetworkInterfacePermissionsRequest {
  NetworkInterfacePermissionIds?: string[];
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeNetworkInterfacePermissionsResult {
  NetworkInterfacePermissions?: NetworkInterfacePermission[];
  NextToken?: string;
}

export interface DescribeNetworkInterfacesRequest {
  NextToken?: string;
  MaxResults?: number;
  IncludeManagedResources?: boolean;
  DryRun?: boolean;
  NetworkInterfaceIds?: string[];
  Filters?: Filter[];
}

export interface DescribeNetworkInterfacesResult {
  NetworkInterfaces?: NetworkInterface[];
  NextToken?: string;
}

export interface DescribeOutpostLagsRequest {
  OutpostLagIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeOutpostLagsResult {
  OutpostLags?: OutpostLag[];
  NextToken?: string;
}

export interface DescribePlacementGroupsRequest {
  GroupIds?: string[];
  DryRun?: boolean;
  GroupNames?: string[];
  Filters?: Filter[];
}

export interface DescribePlacementGroupsResult {
  PlacementGroups?: PlacementGroup[];
}

export interface DescribePrefixListsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  PrefixListIds?: string[];
}

export interface DescribePrefixListsResult {
  NextToken?: string;
  PrefixLists?: PrefixList[];
}

export interface DescribePrincipalIdFormatRequest {
  DryRun?: boolean;
  Resources?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribePrincipalIdFormatResult {
  Principals?: PrincipalIdFormat[];
  NextToken?: string;
}

export interface DescribePublicIpv4PoolsRequest {
  PoolIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
}

export interface DescribePublicIpv4PoolsResult {
  PublicIpv4Pools?: PublicIpv4Pool[];
  NextToken?: string;
}

export interface DescribeRegionsRequest {
  RegionNames?: string[];
  AllRegions?: boolean;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeRegionsResult {
  Regions?: Region[];
}

export interface DescribeReplaceRootVolumeTasksRequest {
  ReplaceRootVolumeTaskIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeReplaceRootVolumeTasksResult {
  ReplaceRootVolumeTasks?: ReplaceRootVolumeTask[];
  NextToken?: string;
}

export interface DescribeReservedInstancesListingsRequest {
  ReservedInstancesId?: string;
  ReservedInstancesListingId?: string;
  Filters?: Filter[];
}

export interface DescribeReservedInstancesListingsResult {
  ReservedInstancesListings?: ReservedInstancesListing[];
}

export interface DescribeReservedInstancesModificationsRequest {
  ReservedInstancesModificationIds?: string[];
  NextToken?: string;
  Filters?: Filter[];
}

export interface DescribeReservedInstancesModificationsResult {
  NextToken?: string;
  ReservedInstancesModifications?: ReservedInstancesModification[];
}

export interface DescribeReservedInstancesOfferingsRequest {
  AvailabilityZone?: string;
  IncludeMarketplace?: boolean;
  InstanceType?: InstanceType_;
  MaxDuration?: number;
  MaxInstanceCount?: number;
  MinDuration?: number;
  OfferingClass?: OfferingClassType;
  ProductDescription?: RIProductDescription;
  ReservedInstancesOfferingIds?: string[];
  AvailabilityZoneId?: string;
  DryRun?: boolean;
  Filters?: Filter[];
  InstanceTenancy?: Tenancy;
  OfferingType?: OfferingTypeValues;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeReservedInstancesOfferingsResult {
  NextToken?: string;
  ReservedInstancesOfferings?: ReservedInstancesOffering[];
}

export interface DescribeReservedInstancesRequest {
  OfferingClass?: OfferingClassType;
  ReservedInstancesIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  OfferingType?: OfferingTypeValues;
}

export interface DescribeReservedInstancesResult {
  ReservedInstances?: ReservedInstances[];
}

export interface DescribeRouteServerEndpointsRequest {
  RouteServerEndpointIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeRouteServerEndpointsResult {
  RouteServerEndpoints?: RouteServerEndpoint[];
  NextToken?: string;
}

export interface DescribeRouteServerPeersRequest {
  RouteServerPeerIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeRouteServerPeersResult {
  RouteServerPeers?: RouteServerPeer[];
  NextToken?: string;
}

export interface DescribeRouteServersRequest {
  RouteServerIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeRouteServersResult {
  RouteServers?: RouteServer[];
  NextToken?: string;
}

export interface DescribeRouteTablesRequest {
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  RouteTableIds?: string[];
  Filters?: Filter[];
}

export interface DescribeRouteTablesResult {
  RouteTables?: RouteTable[];
  NextToken?: string;
}

export interface DescribeScheduledInstanceAvailabilityRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  FirstSlotStartTimeRange: SlotDateTimeRangeRequest;
  MaxResults?: number;
  MaxSlotDurationInHours?: number;
  MinSlotDurationInHours?: number;
  NextToken?: string;
  Recurrence: ScheduledInstanceRecurrenceRequest;
}

export interface DescribeScheduledInstanceAvailabilityResult {
  NextToken?: string;
  ScheduledInstanceAvailabilitySet?: ScheduledInstanceAvailability[];
}

export interface DescribeScheduledInstancesRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  ScheduledInstanceIds?: string[];
  SlotStartTimeRange?: SlotStartTimeRangeRequest;
}

export interface DescribeScheduledInstancesResult {
  NextToken?: string;
  ScheduledInstanceSet?: ScheduledInstance[];
}

export interface DescribeSecondaryInterfacesRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  SecondaryInterfaceIds?: string[];
}

export interface DescribeSecondaryInterfacesResult {
  SecondaryInterfaces?: SecondaryInterface[];
  NextToken?: string;
}

export interface DescribeSecondaryNetworksRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  SecondaryNetworkIds?: string[];
}

export interface DescribeSecondaryNetworksResult {
  SecondaryNetworks?: SecondaryNetwork[];
  NextToken?: string;
}

export interface DescribeSecondarySubnetsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  SecondarySubnetIds?: string[];
}

export interface DescribeSecondarySubnetsResult {
  SecondarySubnets?: SecondarySubnet[];
  NextToken?: string;
}

export interface DescribeSecurityGroupReferencesRequest {
  DryRun?: boolean;
  GroupId: string[];
}

export interface DescribeSecurityGroupReferencesResult {
  SecurityGroupReferenceSet?: SecurityGroupReference[];
}

export interface DescribeSecurityGroupRulesRequest {
  Filters?: Filter[];
  SecurityGroupRuleIds?: string[];
  DryRun?: boolean;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeSecurityGroupRulesResult {
  SecurityGroupRules?: SecurityGroupRule[];
  NextToken?: string;
}

export interface DescribeSecurityGroupVpcAssociationsRequest {
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface DescribeSecurityGroupVpcAssociationsResult {
  SecurityGroupVpcAssociations?: SecurityGroupVpcAssociation[];
  NextToken?: string;
}

export interface DescribeSecurityGroupsRequest {
  GroupIds?: string[];
  GroupNames?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeSecurityGroupsResult {
  NextToken?: string;
  SecurityGroups?: SecurityGroup[];
}

export interface DescribeServiceLinkVirtualInterfacesRequest {
  ServiceLinkVirtualInterfaceIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeServiceLinkVirtualInterfacesResult {
  ServiceLinkVirtualInterfaces?: ServiceLinkVirtualInterface[];
  NextToken?: string;
}

export interface DescribeSnapshotAttributeRequest {
  Attribute: SnapshotAttributeName;
  SnapshotId: string;
  DryRun?: boolean;
}

export interface DescribeSnapshotAttributeResult {
  ProductCodes?: ProductCode[];
  SnapshotId?: string;
  CreateVolumePermissions?: CreateVolumePermission[];
}

export interface DescribeSnapshotTierStatusRequest {
  Filters?: Filter[];
  DryRun?: boolean;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeSnapshotTierStatusResult {
  SnapshotTierStatuses?: SnapshotTierStatus[];
  NextToken?: string;
}

export interface DescribeSnapshotsRequest {
  MaxResults?: number;
  NextToken?: string;
  OwnerIds?: string[];
  RestorableByUserIds?: string[];
  SnapshotIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeSnapshotsResult {
  NextToken?: string;
  Snapshots?: Snapshot[];
}

export interface DescribeSpotDatafeedSubscriptionRequest {
  DryRun?: boolean;
}

export interface DescribeSpotDatafeedSubscriptionResult {
  SpotDatafeedSubscription?: SpotDatafeedSubscription;
}

export interface DescribeSpotFleetInstancesRequest {
  DryRun?: boolean;
  SpotFleetRequestId: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeSpotFleetInstancesResponse {
  ActiveInstances?: ActiveInstance[];
  NextToken?: string;
  SpotFleetRequestId?: string;
}

export interface DescribeSpotFleetRequestHistoryRequest {
  DryRun?: boolean;
  SpotFleetRequestId: string;
  EventType?: EventType;
  StartTime: number;
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeSpotFleetRequestHistoryResponse {
  HistoryRecords?: HistoryRecord[];
  LastEvaluatedTime?: number;
  NextToken?: string;
  SpotFleetRequestId?: string;
  StartTime?: number;
}

export interface DescribeSpotFleetRequestsRequest {
  DryRun?: boolean;
  SpotFleetRequestIds?: string[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeSpotFleetRequestsResponse {
  NextToken?: string;
  SpotFleetRequestConfigs?: SpotFleetRequestConfig[];
}

export interface DescribeSpotInstanceRequestsRequest {
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  SpotInstanceRequestIds?: string[];
  Filters?: Filter[];
}

export interface DescribeSpotInstanceRequestsResult {
  SpotInstanceRequests?: SpotInstanceRequest[];
  NextToken?: string;
}

export interface DescribeSpotPriceHistoryRequest {
  AvailabilityZoneId?: string;
  DryRun?: boolean;
  StartTime?: number;
  EndTime?: number;
  InstanceTypes?: InstanceType_[];
  ProductDescriptions?: string[];
  Filters?: Filter[];
  AvailabilityZone?: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeSpotPriceHistoryResult {
  NextToken?: string;
  SpotPriceHistory?: SpotPrice[];
}

export interface DescribeStaleSecurityGroupsRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
  VpcId: string;
}

export interface DescribeStaleSecurityGroupsResult {
  NextToken?: string;
  StaleSecurityGroupSet?: StaleSecurityGroup[];
}

export interface DescribeStoreImageTasksRequest {
  ImageIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeStoreImageTasksResult {
  StoreImageTaskResults?: StoreImageTaskResult[];
  NextToken?: string;
}

export interface DescribeSubnetsRequest {
  Filters?: Filter[];
  SubnetIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface DescribeSubnetsResult {
  NextToken?: string;
  Subnets?: Subnet[];
}

export interface DescribeTagsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeTagsResult {
  NextToken?: string;
  Tags?: TagDescription[];
}

export interface DescribeTrafficMirrorFilterRulesRequest {
  TrafficMirrorFilterRuleIds?: string[];
  TrafficMirrorFilterId?: string;
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeTrafficMirrorFilterRulesResult {
  TrafficMirrorFilterRules?: TrafficMirrorFilterRule[];
  NextToken?: string;
}

export interface DescribeTrafficMirrorFiltersRequest {
  TrafficMirrorFilterIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeTrafficMirrorFiltersResult {
  TrafficMirrorFilters?: TrafficMirrorFilter[];
  NextToken?: string;
}

export interface DescribeTrafficMirrorSessionsRequest {
  TrafficMirrorSessionIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeTrafficMirrorSessionsResult {
  TrafficMirrorSessions?: TrafficMirrorSession[];
  NextToken?: string;
}

export interface DescribeTrafficMirrorTargetsRequest {
  TrafficMirrorTargetIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeTrafficMirrorTargetsResult {
  TrafficMirrorTargets?: TrafficMirrorTarget[];
  NextToken?: string;
}

export interface DescribeTransitGatewayAttachmentsRequest {
  TransitGatewayAttachmentIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayAttachmentsResult {
  TransitGatewayAttachments?: TransitGatewayAttachment[];
  NextToken?: string;
}

export interface DescribeTransitGatewayConnectPeersRequest {
  TransitGatewayConnectPeerIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayConnectPeersResult {
  TransitGatewayConnectPeers?: TransitGatewayConnectPeer[];
  NextToken?: string;
}

export interface DescribeTransitGatewayConnectsRequest {
  TransitGatewayAttachmentIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayConnectsResult {
  TransitGatewayConnects?: TransitGatewayConnect[];
  NextToken?: string;
}

export interface DescribeTransitGatewayMeteringPoliciesRequest {
  TransitGatewayMeteringPolicyIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayMeteringPoliciesResult {
  TransitGatewayMeteringPolicies?: TransitGatewayMeteringPolicy[];
  NextToken?: string;
}

export interface DescribeTransitGatewayMulticastDomainsRequest {
  TransitGatewayMulticastDomainIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayMulticastDomainsResult {
  TransitGatewayMulticastDomains?: TransitGatewayMulticastDomain[];
  NextToken?: string;
}

export interface DescribeTransitGatewayPeeringAttachmentsRequest {
  TransitGatewayAttachmentIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayPeeringAttachmentsResult {
  TransitGatewayPeeringAttachments?: TransitGatewayPeeringAttachment[];
  NextToken?: string;
}

export interface DescribeTransitGatewayPolicyTablesRequest {
  TransitGatewayPolicyTableIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayPolicyTablesResult {
  TransitGatewayPolicyTables?: TransitGatewayPolicyTable[];
  NextToken?: string;
}

export interface DescribeTransitGatewayRouteTableAnnouncementsRequest {
  TransitGatewayRouteTableAnnouncementIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayRouteTableAnnouncementsResult {
  TransitGatewayRouteTableAnnouncements?: TransitGatewayRouteTableAnnouncement[];
  NextToken?: string;
}

export interface DescribeTransitGatewayRouteTablesRequest {
  TransitGatewayRouteTableIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayRouteTablesResult {
  TransitGatewayRouteTables?: TransitGatewayRouteTable[];
  NextToken?: string;
}

export interface DescribeTransitGatewayVpcAttachmentsRequest {
  TransitGatewayAttachmentIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewayVpcAttachmentsResult {
  TransitGatewayVpcAttachments?: TransitGatewayVpcAttachment[];
  NextToken?: string;
}

export interface DescribeTransitGatewaysRequest {
  TransitGatewayIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeTransitGatewaysResult {
  TransitGateways?: TransitGateway[];
  NextToken?: string;
}

export interface DescribeTrunkInterfaceAssociationsRequest {
  AssociationIds?: string[];
  DryRun?: boolean;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeTrunkInterfaceAssociationsResult {
  InterfaceAssociations?: TrunkInterfaceAssociation[];
  NextToken?: string;
}

export interface DescribeVerifiedAccessEndpointsRequest {
  VerifiedAccessEndpointIds?: string[];
  VerifiedAccessInstanceId?: string;
  VerifiedAccessGroupId?: string;
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeVerifiedAccessEndpointsResult {
  VerifiedAccessEndpoints?: VerifiedAccessEndpoint[];
  NextToken?: string;
}

export interface DescribeVerifiedAccessGroupsRequest {
  VerifiedAccessGroupIds?: string[];
  VerifiedAccessInstanceId?: string;
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeVerifiedAccessGroupsResult {
  VerifiedAccessGroups?: VerifiedAccessGroup[];
  NextToken?: string;
}

export interface DescribeVerifiedAccessInstanceLoggingConfigurationsRequest {
  VerifiedAccessInstanceIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeVerifiedAccessInstanceLoggingConfigurationsResult {
  LoggingConfigurations?: VerifiedAccessInstanceLoggingConfiguration[];
  NextToken?: string;
}

export interface DescribeVerifiedAccessInstancesRequest {
  VerifiedAccessInstanceIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeVerifiedAccessInstancesResult {
  VerifiedAccessInstances?: VerifiedAccessInstance[];
  NextToken?: string;
}

export interface DescribeVerifiedAccessTrustProvidersRequest {
  VerifiedAccessTrustProviderIds?: string[];
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface DescribeVerifiedAccessTrustProvidersResult {
  VerifiedAccessTrustProviders?: VerifiedAccessTrustProvider[];
  NextToken?: string;
}

export interface DescribeVolumeAttributeRequest {
  Attribute: VolumeAttributeName;
  VolumeId: string;
  DryRun?: boolean;
}

export interface DescribeVolumeAttributeResult {
  AutoEnableIO?: AttributeBooleanValue;
  ProductCodes?: ProductCode[];
  VolumeId?: string;
}

export interface DescribeVolumeStatusRequest {
  MaxResults?: number;
  NextToken?: string;
  VolumeIds?: string[];
  IncludeManagedResources?: boolean;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface DescribeVolumeStatusResult {
  NextToken?: string;
  VolumeStatuses?: VolumeStatusItem[];
}

export interface DescribeVolumesModificationsRequest {
  DryRun?: boolean;
  VolumeIds?: string[];
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeVolumesModificationsResult {
  NextToken?: string;
  VolumesModifications?: VolumeModification[];
}

export interface DescribeVolumesRequest {
  VolumeIds?: string[];
  IncludeManagedResources?: boolean;
  DryRun?: boolean;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeVolumesResult {
  NextToken?: string;
  Volumes?: Volume[];
}

export interface DescribeVpcAttributeRequest {
  Attribute: VpcAttributeName;
  VpcId: string;
  DryRun?: boolean;
}

export interface DescribeVpcAttributeResult {
  EnableDnsHostnames?: AttributeBooleanValue;
  EnableDnsSupport?: AttributeBooleanValue;
  EnableNetworkAddressUsageMetrics?: AttributeBooleanValue;
  VpcId?: string;
}

export interface DescribeVpcBlockPublicAccessExclusionsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  ExclusionIds?: string[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeVpcBlockPublicAccessExclusionsResult {
  VpcBlockPublicAccessExclusions?: VpcBlockPublicAccessExclusion[];
  NextToken?: string;
}

export interface DescribeVpcBlockPublicAccessOptionsRequest {
  DryRun?: boolean;
}

export interface DescribeVpcBlockPublicAccessOptionsResult {
  VpcBlockPublicAccessOptions?: VpcBlockPublicAccessOptions;
}

export interface DescribeVpcClassicLinkDnsSupportRequest {
  VpcIds?: string[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeVpcClassicLinkDnsSupportResult {
  NextToken?: string;
  Vpcs?: ClassicLinkDnsSupport[];
}

export interface DescribeVpcClassicLinkRequest {
  DryRun?: boolean;
  VpcIds?: string[];
  Filters?: Filter[];
}

export interface DescribeVpcClassicLinkResult {
  Vpcs?: VpcClassicLink[];
}

export interface DescribeVpcEncryptionControlsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  VpcEncryptionControlIds?: string[];
  VpcIds?: string[];
  NextToken?: string;
  MaxResults?: number;
}

export interface DescribeVpcEncryptionControlsResult {
  VpcEncryptionControls?: VpcEncryptionControl[];
  NextToken?: string;
}

export interface DescribeVpcEndpointAssociationsRequest {
  DryRun?: boolean;
  VpcEndpointIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeVpcEndpointAssociationsResult {
  VpcEndpointAssociations?: VpcEndpointAssociation[];
  NextToken?: string;
}

export interface DescribeVpcEndpointConnectionNotificationsRequest {
  DryRun?: boolean;
  ConnectionNotificationId?: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeVpcEndpointConnectionNotificationsResult {
  ConnectionNotificationSet?: ConnectionNotification[];
  NextToken?: string;
}

export interface DescribeVpcEndpointConnectionsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeVpcEndpointConnectionsResult {
  VpcEndpointConnections?: VpcEndpointConnection[];
  NextToken?: string;
}

export interface DescribeVpcEndpointServiceConfigurationsRequest {
  DryRun?: boolean;
  ServiceIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeVpcEndpointServiceConfigurationsResult {
  ServiceConfigurations?: ServiceConfiguration[];
  NextToken?: string;
}

export interface DescribeVpcEndpointServicePermissionsRequest {
  DryRun?: boolean;
  ServiceId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeVpcEndpointServicePermissionsResult {
  AllowedPrincipals?: AllowedPrincipal[];
  NextToken?: string;
}

export interface DescribeVpcEndpointServicesRequest {
  DryRun?: boolean;
  ServiceNames?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  ServiceRegions?: string[];
}

export interface DescribeVpcEndpointServicesResult {
  ServiceNames?: string[];
  ServiceDetails?: ServiceDetail[];
  NextToken?: string;
}

export interface DescribeVpcEndpointsRequest {
  DryRun?: boolean;
  VpcEndpointIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface DescribeVpcEndpointsResult {
  VpcEndpoints?: VpcEndpoint[];
  NextToken?: string;
}

export interface DescribeVpcPeeringConnectionsRequest {
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  VpcPeeringConnectionIds?: string[];
  Filters?: Filter[];
}

export interface DescribeVpcPeeringConnectionsResult {
  VpcPeeringConnections?: VpcPeeringConnection[];
  NextToken?: string;
}

export interface DescribeVpcsRequest {
  Filters?: Filter[];
  VpcIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface DescribeVpcsResult {
  NextToken?: string;
  Vpcs?: Vpc[];
}

export interface DescribeVpnConcentratorsRequest {
  VpnConcentratorIds?: string[];
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface DescribeVpnConcentratorsResult {
  VpnConcentrators?: VpnConcentrator[];
  NextToken?: string;
}

export interface DescribeVpnConnectionsRequest {
  Filters?: Filter[];
  VpnConnectionIds?: string[];
  DryRun?: boolean;
}

export interface DescribeVpnConnectionsResult {
  VpnConnections?: VpnConnection[];
}

export interface DescribeVpnGatewaysRequest {
  Filters?: Filter[];
  VpnGatewayIds?: string[];
  DryRun?: boolean;
}

export interface DescribeVpnGatewaysResult {
  VpnGateways?: VpnGateway[];
}

export type DestinationFileFormat = 'plain-text' | 'parquet';

export interface DestinationOptionsRequest {
  FileFormat?: DestinationFileFormat;
  HiveCompatiblePartitions?: boolean;
  PerHourPartition?: boolean;
}

export interface DestinationOptionsResponse {
  FileFormat?: DestinationFileFormat;
  HiveCompatiblePartitions?: boolean;
  PerHourPartition?: boolean;
}

export interface DetachClassicLinkVpcRequest {
  DryRun?: boolean;
  InstanceId: string;
  VpcId: string;
}

export interface DetachClassicLinkVpcResult {
  Return?: boolean;
}

export interface DetachInternetGatewayRequest {
  DryRun?: boolean;
  InternetGatewayId: string;
  VpcId: string;
}

export interface DetachNetworkInterfaceRequest {
  DryRun?: boolean;
  AttachmentId: string;
  Force?: boolean;
}

export interface DetachVerifiedAccessTrustProviderRequest {
  VerifiedAccessInstanceId: string;
  VerifiedAccessTrustProviderId: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface DetachVerifiedAccessTrustProviderResult {
  VerifiedAccessTrustProvider?: VerifiedAccessTrustProvider;
  VerifiedAccessInstance?: VerifiedAccessInstance;
}

export interface DetachVolumeRequest {
  Device?: string;
  Force?: boolean;
  InstanceId?: string;
  VolumeId: string;
  DryRun?: boolean;
}

export interface DetachVpnGatewayRequest {
  VpcId: string;
  VpnGatewayId: string;
  DryRun?: boolean;
}

export interface DeviceOptions {
  TenantId?: string;
  PublicSigningKeyUrl?: string;
}

export type DeviceTrustProviderType = 'jamf' | 'crowdstrike' | 'jumpcloud';

export type DeviceType = 'ebs' | 'instance-store';

export interface DhcpConfiguration {
  Key?: string;
  Values?: AttributeValue[];
}

export interface DhcpOptions {
  OwnerId?: string;
  Tags?: Tag[];
  DhcpOptionsId?: string;
  DhcpConfigurations?: DhcpConfiguration[];
}

export interface DimensionCondition {
  Dimension?: FilterByDimension;
  Comparison?: Comparison;
  Values?: string[];
}

export interface DirectoryServiceAuthentication {
  DirectoryId?: string;
}

export interface DirectoryServiceAuthenticationRequest {
  DirectoryId?: string;
}

export interface DisableAddressTransferRequest {
  AllocationId: string;
  DryRun?: boolean;
}

export interface DisableAddressTransferResult {
  AddressTransfer?: AddressTransfer;
}

export interface DisableAllowedImagesSettingsRequest {
  DryRun?: boolean;
}

export interface DisableAllowedImagesSettingsResult {
  AllowedImagesSettingsState?: AllowedImagesSettingsDisabledState;
}

export interface DisableAwsNetworkPerformanceMetricSubscriptionRequest {
  Source?: string;
  Destination?: string;
  Metric?: MetricType;
  Statistic?: StatisticType;
  DryRun?: boolean;
}

export interface DisableAwsNetworkPerformanceMetricSubscriptionResult {
  Output?: boolean;
}

export interface DisableCapacityManagerRequest {
  DryRun?: boolean;
  ClientToken?: string;
}

export interface DisableCapacityManagerResult {
  CapacityManagerStatus?: CapacityManagerStatus;
  OrganizationsAccess?: boolean;
}

export interface DisableEbsEncryptionByDefaultRequest {
  DryRun?: boolean;
}

export interface DisableEbsEncryptionByDefaultResult {
  EbsEncryptionByDefault?: boolean;
}

export interface DisableFastLaunchRequest {
  ImageId: string;
  Force?: boolean;
  DryRun?: boolean;
}

export interface DisableFastLaunchResult {
  ImageId?: string;
  ResourceType?: FastLaunchResourceType;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationResponse;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationResponse;
  MaxParallelLaunches?: number;
  OwnerId?: string;
  State?: FastLaunchStateCode;
  StateTransitionReason?: string;
  StateTransitionTime?: number;
}

export interface DisableFastSnapshotRestoreErrorItem {
  SnapshotId?: string;
  FastSnapshotRestoreStateErrors?: DisableFastSnapshotRestoreStateErrorItem[];
}

export interface DisableFastSnapshotRestoreStateError {
  Code?: string;
  Message?: string;
}

export interface DisableFastSnapshotRestoreStateErrorItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Error?: DisableFastSnapshotRestoreStateError;
}

export interface DisableFastSnapshotRestoreSuccessItem {
  SnapshotId?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  State?: FastSnapshotRestoreStateCode;
  StateTransitionReason?: string;
  OwnerId?: string;
  OwnerAlias?: string;
  EnablingTime?: number;
  OptimizingTime?: number;
  EnabledTime?: number;
  DisablingTime?: number;
  DisabledTime?: number;
}

export interface DisableFastSnapshotRestoresRequest {
  AvailabilityZones?: string[];
  AvailabilityZoneIds?: string[];
  SourceSnapshotIds: string[];
  DryRun?: boolean;
}

export interface DisableFastSnapshotRestoresResult {
  Successful?: DisableFastSnapshotRestoreSuccessItem[];
  Unsuccessful?: DisableFastSnapshotRestoreErrorItem[];
}

export interface DisableImageBlockPublicAccessRequest {
  DryRun?: boolean;
}

export interface DisableImageBlockPublicAccessResult {
  ImageBlockPublicAccessState?: ImageBlockPublicAccessDisabledState;
}

export interface DisableImageDeprecationRequest {
  ImageId: string;
  DryRun?: boolean;
}

export interface DisableImageDeprecationResult {
  Return?: boolean;
}

export interface DisableImageDeregistrationProtectionRequest {
  ImageId: string;
  DryRun?: boolean;
}

export interface DisableImageDeregistrationProtectionResult {
  Return?: string;
}

export interface DisableImageRequest {
  ImageId: string;
  DryRun?: boolean;
}

export interface DisableImageResult {
  Return?: boolean;
}

export interface DisableInstanceSqlHaStandbyDetectionsRequest {
  InstanceIds: string[];
  DryRun?: boolean;
}

export interface DisableInstanceSqlHaStandbyDetectionsResult {
  Instances?: RegisteredInstance[];
}

export interface DisableIpamOrganizationAdminAccountRequest {
  DryRun?: boolean;
  DelegatedAdminAccountId: string;
}

export interface DisableIpamOrganizationAdminAccountResult {
  Success?: boolean;
}

export interface DisableIpamPolicyRequest {
  DryRun?: boolean;
  IpamPolicyId: string;
  OrganizationTargetId?: string;
}

export interface DisableIpamPolicyResult {
  Return?: boolean;
}

export interface DisableRouteServerPropagationRequest {
  RouteServerId: string;
  RouteTableId: string;
  DryRun?: boolean;
}

export interface DisableRouteServerPropagationResult {
  RouteServerPropagation?: RouteServerPropagation;
}

export interface DisableSerialConsoleAccessRequest {
  DryRun?: boolean;
}

export interface DisableSerialConsoleAccessResult {
  SerialConsoleAccessEnabled?: boolean;
}

export interface DisableSnapshotBlockPublicAccessRequest {
  DryRun?: boolean;
}

export interface DisableSnapshotBlockPublicAccessResult {
  State?: SnapshotBlockPublicAccessState;
}

export interface DisableTransitGatewayRouteTablePropagationRequest {
  TransitGatewayRouteTableId: string;
  TransitGatewayAttachmentId?: string;
  DryRun?: boolean;
  TransitGatewayRouteTableAnnouncementId?: string;
}

export interface DisableTransitGatewayRouteTablePropagationResult {
  Propagation?: TransitGatewayPropagation;
}

export interface DisableVgwRoutePropagationRequest {
  GatewayId: string;
  RouteTableId: string;
  DryRun?: boolean;
}

export interface DisableVpcClassicLinkDnsSupportRequest {
  VpcId?: string;
}

export interface DisableVpcClassicLinkDnsSupportResult {
  Return?: boolean;
}

export interface DisableVpcClassicLinkRequest {
  DryRun?: boolean;
  VpcId: string;
}

export interface DisableVpcClassicLinkResult {
  Return?: boolean;
}

export interface DisassociateAddressRequest {
  AssociationId?: string;
  PublicIp?: string;
  DryRun?: boolean;
}

export interface DisassociateCapacityReservationBillingOwnerRequest {
  DryRun?: boolean;
  CapacityReservationId: string;
  UnusedReservationBillingOwnerId: string;
}

export interface DisassociateCapacityReservationBillingOwnerResult {
  Return?: boolean;
}

export interface DisassociateClientVpnTargetNetworkRequest {
  ClientVpnEndpointId: string;
  AssociationId: string;
  DryRun?: boolean;
}

export interface DisassociateClientVpnTargetNetworkResult {
  AssociationId?: string;
  Status?: AssociationStatus;
}

export interface DisassociateEnclaveCertificateIamRoleRequest {
  CertificateArn: string;
  RoleArn: string;
  DryRun?: boolean;
}

export interface DisassociateEnclaveCertificateIamRoleResult {
  Return?: boolean;
}

export interface DisassociateIamInstanceProfileRequest {
  AssociationId: string;
}

export interface DisassociateIamInstanceProfileResult {
  IamInstanceProfileAssociation?: IamInstanceProfileAssociation;
}

export interface DisassociateInstanceEventWindowRequest {
  DryRun?: boolean;
  InstanceEventWindowId: string;
  AssociationTarget: InstanceEventWindowDisassociationRequest;
}

export interface DisassociateInstanceEventWindowResult {
  InstanceEventWindow?: InstanceEventWindow;
}

export interface DisassociateIpamByoasnRequest {
  DryRun?: boolean;
  Asn: string;
  Cidr: string;
}

export interface DisassociateIpamByoasnResult {
  AsnAssociation?: AsnAssociation;
}

export interface DisassociateIpamResourceDiscoveryRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryAssociationId: string;
}

export interface DisassociateIpamResourceDiscoveryResult {
  IpamResourceDiscoveryAssociation?: IpamResourceDiscoveryAssociation;
}

export interface DisassociateNatGatewayAddressRequest {
  NatGatewayId: string;
  AssociationIds: string[];
  MaxDrainDurationSeconds?: number;
  DryRun?: boolean;
}

export interface DisassociateNatGatewayAddressResult {
  NatGatewayId?: string;
  NatGatewayAddresses?: NatGatewayAddress[];
}

export interface DisassociateRouteServerRequest {
  RouteServerId: string;
  VpcId: string;
  DryRun?: boolean;
}

export interface DisassociateRouteServerResult {
  RouteServerAssociation?: RouteServerAssociation;
}

export interface DisassociateRouteTableRequest {
  DryRun?: boolean;
  AssociationId: string;
}

export interface DisassociateSecurityGroupVpcRequest {
  GroupId: string;
  VpcId: string;
  DryRun?: boolean;
}

export interface DisassociateSecurityGroupVpcResult {
  State?: SecurityGroupVpcAssociationState;
}

export interface DisassociateSubnetCidrBlockRequest {
  AssociationId: string;
}

export interface DisassociateSubnetCidrBlockResult {
  Ipv6CidrBlockAssociation?: SubnetIpv6CidrBlockAssociation;
  SubnetId?: string;
}

export interface DisassociateTransitGatewayMulticastDomainRequest {
  TransitGatewayMulticastDomainId: string;
  TransitGatewayAttachmentId: string;
  SubnetIds: string[];
  DryRun?: boolean;
}

export interface DisassociateTransitGatewayMulticastDomainResult {
  Associations?: TransitGatewayMulticastDomainAssociations;
}

export interface DisassociateTransitGatewayPolicyTableRequest {
  TransitGatewayPolicyTableId: string;
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface DisassociateTransitGatewayPolicyTableResult {
  Association?: TransitGatewayPolicyTableAssociation;
}

export interface DisassociateTransitGatewayRouteTableRequest {
  TransitGatewayRouteTableId: string;
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface DisassociateTransitGatewayRouteTableResult {
  Association?: TransitGatewayAssociation;
}

export interface DisassociateTrunkInterfaceRequest {
  AssociationId: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface DisassociateTrunkInterfaceResult {
  Return?: boolean;
  ClientToken?: string;
}

export interface DisassociateVpcCidrBlockRequest {
  AssociationId: string;
}

export interface DisassociateVpcCidrBlockResult {
  Ipv6CidrBlockAssociation?: VpcIpv6CidrBlockAssociation;
  CidrBlockAssociation?: VpcCidrBlockAssociation;
  VpcId?: string;
}

export interface DiskImage {
  Description?: string;
  Image?: DiskImageDetail;
  Volume?: VolumeDetail;
}

export interface DiskImageDescription {
  Checksum?: string;
  Format?: DiskImageFormat;
  ImportManifestUrl?: string;
  Size?: number;
}

export interface DiskImageDetail {
  Format: DiskImageFormat;
  Bytes: number;
  ImportManifestUrl: string;
}

export type DiskImageFormat = 'VMDK' | 'RAW' | 'VHD';

export interface DiskImageVolumeDescription {
  Id?: string;
  Size?: number;
}

export interface DiskInfo {
  SizeInGB?: number;
  Count?: number;
  Type?: DiskType;
}

export type DiskType = 'hdd' | 'ssd';

export interface DnsEntry {
  DnsName?: string;
  HostedZoneId?: string;
}

export type DnsNameState = 'pendingVerification' | 'verified' | 'failed';

export interface DnsOptions {
  DnsRecordIpType?: DnsRecordIpType;
  PrivateDnsOnlyForInboundResolverEndpoint?: boolean;
  PrivateDnsPreference?: string;
  PrivateDnsSpecifiedDomains?: string[];
}

export interface DnsOptionsSpecification {
  DnsRecordIpType?: DnsRecordIpType;
  PrivateDnsOnlyForInboundResolverEndpoint?: boolean;
  PrivateDnsPreference?: string;
  PrivateDnsSpecifiedDomains?: string[];
}

export type DnsRecordIpType = 'ipv4' | 'dualstack' | 'ipv6' | 'service-defined';

export interface DnsServersOptionsModifyStructure {
  CustomDnsServers?: string[];
  Enabled?: boolean;
}

export type DnsSupportValue = 'enable' | 'disable';

export type DomainType = 'vpc' | 'standard';

export type DynamicRoutingValue = 'enable' | 'disable';

export interface EbsBlockDevice {
  DeleteOnTermination?: boolean;
  Iops?: number;
  SnapshotId?: string;
  VolumeSize?: number;
  VolumeType?: VolumeType;
  KmsKeyId?: string;
  Throughput?: number;
  OutpostArn?: string;
  AvailabilityZone?: string;
  Encrypted?: boolean;
  VolumeInitializationRate?: number;
  AvailabilityZoneId?: string;
  EbsCardIndex?: number;
}

export interface EbsBlockDeviceResponse {
  Encrypted?: boolean;
  DeleteOnTermination?: boolean;
  Iops?: number;
  Throughput?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  VolumeSize?: number;
  VolumeType?: VolumeType;
}

export interface EbsCardInfo {
  EbsCardIndex?: number;
  BaselineBandwidthInMbps?: number;
  BaselineThroughputInMBps?: number;
  BaselineIops?: number;
  MaximumBandwidthInMbps?: number;
  MaximumThroughputInMBps?: number;
  MaximumIops?: number;
}

export type EbsEncryptionSupport = 'unsupported' | 'supported';

export interface EbsInfo {
  EbsOptimizedSupport?: EbsOptimizedSupport;
  EncryptionSupport?: EbsEncryptionSupport;
  EbsOptimizedInfo?: EbsOptimizedInfo;
  NvmeSupport?: EbsNvmeSupport;
  MaximumEbsAttachments?: number;
  AttachmentLimitType?: AttachmentLimitType;
  MaximumEbsCards?: number;
  EbsCards?: EbsCardInfo[];
}

export interface EbsInstanceBlockDevice {
  AttachTime?: number;
  DeleteOnTermination?: boolean;
  Status?: AttachmentStatus;
  VolumeId?: string;
  AssociatedResource?: string;
  VolumeOwnerId?: string;
  Operator?: OperatorResponse;
  EbsCardIndex?: number;
}

export interface EbsInstanceBlockDeviceSpecification {
  VolumeId?: string;
  DeleteOnTermination?: boolean;
}

export type EbsNvmeSupport = 'unsupported' | 'supported' | 'required';

export interface EbsOptimizedInfo {
  BaselineBandwidthInMbps?: number;
  BaselineThroughputInMBps?: number;
  BaselineIops?: number;
  MaximumBandwidthInMbps?: number;
  MaximumThroughputInMBps?: number;
  MaximumIops?: number;
}

export type EbsOptimizedSupport = 'unsupported' | 'supported' | 'default';

export interface EbsStatusDetails {
  ImpairedSince?: number;
  Name?: StatusName;
  Status?: StatusType;
}

export interface EbsStatusSummary {
  Details?: EbsStatusDetails[];
  Status?: SummaryStatus;
}

export interface Ec2InstanceConnectEndpoint {
  OwnerId?: string;
  InstanceConnectEndpointId?: string;
  InstanceConnectEndpointArn?: string;
  State?: Ec2InstanceConnectEndpointState;
  StateMessage?: string;
  DnsName?: string;
  FipsDnsName?: string;
  NetworkInterfaceIds?: string[];
  VpcId?: string;
  AvailabilityZone?: string;
  CreatedAt?: number;
  SubnetId?: string;
  PreserveClientIp?: boolean;
  SecurityGroupIds?: string[];
  Tags?: Tag[];
  IpAddressType?: IpAddressType;
  PublicDnsNames?: InstanceConnectEndpointPublicDnsNames;
  AvailabilityZoneId?: string;
}

export type Ec2InstanceConnectEndpointState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'update-in-progress' | 'update-complete' | 'update-failed';

export interface EfaInfo {
  MaximumEfaInterfaces?: number;
}

export interface EgressOnlyInternetGateway {
  Attachments?: InternetGatewayAttachment[];
  EgressOnlyInternetGatewayId?: string;
  Tags?: Tag[];
}

export type EkPubKeyFormat = 'der' | 'tpmt';

export type EkPubKeyType = 'rsa-2048' | 'ecc-sec-p384';

export interface ElasticGpuAssociation {
  ElasticGpuId?: string;
  ElasticGpuAssociationId?: string;
  ElasticGpuAssociationState?: string;
  ElasticGpuAssociationTime?: string;
}

export interface ElasticGpuHealth {
  Status?: ElasticGpuStatus;
}

export interface ElasticGpuSpecification {
  Type: string;
}

export interface ElasticGpuSpecificationResponse {
  Type?: string;
}

export type ElasticGpuState = 'ATTACHED';

export type ElasticGpuStatus = 'OK' | 'IMPAIRED';

export interface ElasticGpus {
  ElasticGpuId?: string;
  AvailabilityZone?: string;
  ElasticGpuType?: string;
  ElasticGpuHealth?: ElasticGpuHealth;
  ElasticGpuState?: ElasticGpuState;
  InstanceId?: string;
  Tags?: Tag[];
}

export interface ElasticInferenceAccelerator {
  Type: string;
  Count?: number;
}

export interface ElasticInferenceAcceleratorAssociation {
  ElasticInferenceAcceleratorArn?: string;
  ElasticInferenceAcceleratorAssociationId?: string;
  ElasticInferenceAcceleratorAssociationState?: string;
  ElasticInferenceAcceleratorAssociationTime?: number;
}

export interface EnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: EnaSrdUdpSpecification;
}

export interface EnaSrdSpecificationRequest {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: EnaSrdUdpSpecificationRequest;
}

export interface EnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}

export interface EnaSrdUdpSpecificationRequest {
  EnaSrdUdpEnabled?: boolean;
}

export type EnaSupport = 'unsupported' | 'supported' | 'required';

export interface EnableAddressTransferRequest {
  AllocationId: string;
  TransferAccountId: string;
  DryRun?: boolean;
}

export interface EnableAddressTransferResult {
  AddressTransfer?: AddressTransfer;
}

export interface EnableAllowedImagesSettingsRequest {
  AllowedImagesSettingsState: AllowedImagesSettingsEnabledState;
  DryRun?: boolean;
}

export interface EnableAllowedImagesSettingsResult {
  AllowedImagesSettingsState?: AllowedImagesSettingsEnabledState;
}

export interface EnableAwsNetworkPerformanceMetricSubscriptionRequest {
  Source?: string;
  Destination?: string;
  Metric?: MetricType;
  Statistic?: StatisticType;
  DryRun?: boolean;
}

export interface EnableAwsNetworkPerformanceMetricSubscriptionResult {
  Output?: boolean;
}

export interface EnableCapacityManagerRequest {
  OrganizationsAccess?: boolean;
  DryRun?: boolean;
  ClientToken?: string;
}

export interface EnableCapacityManagerResult {
  CapacityManagerStatus?: CapacityManagerStatus;
  OrganizationsAccess?: boolean;
}

export interface EnableEbsEncryptionByDefaultRequest {
  DryRun?: boolean;
}

export interface EnableEbsEncryptionByDefaultResult {
  EbsEncryptionByDefault?: boolean;
}

export interface EnableFastLaunchRequest {
  ImageId: string;
  ResourceType?: string;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationRequest;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationRequest;
  MaxParallelLaunches?: number;
  DryRun?: boolean;
}

export interface EnableFastLaunchResult {
  ImageId?: string;
  ResourceType?: FastLaunchResourceType;
  SnapshotConfiguration?: FastLaunchSnapshotConfigurationResponse;
  LaunchTemplate?: FastLaunchLaunchTemplateSpecificationResponse;
  MaxParallelLaunches?: number;
  OwnerId?: string;
  State?: FastLaunchStateCode;
  StateTransitionReason?: string;
  StateTransitionTime?: number;
}

export interface EnableFastSnapshotRestoreErrorItem {
  SnapshotId?: string;
  FastSnapshotRestoreStateErrors?: EnableFastSnapshotRestoreStateErrorItem[];
}

export interface EnableFastSnapshotRestoreStateError {
  Code?: string;
  Message?: string;
}

export interface EnableFastSnapshotRestoreStateErrorItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Error?: EnableFastSnapshotRestoreStateError;
}

export interface EnableFastSnapshotRestoreSuccessItem {
  SnapshotId?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  State?: FastSnapshotRestoreStateCode;
  StateTransitionReason?: string;
  OwnerId?: string;
  OwnerAlias?: string;
  EnablingTime?: number;
  OptimizingTime?: number;
  EnabledTime?: number;
  DisablingTime?: number;
  DisabledTime?: number;
}

export interface EnableFastSnapshotRestoresRequest {
  AvailabilityZones?: string[];
  AvailabilityZoneIds?: string[];
  SourceSnapshotIds: string[];
  DryRun?: boolean;
}

export interface EnableFastSnapshotRestoresResult {
  Successful?: EnableFastSnapshotRestoreSuccessItem[];
  Unsuccessful?: EnableFastSnapshotRestoreErrorItem[];
}

export interface EnableImageBlockPublicAccessRequest {
  ImageBlockPublicAccessState: ImageBlockPublicAccessEnabledState;
  DryRun?: boolean;
}

export interface EnableImageBlockPublicAccessResult {
  ImageBlockPublicAccessState?: ImageBlockPublicAccessEnabledState;
}

export interface EnableImageDeprecationRequest {
  ImageId: string;
  DeprecateAt: number;
  DryRun?: boolean;
}

export interface EnableImageDeprecationResult {
  Return?: boolean;
}

export interface EnableImageDeregistrationProtectionRequest {
  ImageId: string;
  WithCooldown?: boolean;
  DryRun?: boolean;
}

export interface EnableImageDeregistrationProtectionResult {
  Return?: string;
}

export interface EnableImageRequest {
  ImageId: string;
  DryRun?: boolean;
}

export interface EnableImageResult {
  Return?: boolean;
}

export interface EnableInstanceSqlHaStandbyDetectionsRequest {
  InstanceIds: string[];
  SqlServerCredentials?: string;
  DryRun?: boolean;
}

export interface EnableInstanceSqlHaStandbyDetectionsResult {
  Instances?: RegisteredInstance[];
}

export interface EnableIpamOrganizationAdminAccountRequest {
  DryRun?: boolean;
  DelegatedAdminAccountId: string;
}

export interface EnableIpamOrganizationAdminAccountResult {
  Success?: boolean;
}

export interface EnableIpamPolicyRequest {
  DryRun?: boolean;
  IpamPolicyId: string;
  OrganizationTargetId?: string;
}

export interface EnableIpamPolicyResult {
  IpamPolicyId?: string;
}

export interface EnableReachabilityAnalyzerOrganizationSharingRequest {
  DryRun?: boolean;
}

export interface EnableReachabilityAnalyzerOrganizationSharingResult {
  ReturnValue?: boolean;
}

export interface EnableRouteServerPropagationRequest {
  RouteServerId: string;
  RouteTableId: string;
  DryRun?: boolean;
}

export interface EnableRouteServerPropagationResult {
  RouteServerPropagation?: RouteServerPropagation;
}

export interface EnableSerialConsoleAccessRequest {
  DryRun?: boolean;
}

export interface EnableSerialConsoleAccessResult {
  SerialConsoleAccessEnabled?: boolean;
}

export interface EnableSnapshotBlockPublicAccessRequest {
  State: SnapshotBlockPublicAccessState;
  DryRun?: boolean;
}

export interface EnableSnapshotBlockPublicAccessResult {
  State?: SnapshotBlockPublicAccessState;
}

export interface EnableTransitGatewayRouteTablePropagationRequest {
  TransitGatewayRouteTableId: string;
  TransitGatewayAttachmentId?: string;
  DryRun?: boolean;
  TransitGatewayRouteTableAnnouncementId?: string;
}

export interface EnableTransitGatewayRouteTablePropagationResult {
  Propagation?: TransitGatewayPropagation;
}

export interface EnableVgwRoutePropagationRequest {
  GatewayId: string;
  RouteTableId: string;
  DryRun?: boolean;
}

export interface EnableVolumeIORequest {
  DryRun?: boolean;
  VolumeId: string;
}

export interface EnableVpcClassicLinkDnsSupportRequest {
  VpcId?: string;
}

export interface EnableVpcClassicLinkDnsSupportResult {
  Return?: boolean;
}

export interface EnableVpcClassicLinkRequest {
  DryRun?: boolean;
  VpcId: string;
}

export interface EnableVpcClassicLinkResult {
  Return?: boolean;
}

export interface EnclaveOptions {
  Enabled?: boolean;
}

export interface EnclaveOptionsRequest {
  Enabled?: boolean;
}

export type EncryptionStateValue = 'enabling' | 'enabled' | 'disabling' | 'disabled';

export interface EncryptionSupport {
  EncryptionState?: EncryptionStateValue;
  StateMessage?: string;
}

export type EncryptionSupportOptionValue = 'enable' | 'disable';

export type EndDateType = 'unlimited' | 'limited';

export type EndpointIpAddressType = 'ipv4' | 'ipv6' | 'dual-stack';

export type EphemeralNvmeSupport = 'unsupported' | 'supported' | 'required';

export type EventCode = 'instance-reboot' | 'system-reboot' | 'system-maintenance' | 'instance-retirement' | 'instance-stop';

export interface EventInformation {
  EventDescription?: string;
  EventSubType?: string;
  InstanceId?: string;
}

export type EventType = 'instanceChange' | 'fleetRequestChange' | 'error' | 'information';

export type ExcessCapacityTerminationPolicy = 'noTermination' | 'default';

export interface Explanation {
  Acl?: AnalysisComponent;
  AclRule?: AnalysisAclRule;
  Address?: string;
  Addresses?: string[];
  AttachedTo?: AnalysisComponent;
  AvailabilityZones?: string[];
  AvailabilityZoneIds?: string[];
  Cidrs?: string[];
  Component?: AnalysisComponent;
  CustomerGateway?: AnalysisComponent;
  Destination?: AnalysisComponent;
  DestinationVpc?: AnalysisComponent;
  Direction?: string;
  ExplanationCode?: string;
  IngressRouteTable?: AnalysisComponent;
  InternetGateway?: AnalysisComponent;
  LoadBalancerArn?: string;
  ClassicLoadBalancerListener?: AnalysisLoadBalancerListener;
  LoadBalancerListenerPort?: number;
  LoadBalancerTarget?: AnalysisLoadBalancerTarget;
  LoadBalancerTargetGroup?: AnalysisComponent;
  LoadBalancerTargetGroups?: AnalysisComponent[];
  LoadBalancerTargetPort?: number;
  ElasticLoadBalancerListener?: AnalysisComponent;
  MissingComponent?: string;
  NatGateway?: AnalysisComponent;
  NetworkInterface?: AnalysisComponent;
  PacketField?: string;
  VpcPeeringConnection?: AnalysisComponent;
  Port?: number;
  PortRanges?: PortRange[];
  PrefixList?: AnalysisComponent;
  Protocols?: string[];
  RouteTableRoute?: AnalysisRouteTableRoute;
  RouteTable?: AnalysisComponent;
  SecurityGroup?: AnalysisComponent;
  SecurityGroupRule?: AnalysisSecurityGroupRule;
  SecurityGroups?: AnalysisComponent[];
  SourceVpc?: AnalysisComponent;
  State?: string;
  Subnet?: AnalysisComponent;
  SubnetRouteTable?: AnalysisComponent;
  Vpc?: AnalysisComponent;
  VpcEndpoint?: AnalysisComponent;
  VpnConnection?: AnalysisComponent;
  VpnGateway?: AnalysisComponent;
  TransitGateway?: AnalysisComponent;
  TransitGatewayRouteTable?: AnalysisComponent;
  TransitGatewayRouteTableRoute?: TransitGatewayRouteTableRoute;
  TransitGatewayAttachment?: AnalysisComponent;
  ComponentAccount?: string;
  ComponentRegion?: string;
  FirewallStatelessRule?: FirewallStatelessRule;
  FirewallStatefulRule?: FirewallStatefulRule;
}

export interface ExportClientVpnClientCertificateRevocationListRequest {
  ClientVpnEndpointId: string;
  DryRun?: boolean;
}

export interface ExportClientVpnClientCertificateRevocationListResult {
  CertificateRevocationList?: string;
  Status?: ClientCertificateRevocationListStatus;
}

export interface ExportClientVpnClientConfigurationRequest {
  ClientVpnEndpointId: string;
  DryRun?: boolean;
}

export interface ExportClientVpnClientConfigurationResult {
  ClientConfiguration?: string;
}

export type ExportEnvironment = 'citrix' | 'vmware' | 'microsoft';

export interface ExportImageRequest {
  ClientToken?: string;
  Description?: string;
  DiskImageFormat: DiskImageFormat;
  DryRun?: boolean;
  ImageId: string;
  S3ExportLocation: ExportTaskS3LocationRequest;
  RoleName?: string;
  TagSpecifications?: TagSpecification[];
}

export interface ExportImageResult {
  Description?: string;
  DiskImageFormat?: DiskImageFormat;
  ExportImageTaskId?: string;
  ImageId?: string;
  RoleName?: string;
  Progress?: string;
  S3ExportLocation?: ExportTaskS3Location;
  Status?: string;
  StatusMessage?: string;
  Tags?: Tag[];
}

export interface ExportImageTask {
  Description?: string;
  ExportImageTaskId?: string;
  ImageId?: string;
  Progress?: string;
  S3ExportLocation?: ExportTaskS3Location;
  Status?: string;
  StatusMessage?: string;
  Tags?: Tag[];
}

export interface ExportTask {
  Description?: string;
  ExportTaskId?: string;
  ExportToS3Task?: ExportToS3Task;
  InstanceExportDetails?: InstanceExportDetails;
  State?: ExportTaskState;
  StatusMessage?: string;
  Tags?: Tag[];
}

export interface ExportTaskS3Location {
  S3Bucket?: string;
  S3Prefix?: string;
}

export interface ExportTaskS3LocationRequest {
  S3Bucket: string;
  S3Prefix?: string;
}

export type ExportTaskState = 'active' | 'cancelling' | 'cancelled' | 'completed';

export interface ExportToS3Task {
  ContainerFormat?: ContainerFormat;
  DiskImageFormat?: DiskImageFormat;
  S3Bucket?: string;
  S3Key?: string;
}

export interface ExportToS3TaskSpecification {
  DiskImageFormat?: DiskImageFormat;
  ContainerFormat?: ContainerFormat;
  S3Bucket?: string;
  S3Prefix?: string;
}

export interface ExportTransitGatewayRoutesRequest {
  TransitGatewayRouteTableId: string;
  Filters?: Filter[];
  S3Bucket: string;
  DryRun?: boolean;
}

export interface ExportTransitGatewayRoutesResult {
  S3Location?: string;
}

export interface ExportVerifiedAccessInstanceClientConfigurationRequest {
  VerifiedAccessInstanceId: string;
  DryRun?: boolean;
}

export interface ExportVerifiedAccessInstanceClientConfigurationResult {
  Version?: string;
  VerifiedAccessInstanceId?: string;
  Region?: string;
  DeviceTrustProviders?: DeviceTrustProviderType[];
  UserTrustProvider?: VerifiedAccessInstanceUserTrustProviderClientConfiguration;
  OpenVpnConfigurations?: VerifiedAccessInstanceOpenVpnClientConfiguration[];
}

export interface ExternalAuthorityConfiguration {
  Type?: IpamScopeExternalAuthorityType;
  ExternalResourceIdentifier?: string;
}

export interface FailedCapacityReservationFleetCancellationResult {
  CapacityReservationFleetId?: string;
  CancelCapacityReservationFleetError?: CancelCapacityReservationFleetError;
}

export interface FailedQueuedPurchaseDeletion {
  Error?: DeleteQueuedReservedInstancesError;
  ReservedInstancesId?: string;
}

export interface FastLaunchLaunchTemplateSpecificationRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version: string;
}

export interface FastLaunchLaunchTemplateSpecificationResponse {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}

export type FastLaunchResourceType = 'snapshot';

export interface FastLaunchSnapshotConfigurationRequest {
  TargetResourceCount?: number;
}

export interface FastLaunchSnapshotConfigurationResponse {
  TargetResourceCount?: number;
}

export type FastLaunchStateCode = 'enabling' | 'enabling-failed' | 'enabled' | 'enabled-failed' | 'disabling' | 'disabling-failed';

export type FastSnapshotRestoreStateCode = 'enabling' | 'optimizing' | 'enabled' | 'disabling' | 'disabled';

export interface FederatedAuthentication {
  SamlProviderArn?: string;
  SelfServiceSamlProviderArn?: string;
}

export interface FederatedAuthenticationRequest {
  SAMLProviderArn?: string;
  SelfServiceSAMLProviderArn?: string;
}

export interface Filter {
  Name?: string;
  Values?: string[];
}

export type FilterByDimension = 'resource-region' | 'availability-zone-id' | 'account-id' | 'account-name' | 'instance-family' | 'instance-type' | 'instance-platform' | 'reservation-arn' | 'reservation-id' | 'reservation-type' | 'reservation-create-timestamp' | 'reservation-start-timestamp' | 'reservation-end-timestamp' | 'reservation-end-date-type' | 'tenancy' | 'reservation-state' | 'reservation-instance-match-criteria' | 'reservation-unused-financial-owner';

export interface FilterPortRange {
  FromPort?: number;
  ToPort?: number;
}

export type FindingsFound = 'true' | 'false' | 'unknown';

export interface FirewallStatefulRule {
  RuleGroupArn?: string;
  Sources?: string[];
  Destinations?: string[];
  SourcePorts?: PortRange[];
  DestinationPorts?: PortRange[];
  Protocol?: string;
  RuleAction?: string;
  Direction?: string;
}

export interface FirewallStatelessRule {
  RuleGroupArn?: string;
  Sources?: string[];
  Destinations?: string[];
  SourcePorts?: PortRange[];
  DestinationPorts?: PortRange[];
  Protocols?: number[];
  RuleAction?: string;
  Priority?: number;
}

export type FleetActivityStatus = 'error' | 'pending_fulfillment' | 'pending_termination' | 'fulfilled';

export interface FleetBlockDeviceMappingRequest {
  DeviceName?: string;
  VirtualName?: string;
  Ebs?: FleetEbsBlockDeviceRequest;
  NoDevice?: string;
}

export interface FleetCapacityReservation {
  CapacityReservationId?: string;
  AvailabilityZoneId?: string;
  InstanceType?: InstanceType_;
  InstancePlatform?: CapacityReservationInstancePlatform;
  AvailabilityZone?: string;
  TotalInstanceCount?: number;
  FulfilledCapacity?: number;
  EbsOptimized?: boolean;
  CreateDate?: number;
  Weight?: number;
  Priority?: number;
}

export type FleetCapacityReservationTenancy = 'default';

export type FleetCapacityReservationUsageStrategy = 'use-capacity-reservations-first';

export interface FleetData {
  ActivityStatus?: FleetActivityStatus;
  CreateTime?: number;
  FleetId?: string;
  FleetState?: FleetStateCode;
  ClientToken?: string;
  ExcessCapacityTerminationPolicy?: FleetExcessCapacityTerminationPolicy;
  FulfilledCapacity?: number;
  FulfilledOnDemandCapacity?: number;
  LaunchTemplateConfigs?: FleetLaunchTemplateConfig[];
  TargetCapacitySpecification?: TargetCapacitySpecification;
  TerminateInstancesWithExpiration?: boolean;
  Type?: FleetType;
  ValidFrom?: number;
  ValidUntil?: number;
  ReplaceUnhealthyInstances?: boolean;
  SpotOptions?: SpotOptions;
  OnDemandOptions?: OnDemandOptions;
  ReservedCapacityOptions?: ReservedCapacityOptions;
  Tags?: Tag[];
  Errors?: DescribeFleetError[];
  Instances?: DescribeFleetsInstances[];
  Context?: string;
}

export interface FleetEbsBlockDeviceRequest {
  Encrypted?: boolean;
  DeleteOnTermination?: boolean;
  Iops?: number;
  Throughput?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  VolumeSize?: number;
  VolumeType?: VolumeType;
}

export type FleetEventType = 'instance-change' | 'fleet-change' | 'service-error';

export type FleetExcessCapacityTerminationPolicy = 'no-termination' | 'termination';

export type FleetInstanceMatchCriteria = 'open';

export interface FleetLaunchTemplateConfig {
  LaunchTemplateSpecification?: FleetLaunchTemplateSpecification;
  Overrides?: FleetLaunchTemplateOverrides[];
}

export interface FleetLaunchTemplateConfigRequest {
  LaunchTemplateSpecification?: FleetLaunchTemplateSpecificationRequest;
  Overrides?: FleetLaunchTemplateOverridesRequest[];
}

export interface FleetLaunchTemplateOverrides {
  InstanceType?: InstanceType_;
  MaxPrice?: string;
  SubnetId?: string;
  AvailabilityZone?: string;
  WeightedCapacity?: number;
  Priority?: number;
  Placement?: PlacementResponse;
  InstanceRequirements?: InstanceRequirements;
  ImageId?: string;
  BlockDeviceMappings?: BlockDeviceMappingResponse[];
  AvailabilityZoneId?: string;
}

export interface FleetLaunchTemplateOverridesRequest {
  InstanceType?: InstanceType_;
  MaxPrice?: string;
  SubnetId?: string;
  AvailabilityZone?: string;
  WeightedCapacity?: number;
  Priority?: number;
  Placement?: Placement;
  BlockDeviceMappings?: FleetBlockDeviceMappingRequest[];
  InstanceRequirements?: InstanceRequirementsRequest;
  ImageId?: string;
  AvailabilityZoneId?: string;
}

export interface FleetLaunchTemplateSpecification {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}

export interface FleetLaunchTemplateSpecificationRequest {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}

export type FleetOnDemandAllocationStrategy = 'lowest-price' | 'prioritized';

export type FleetReplacementStrategy = 'launch' | 'launch-before-terminate';

export type FleetReservationType = 'interruptible-capacity-reservation';

export interface FleetSpotCapacityRebalance {
  ReplacementStrategy?: FleetReplacementStrategy;
  TerminationDelay?: number;
}

export interface FleetSpotCapacityRebalanceRequest {
  ReplacementStrategy?: FleetReplacementStrategy;
  TerminationDelay?: number;
}

export interface FleetSpotMaintenanceStrategies {
  CapacityRebalance?: FleetSpotCapacityRebalance;
}

export interface FleetSpotMaintenanceStrategiesRequest {
  CapacityRebalance?: FleetSpotCapacityRebalanceRequest;
}

export type FleetStateCode = 'submitted' | 'active' | 'deleted' | 'failed' | 'deleted_running' | 'deleted_terminating' | 'modifying';

export type FleetType = 'request' | 'maintain' | 'instant';

export type FlexibleEnaQueuesSupport = 'unsupported' | 'supported';

export interface FlowLog {
  CreationTime?: number;
  DeliverLogsErrorMessage?: string;
  DeliverLogsPermissionArn?: string;
  DeliverCrossAccountRole?: string;
  DeliverLogsStatus?: string;
  FlowLogId?: string;
  FlowLogStatus?: string;
  LogGroupName?: string;
  ResourceId?: string;
  TrafficType?: TrafficType;
  LogDestinationType?: LogDestinationType;
  LogDestination?: string;
  LogFormat?: string;
  Tags?: Tag[];
  MaxAggregationInterval?: number;
  DestinationOptions?: DestinationOptionsResponse;
}

export type FlowLogsResourceType = 'VPC' | 'Subnet' | 'NetworkInterface' | 'TransitGateway' | 'TransitGatewayAttachment' | 'RegionalNatGateway';

export interface FpgaDeviceInfo {
  Name?: string;
  Manufacturer?: string;
  Count?: number;
  MemoryInfo?: FpgaDeviceMemoryInfo;
}

export interface FpgaDeviceMemoryInfo {
  SizeInMiB?: number;
}

export interface FpgaImage {
  FpgaImageId?: string;
  FpgaImageGlobalId?: string;
  Name?: string;
  Description?: string;
  ShellVersion?: string;
  PciId?: PciId;
  State?: FpgaImageState;
  CreateTime?: number;
  UpdateTime?: number;
  OwnerId?: string;
  OwnerAlias?: string;
  ProductCodes?: ProductCode[];
  Tags?: Tag[];
  Public?: boolean;
  DataRetentionSupport?: boolean;
  InstanceTypes?: string[];
}

export interface FpgaImageAttribute {
  FpgaImageId?: string;
  Name?: string;
  Description?: string;
  LoadPermissions?: LoadPermission[];
  ProductCodes?: ProductCode[];
}

export type FpgaImageAttributeName = 'description' | 'name' | 'loadPermission' | 'productCodes';

export interface FpgaImageState {
  Code?: FpgaImageStateCode;
  Message?: string;
}

export type FpgaImageStateCode = 'pending' | 'failed' | 'available' | 'unavailable';

export interface FpgaInfo {
  Fpgas?: FpgaDeviceInfo[];
  TotalFpgaMemoryInMiB?: number;
}

export type GatewayAssociationState = 'associated' | 'not-associated' | 'associating' | 'disassociating';

export type GatewayType = 'ipsec.1';

export interface GetActiveVpnTunnelStatusRequest {
  VpnConnectionId: string;
  VpnTunnelOutsideIpAddress: string;
  DryRun?: boolean;
}

export interface GetActiveVpnTunnelStatusResult {
  ActiveVpnTunnelStatus?: ActiveVpnTunnelStatus;
}

export interface GetAllowedImagesSettingsRequest {
  DryRun?: boolean;
}

export interface GetAllowedImagesSettingsResult {
  State?: string;
  ImageCriteria?: ImageCriterion[];
  ManagedBy?: ManagedBy;
}

export interface GetAssociatedEnclaveCertificateIamRolesRequest {
  CertificateArn: string;
  DryRun?: boolean;
}

export interface GetAssociatedEnclaveCertificateIamRolesResult {
  AssociatedRoles?: AssociatedRole[];
}

export interface GetAssociatedIpv6PoolCidrsRequest {
  PoolId: string;
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface GetAssociatedIpv6PoolCidrsResult {
  Ipv6CidrAssociations?: Ipv6CidrAssociation[];
  NextToken?: string;
}

export interface GetAwsNetworkPerformanceDataRequest {
  DataQueries?: DataQuery[];
  StartTime?: number;
  EndTime?: number;
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetAwsNetworkPerformanceDataResult {
  DataResponses?: DataResponse[];
  NextToken?: string;
}

export interface GetCapacityManagerAttributesRequest {
  DryRun?: boolean;
}

export interface GetCapacityManagerAttributesResult {
  CapacityManagerStatus?: CapacityManagerStatus;
  OrganizationsAccess?: boolean;
  DataExportCount?: number;
  IngestionStatus?: IngestionStatus;
  IngestionStatusMessage?: string;
  EarliestDatapointTimestamp?: number;
  LatestDatapointTimestamp?: number;
}

export interface GetCapacityManagerMetricDataRequest {
  MetricNames: Metric[];
  StartTime: number;
  EndTime: number;
  Period: number;
  GroupBy?: GroupBy[];
  FilterBy?: CapacityManagerCondition[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetCapacityManagerMetricDataResult {
  MetricDataResults?: MetricDataResult[];
  NextToken?: string;
}

export interface GetCapacityManagerMetricDimensionsRequest {
  GroupBy: GroupBy[];
  FilterBy?: CapacityManagerCondition[];
  StartTime: number;
  EndTime: number;
  MetricNames: Metric[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetCapacityManagerMetricDimensionsResult {
  MetricDimensionResults?: CapacityManagerDimension[];
  NextToken?: string;
}

export interface GetCapacityManagerMonitoredTagKeysRequest {
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetCapacityManagerMonitoredTagKeysResult {
  CapacityManagerTagKeys?: CapacityManagerMonitoredTagKey[];
  NextToken?: string;
}

export interface GetCapacityReservationUsageRequest {
  CapacityReservationId: string;
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface GetCapacityReservationUsageResult {
  NextToken?: string;
  CapacityReservationId?: string;
  InstanceType?: string;
  TotalInstanceCount?: number;
  AvailableInstanceCount?: number;
  State?: CapacityReservationState;
  InstanceUsages?: InstanceUsage[];
  Interruptible?: boolean;
  InterruptibleCapacityAllocation?: InterruptibleCapacityAllocation;
  InterruptionInfo?: InterruptionInfo;
}

export interface GetCoipPoolUsageRequest {
  PoolId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetCoipPoolUsageResult {
  CoipPoolId?: string;
  CoipAddressUsages?: CoipAddressUsage[];
  LocalGatewayRouteTableId?: string;
  NextToken?: string;
}

export interface GetConsoleOutputRequest {
  InstanceId: string;
  Latest?: boolean;
  DryRun?: boolean;
}

export interface GetConsoleOutputResult {
  InstanceId?: string;
  Timestamp?: number;
  Output?: string;
}

export interface GetConsoleScreenshotRequest {
  DryRun?: boolean;
  InstanceId: string;
  WakeUp?: boolean;
}

export interface GetConsoleScreenshotResult {
  ImageData?: string;
  InstanceId?: string;
}

export interface GetDeclarativePoliciesReportSummaryRequest {
  DryRun?: boolean;
  ReportId: string;
}

export interface GetDeclarativePoliciesReportSummaryResult {
  ReportId?: string;
  S3Bucket?: string;
  S3Prefix?: string;
  TargetId?: string;
  StartTime?: number;
  EndTime?: number;
  NumberOfAccounts?: number;
  NumberOfFailedAccounts?: number;
  AttributeSummaries?: AttributeSummary[];
}

export interface GetDefaultCreditSpecificationRequest {
  DryRun?: boolean;
  InstanceFamily: UnlimitedSupportedInstanceFamily;
}

export interface GetDefaultCreditSpecificationResult {
  InstanceFamilyCreditSpecification?: InstanceFamilyCreditSpecification;
}

export interface GetEbsDefaultKmsKeyIdRequest {
  DryRun?: boolean;
}

export interface GetEbsDefaultKmsKeyIdResult {
  KmsKeyId?: string;
}

export interface GetEbsEncryptionByDefaultRequest {
  DryRun?: boolean;
}

export interface GetEbsEncryptionByDefaultResult {
  EbsEncryptionByDefault?: boolean;
  SseType?: SSEType;
}

export interface GetEnabledIpamPolicyRequest {
  DryRun?: boolean;
}

export interface GetEnabledIpamPolicyResult {
  IpamPolicyEnabled?: boolean;
  IpamPolicyId?: string;
  ManagedBy?: IpamPolicyManagedBy;
}

export interface GetFlowLogsIntegrationTemplateRequest {
  DryRun?: boolean;
  FlowLogId: string;
  ConfigDeliveryS3DestinationArn: string;
  IntegrateServices: IntegrateServices;
}

export interface GetFlowLogsIntegrationTemplateResult {
  Result?: string;
}

export interface GetGroupsForCapacityReservationRequest {
  CapacityReservationId: string;
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface GetGroupsForCapacityReservationResult {
  NextToken?: string;
  CapacityReservationGroups?: CapacityReservationGroup[];
}

export interface GetHostReservationPurchasePreviewRequest {
  HostIdSet: string[];
  OfferingId: string;
}

export interface GetHostReservationPurchasePreviewResult {
  CurrencyCode?: CurrencyCodeValues;
  Purchase?: Purchase[];
  TotalHourlyPrice?: string;
  TotalUpfrontPrice?: string;
}

export interface GetImageAncestryRequest {
  ImageId: string;
  DryRun?: boolean;
}

export interface GetImageAncestryResult {
  ImageAncestryEntries?: ImageAncestryEntry[];
}

export interface GetImageBlockPublicAccessStateRequest {
  DryRun?: boolean;
}

export interface GetImageBlockPublicAccessStateResult {
  ImageBlockPublicAccessState?: string;
  ManagedBy?: ManagedBy;
}

export interface GetInstanceMetadataDefaultsRequest {
  DryRun?: boolean;
}

export interface GetInstanceMetadataDefaultsResult {
  AccountLevel?: InstanceMetadataDefaultsResponse;
}

export interface GetInstanceTpmEkPubRequest {
  InstanceId: string;
  KeyType: EkPubKeyType;
  KeyFormat: EkPubKeyFormat;
  DryRun?: boolean;
}

export interface GetInstanceTpmEkPubResult {
  InstanceId?: string;
  KeyType?: EkPubKeyType;
  KeyFormat?: EkPubKeyFormat;
  KeyValue?: string;
}

export interface GetInstanceTypesFromInstanceRequirementsRequest {
  DryRun?: boolean;
  ArchitectureTypes: ArchitectureType[];
  VirtualizationTypes: VirtualizationType[];
  InstanceRequirements: InstanceRequirementsRequest;
  MaxResults?: number;
  NextToken?: string;
  Context?: string;
}

export interface GetInstanceTypesFromInstanceRequirementsResult {
  InstanceTypes?: InstanceTypeInfoFromInstanceRequirements[];
  NextToken?: string;
}

export interface GetInstanceUefiDataRequest {
  InstanceId: string;
  DryRun?: boolean;
}

export interface GetInstanceUefiDataResult {
  InstanceId?: string;
  UefiData?: string;
}

export interface GetIpamAddressHistoryRequest {
  DryRun?: boolean;
  Cidr: string;
  IpamScopeId: string;
  VpcId?: string;
  StartTime?: number;
  EndTime?: number;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetIpamAddressHistoryResult {
  HistoryRecords?: IpamAddressHistoryRecord[];
  NextToken?: string;
}

export interface GetIpamDiscoveredAccountsRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryId: string;
  DiscoveryRegion: string;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface GetIpamDiscoveredAccountsResult {
  IpamDiscoveredAccounts?: IpamDiscoveredAccount[];
  NextToken?: string;
}

export interface GetIpamDiscoveredPublicAddressesRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryId: string;
  AddressRegion: string;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface GetIpamDiscoveredPublicAddressesResult {
  IpamDiscoveredPublicAddresses?: IpamDiscoveredPublicAddress[];
  OldestSampleTime?: number;
  NextToken?: string;
}

export interface GetIpamDiscoveredResourceCidrsRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryId: string;
  ResourceRegion: string;
  Filters?: Filter[];
  NextToken?: string;
  MaxResults?: number;
}

export interface GetIpamDiscoveredResourceCidrsResult {
  IpamDiscoveredResourceCidrs?: IpamDiscoveredResourceCidr[];
  NextToken?: string;
}

export interface GetIpamPolicyAllocationRulesRequest {
  DryRun?: boolean;
  IpamPolicyId: string;
  Filters?: Filter[];
  Locale?: string;
  ResourceType?: IpamPolicyResourceType;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetIpamPolicyAllocationRulesResult {
  IpamPolicyDocuments?: IpamPolicyDocument[];
  NextToken?: string;
}

export interface GetIpamPolicyOrganizationTargetsRequest {
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
  IpamPolicyId: string;
  Filters?: Filter[];
}

export interface GetIpamPolicyOrganizationTargetsResult {
  OrganizationTargets?: IpamPolicyOrganizationTarget[];
  NextToken?: string;
}

export interface GetIpamPoolAllocationsRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  IpamPoolAllocationId?: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface GetIpamPoolAllocationsResult {
  IpamPoolAllocations?: IpamPoolAllocation[];
  NextToken?: string;
}

export interface GetIpamPoolCidrsRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface GetIpamPoolCidrsResult {
  IpamPoolCidrs?: IpamPoolCidr[];
  NextToken?: string;
}

export interface GetIpamPrefixListResolverRulesRequest {
  DryRun?: boolean;
  IpamPrefixListResolverId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
}

export interface GetIpamPrefixListResolverRulesResult {
  Rules?: IpamPrefixListResolverRule[];
  NextToken?: string;
}

export interface GetIpamPrefixListResolverVersionEntriesRequest {
  DryRun?: boolean;
  IpamPrefixListResolverId: string;
  IpamPrefixListResolverVersion: number;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetIpamPrefixListResolverVersionEntriesResult {
  Entries?: IpamPrefixListResolverVersionEntry[];
  NextToken?: string;
}

export interface GetIpamPrefixListResolverVersionsRequest {
  DryRun?: boolean;
  IpamPrefixListResolverId: string;
  IpamPrefixListResolverVersions?: number[];
  MaxResults?: number;
  Filters?: Filter[];
  NextToken?: string;
}

export interface GetIpamPrefixListResolverVersionsResult {
  IpamPrefixListResolverVersions?: IpamPrefixListResolverVersion[];
  NextToken?: string;
}

export interface GetIpamResourceCidrsRequest {
  DryRun?: boolean;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  IpamScopeId: string;
  IpamPoolId?: string;
  ResourceId?: string;
  ResourceType?: IpamResourceType;
  ResourceTag?: RequestIpamResourceTag;
  ResourceOwner?: string;
}

export interface GetIpamResourceCidrsResult {
  NextToken?: string;
  IpamResourceCidrs?: IpamResourceCidr[];
}

export interface GetLaunchTemplateDataRequest {
  DryRun?: boolean;
  InstanceId: string;
}

export interface GetLaunchTemplateDataResult {
  LaunchTemplateData?: ResponseLaunchTemplateData;
}

export interface GetManagedPrefixListAssociationsRequest {
  DryRun?: boolean;
  PrefixListId: string;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetManagedPrefixListAssociationsResult {
  PrefixListAssociations?: PrefixListAssociation[];
  NextToken?: string;
}

export interface GetManagedPrefixListEntriesRequest {
  DryRun?: boolean;
  PrefixListId: string;
  TargetVersion?: number;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetManagedPrefixListEntriesResult {
  Entries?: PrefixListEntry[];
  NextToken?: string;
}

export interface GetManagedResourceVisibilityRequest {
  DryRun?: boolean;
}

export interface GetManagedResourceVisibilityResult {
  Visibility?: ManagedResourceVisibilitySettings;
}

export interface GetNetworkInsightsAccessScopeAnalysisFindingsRequest {
  NetworkInsightsAccessScopeAnalysisId: string;
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetNetworkInsightsAccessScopeAnalysisFindingsResult {
  NetworkInsightsAccessScopeAnalysisId?: string;
  AnalysisStatus?: AnalysisStatus;
  AnalysisFindings?: AccessScopeAnalysisFinding[];
  NextToken?: string;
}

export interface GetNetworkInsightsAccessScopeContentRequest {
  NetworkInsightsAccessScopeId: string;
  DryRun?: boolean;
}

export interface GetNetworkInsightsAccessScopeContentResult {
  NetworkInsightsAccessScopeContent?: NetworkInsightsAccessScopeContent;
}

export interface GetPasswordDataRequest {
  InstanceId: string;
  DryRun?: boolean;
}

export interface GetPasswordDataResult {
  InstanceId?: string;
  Timestamp?: number;
  PasswordData?: string;
}

export interface GetReservedInstancesExchangeQuoteRequest {
  DryRun?: boolean;
  ReservedInstanceIds: string[];
  TargetConfigurations?: TargetConfigurationRequest[];
}

export interface GetReservedInstancesExchangeQuoteResult {
  CurrencyCode?: string;
  IsValidExchange?: boolean;
  OutputReservedInstancesWillExpireAt?: number;
  PaymentDue?: string;
  ReservedInstanceValueRollup?: ReservationValue;
  ReservedInstanceValueSet?: ReservedInstanceReservationValue[];
  TargetConfigurationValueRollup?: ReservationValue;
  TargetConfigurationValueSet?: TargetReservationValue[];
  ValidationFailureReason?: string;
}

export interface GetRouteServerAssociationsRequest {
  RouteServerId: string;
  DryRun?: boolean;
}

export interface GetRouteServerAssociationsResult {
  RouteServerAssociations?: RouteServerAssociation[];
}

export interface GetRouteServerPropagationsRequest {
  RouteServerId: string;
  RouteTableId?: string;
  DryRun?: boolean;
}

export interface GetRouteServerPropagationsResult {
  RouteServerPropagations?: RouteServerPropagation[];
}

export interface GetRouteServerRoutingDatabaseRequest {
  RouteServerId: string;
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
  Filters?: Filter[];
}

export interface GetRouteServerRoutingDatabaseResult {
  AreRoutesPersisted?: boolean;
  Routes?: RouteServerRoute[];
  NextToken?: string;
}

export interface GetSecurityGroupsForVpcRequest {
  VpcId: string;
  NextToken?: string;
  MaxResults?: number;
  Filters?: Filter[];
  DryRun?: boolean;
}

export interface GetSecurityGroupsForVpcResult {
  NextToken?: string;
  SecurityGroupForVpcs?: SecurityGroupForVpc[];
}

export interface GetSerialConsoleAccessStatusRequest {
  DryRun?: boolean;
}

export interface GetSerialConsoleAccessStatusResult {
  SerialConsoleAccessEnabled?: boolean;
  ManagedBy?: ManagedBy;
}

export interface GetSnapshotBlockPublicAccessStateRequest {
  DryRun?: boolean;
}

export interface GetSnapshotBlockPublicAccessStateResult {
  State?: SnapshotBlockPublicAccessState;
  ManagedBy?: ManagedBy;
}

export interface GetSpotPlacementScoresRequest {
  InstanceTypes?: string[];
  TargetCapacity: number;
  TargetCapacityUnitType?: TargetCapacityUnitType;
  SingleAvailabilityZone?: boolean;
  RegionNames?: string[];
  InstanceRequirementsWithMetadata?: InstanceRequirementsWithMetadataRequest;
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
}

export interface GetSpotPlacementScoresResult {
  SpotPlacementScores?: SpotPlacementScore[];
  NextToken?: string;
}

export interface GetSubnetCidrReservationsRequest {
  Filters?: Filter[];
  SubnetId: string;
  DryRun?: boolean;
  NextToken?: string;
  MaxResults?: number;
}

export interface GetSubnetCidrReservationsResult {
  SubnetIpv4CidrReservations?: SubnetCidrReservation[];
  SubnetIpv6CidrReservations?: SubnetCidrReservation[];
  NextToken?: string;
}

export interface GetTransitGatewayAttachmentPropagationsRequest {
  TransitGatewayAttachmentId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayAttachmentPropagationsResult {
  TransitGatewayAttachmentPropagations?: TransitGatewayAttachmentPropagation[];
  NextToken?: string;
}

export interface GetTransitGatewayMeteringPolicyEntriesRequest {
  TransitGatewayMeteringPolicyId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayMeteringPolicyEntriesResult {
  TransitGatewayMeteringPolicyEntries?: TransitGatewayMeteringPolicyEntry[];
  NextToken?: string;
}

export interface GetTransitGatewayMulticastDomainAssociationsRequest {
  TransitGatewayMulticastDomainId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayMulticastDomainAssociationsResult {
  MulticastDomainAssociations?: TransitGatewayMulticastDomainAssociation[];
  NextToken?: string;
}

export interface GetTransitGatewayPolicyTableAssociationsRequest {
  TransitGatewayPolicyTableId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayPolicyTableAssociationsResult {
  Associations?: TransitGatewayPolicyTableAssociation[];
  NextToken?: string;
}

export interface GetTransitGatewayPolicyTableEntriesRequest {
  TransitGatewayPolicyTableId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayPolicyTableEntriesResult {
  TransitGatewayPolicyTableEntries?: TransitGatewayPolicyTableEntry[];
}

export interface GetTransitGatewayPrefixListReferencesRequest {
  TransitGatewayRouteTableId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayPrefixListReferencesResult {
  TransitGatewayPrefixListReferences?: TransitGatewayPrefixListReference[];
  NextToken?: string;
}

export interface GetTransitGatewayRouteTableAssociationsRequest {
  TransitGatewayRouteTableId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayRouteTableAssociationsResult {
  Associations?: TransitGatewayRouteTableAssociation[];
  NextToken?: string;
}

export interface GetTransitGatewayRouteTablePropagationsRequest {
  TransitGatewayRouteTableId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetTransitGatewayRouteTablePropagationsResult {
  TransitGatewayRouteTablePropagations?: TransitGatewayRouteTablePropagation[];
  NextToken?: string;
}

export interface GetVerifiedAccessEndpointPolicyRequest {
  VerifiedAccessEndpointId: string;
  DryRun?: boolean;
}

export interface GetVerifiedAccessEndpointPolicyResult {
  PolicyEnabled?: boolean;
  PolicyDocument?: string;
}

export interface GetVerifiedAccessEndpointTargetsRequest {
  VerifiedAccessEndpointId: string;
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetVerifiedAccessEndpointTargetsResult {
  VerifiedAccessEndpointTargets?: VerifiedAccessEndpointTarget[];
  NextToken?: string;
}

export interface GetVerifiedAccessGroupPolicyRequest {
  VerifiedAccessGroupId: string;
  DryRun?: boolean;
}

export interface GetVerifiedAccessGroupPolicyResult {
  PolicyEnabled?: boolean;
  PolicyDocument?: string;
}

export interface GetVpcResourcesBlockingEncryptionEnforcementRequest {
  VpcId: string;
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetVpcResourcesBlockingEncryptionEnforcementResult {
  NonCompliantResources?: VpcEncryptionNonCompliantResource[];
  NextToken?: string;
}

export interface GetVpnConnectionDeviceSampleConfigurationRequest {
  VpnConnectionId: string;
  VpnConnectionDeviceTypeId: string;
  InternetKeyExchangeVersion?: string;
  SampleType?: string;
  DryRun?: boolean;
}

export interface GetVpnConnectionDeviceSampleConfigurationResult {
  VpnConnectionDeviceSampleConfiguration?: string;
}

export interface GetVpnConnectionDeviceTypesRequest {
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface GetVpnConnectionDeviceTypesResult {
  VpnConnectionDeviceTypes?: VpnConnectionDeviceType[];
  NextToken?: string;
}

export interface GetVpnTunnelReplacementStatusRequest {
  VpnConnectionId: string;
  VpnTunnelOutsideIpAddress: string;
  DryRun?: boolean;
}

export interface GetVpnTunnelReplacementStatusResult {
  VpnConnectionId?: string;
  TransitGatewayId?: string;
  CustomerGatewayId?: string;
  VpnGatewayId?: string;
  VpnTunnelOutsideIpAddress?: string;
  MaintenanceDetails?: MaintenanceDetails;
}

export interface GpuDeviceInfo {
  Name?: string;
  Manufacturer?: string;
  Count?: number;
  LogicalGpuCount?: number;
  GpuPartitionSize?: number;
  Workloads?: string[];
  MemoryInfo?: GpuDeviceMemoryInfo;
}

export interface GpuDeviceMemoryInfo {
  SizeInMiB?: number;
}

export interface GpuInfo {
  Gpus?: GpuDeviceInfo[];
  TotalGpuMemoryInMiB?: number;
}

export type GroupBy = 'resource-region' | 'availability-zone-id' | 'account-id' | 'account-name' | 'instance-family' | 'instance-type' | 'instance-platform' | 'reservation-arn' | 'reservation-id' | 'reservation-type' | 'reservation-create-timestamp' | 'reservation-start-timestamp' | 'reservation-end-timestamp' | 'reservation-end-date-type' | 'tenancy' | 'reservation-state' | 'reservation-instance-match-criteria' | 'reservation-unused-financial-owner';

export interface GroupIdentifier {
  GroupId?: string;
  GroupName?: string;
}

export type HaStatus = 'processing' | 'active' | 'standby' | 'invalid';

export interface HibernationOptions {
  Configured?: boolean;
}

export interface HibernationOptionsRequest {
  Configured?: boolean;
}

export interface HistoryRecord {
  EventInformation?: EventInformation;
  EventType?: EventType;
  Timestamp?: number;
}

export interface HistoryRecordEntry {
  EventInformation?: EventInformation;
  EventType?: FleetEventType;
  Timestamp?: number;
}

export interface Host {
  AutoPlacement?: AutoPlacement;
  AvailabilityZone?: string;
  AvailableCapacity?: AvailableCapacity;
  ClientToken?: string;
  HostId?: string;
  HostProperties?: HostProperties;
  HostReservationId?: string;
  Instances?: HostInstance[];
  State?: AllocationState;
  AllocationTime?: number;
  ReleaseTime?: number;
  Tags?: Tag[];
  HostRecovery?: HostRecovery;
  AllowsMultipleInstanceTypes?: AllowsMultipleInstanceTypes;
  OwnerId?: string;
  AvailabilityZoneId?: string;
  MemberOfServiceLinkedResourceGroup?: boolean;
  OutpostArn?: string;
  HostMaintenance?: HostMaintenance;
  AssetId?: string;
}

export interface HostInstance {
  InstanceId?: string;
  InstanceType?: string;
  OwnerId?: string;
}

export type HostMaintenance = 'on' | 'off';

export interface HostOffering {
  CurrencyCode?: CurrencyCodeValues;
  Duration?: number;
  HourlyPrice?: string;
  InstanceFamily?: string;
  OfferingId?: string;
  PaymentOption?: PaymentOption;
  UpfrontPrice?: string;
}

export interface HostProperties {
  Cores?: number;
  InstanceType?: string;
  InstanceFamily?: string;
  Sockets?: number;
  TotalVCpus?: number;
}

export type HostRecovery = 'on' | 'off';

export interface HostReservation {
  Count?: number;
  CurrencyCode?: CurrencyCodeValues;
  Duration?: number;
  End?: number;
  HostIdSet?: string[];
  HostReservationId?: string;
  HourlyPrice?: string;
  InstanceFamily?: string;
  OfferingId?: string;
  PaymentOption?: PaymentOption;
  Start?: number;
  State?: ReservationState;
  UpfrontPrice?: string;
  Tags?: Tag[];
}

export type HostTenancy = 'default' | 'dedicated' | 'host';

export type HostnameType = 'ip-name' | 'resource-name';

export type HttpTokensEnforcedState = 'disabled' | 'enabled';

export type HttpTokensState = 'optional' | 'required';

export type HypervisorType = 'ovm' | 'xen';

export interface IKEVersionsListValue {
  Value?: string;
}

export interface IKEVersionsRequestListValue {
  Value?: string;
}

export interface IamInstanceProfile {
  Arn?: string;
  Id?: string;
}

export interface IamInstanceProfileAssociation {
  AssociationId?: string;
  InstanceId?: string;
  IamInstanceProfile?: IamInstanceProfile;
  State?: IamInstanceProfileAssociationState;
  Timestamp?: number;
}

export type IamInstanceProfileAssociationState = 'associating' | 'associated' | 'disassociating' | 'disassociated';

export interface IamInstanceProfileSpecification {
  Arn?: string;
  Name?: string;
}

export interface IcmpTypeCode {
  Code?: number;
  Type?: number;
}

export interface IdFormat {
  Deadline?: number;
  Resource?: string;
  UseLongIds?: boolean;
}

export type Igmpv2SupportValue = 'enable' | 'disable';

export interface Image {
  PlatformDetails?: string;
  UsageOperation?: string;
  BlockDeviceMappings?: BlockDeviceMapping[];
  Description?: string;
  EnaSupport?: boolean;
  Hypervisor?: HypervisorType;
  ImageOwnerAlias?: string;
  Name?: string;
  RootDeviceName?: string;
  RootDeviceType?: DeviceType;
  SriovNetSupport?: string;
  StateReason?: StateReason;
  Tags?: Tag[];
  VirtualizationType?: VirtualizationType;
  BootMode?: BootModeValues;
  TpmSupport?: TpmSupportValues;
  DeprecationTime?: string;
  ImdsSupport?: ImdsSupportValues;
  SourceInstanceId?: string;
  DeregistrationProtection?: string;
  LastLaunchedTime?: string;
  ImageAllowed?: boolean;
  SourceImageId?: string;
  SourceImageRegion?: string;
  FreeTierEligible?: boolean;
  ImageId?: string;
  ImageLocation?: string;
  State?: ImageState;
  OwnerId?: string;
  CreationDate?: string;
  Public?: boolean;
  ProductCodes?: ProductCode[];
  Architecture?: ArchitectureValues;
  ImageType?: ImageTypeValues;
  KernelId?: string;
  RamdiskId?: string;
  Platform?: PlatformValues;
}

export interface ImageAncestryEntry {
  CreationDate?: number;
  ImageId?: string;
  ImageOwnerAlias?: string;
  SourceImageId?: string;
  SourceImageRegion?: string;
}

export interface ImageAttribute {
  Description?: AttributeValue;
  KernelId?: AttributeValue;
  RamdiskId?: AttributeValue;
  SriovNetSupport?: AttributeValue;
  BootMode?: AttributeValue;
  TpmSupport?: AttributeValue;
  UefiData?: AttributeValue;
  LastLaunchedTime?: AttributeValue;
  ImdsSupport?: AttributeValue;
  DeregistrationProtection?: AttributeValue;
  ImageId?: string;
  LaunchPermissions?: LaunchPermission[];
  ProductCodes?: ProductCode[];
  BlockDeviceMappings?: BlockDeviceMapping[];
}

export type ImageAttributeName = 'description' | 'kernel' | 'ramdisk' | 'launchPermission' | 'productCodes' | 'blockDeviceMapping' | 'sriovNetSupport' | 'bootMode' | 'tpmSupport' | 'uefiData' | 'lastLaunchedTime' | 'imdsSupport' | 'deregistrationProtection';

export type ImageBlockPublicAccessDisabledState = 'unblocked';

export type ImageBlockPublicAccessEnabledState = 'block-new-sharing';

export interface ImageCriterion {
  ImageProviders?: string[];
  MarketplaceProductCodes?: string[];
  ImageNames?: string[];
  DeprecationTimeCondition?: DeprecationTimeCondition;
  CreationDateCondition?: CreationDateCondition;
}

export interface ImageCriterionRequest {
  ImageProviders?: string[];
  MarketplaceProductCodes?: string[];
  ImageNames?: string[];
  DeprecationTimeCondition?: DeprecationTimeConditionRequest;
  CreationDateCondition?: CreationDateConditionRequest;
}

export interface ImageDiskContainer {
  Description?: string;
  DeviceName?: string;
  Format?: string;
  SnapshotId?: string;
  Url?: string;
  UserBucket?: UserBucket;
}

export interface ImageMetadata {
  ImageId?: string;
  Name?: string;
  OwnerId?: string;
  State?: ImageState;
  ImageOwnerAlias?: string;
  CreationDate?: string;
  DeprecationTime?: string;
  ImageAllowed?: boolean;
  IsPublic?: boolean;
}

export interface ImageRecycleBinInfo {
  ImageId?: string;
  Name?: string;
  Description?: string;
  RecycleBinEnterTime?: number;
  RecycleBinExitTime?: number;
}

export interface ImageReference {
  ImageId?: string;
  ResourceType?: ImageReferenceResourceType;
  Arn?: string;
}

export type ImageReferenceOptionName = 'state-name' | 'version-depth';

export type ImageReferenceResourceType = 'ec2:Instance' | 'ec2:LaunchTemplate' | 'ssm:Parameter' | 'imagebuilder:ImageRecipe' | 'imagebuilder:ContainerRecipe';

export type ImageState = 'pending' | 'available' | 'invalid' | 'deregistered' | 'transient' | 'failed' | 'error' | 'disabled';

export type ImageTypeValues = 'machine' | 'kernel' | 'ramdisk';

export interface ImageUsageReport {
  ImageId?: string;
  ReportId?: string;
  ResourceTypes?: ImageUsageResourceType[];
  AccountIds?: string[];
  State?: string;
  StateReason?: string;
  CreationTime?: number;
  ExpirationTime?: number;
  Tags?: Tag[];
}

export interface ImageUsageReportEntry {
  ResourceType?: string;
  ReportId?: string;
  UsageCount?: number;
  AccountId?: string;
  ImageId?: string;
  ReportCreationTime?: number;
}

export interface ImageUsageResourceType {
  ResourceType?: string;
  ResourceTypeOptions?: ImageUsageResourceTypeOption[];
}

export interface ImageUsageResourceTypeOption {
  OptionName?: string;
  OptionValues?: string[];
}

export interface ImageUsageResourceTypeOptionRequest {
  OptionName?: string;
  OptionValues?: string[];
}

export interface ImageUsageResourceTypeRequest {
  ResourceType?: string;
  ResourceTypeOptions?: ImageUsageResourceTypeOptionRequest[];
}

export type ImdsSupportValues = 'v2.0';

export interface ImportClientVpnClientCertificateRevocationListRequest {
  ClientVpnEndpointId: string;
  CertificateRevocationList: string;
  DryRun?: boolean;
}

export interface ImportClientVpnClientCertificateRevocationListResult {
  Return?: boolean;
}

export interface ImportImageLicenseConfigurationRequest {
  LicenseConfigurationArn?: string;
}

export interface ImportImageLicenseConfigurationResponse {
  LicenseConfigurationArn?: string;
}

export interface ImportImageRequest {
  Architecture?: string;
  ClientData?: ClientData;
  ClientToken?: string;
  Description?: string;
  DiskContainers?: ImageDiskContainer[];
  DryRun?: boolean;
  Encrypted?: boolean;
  Hypervisor?: string;
  KmsKeyId?: string;
  LicenseType?: string;
  Platform?: string;
  RoleName?: string;
  LicenseSpecifications?: ImportImageLicenseConfigurationRequest[];
  TagSpecifications?: TagSpecification[];
  UsageOperation?: string;
  BootMode?: BootModeValues;
}

export interface ImportImageResult {
  Architecture?: string;
  Description?: string;
  Encrypted?: boolean;
  Hypervisor?: string;
  ImageId?: string;
  ImportTaskId?: string;
  KmsKeyId?: string;
  LicenseType?: string;
  Platform?: string;
  Progress?: string;
  SnapshotDetails?: SnapshotDetail[];
  Status?: string;
  StatusMessage?: string;
  LicenseSpecifications?: ImportImageLicenseConfigurationResponse[];
  Tags?: Tag[];
  UsageOperation?: string;
}

export interface ImportImageTask {
  Architecture?: string;
  Description?: string;
  Encrypted?: boolean;
  Hypervisor?: string;
  ImageId?: string;
  ImportTaskId?: string;
  KmsKeyId?: string;
  LicenseType?: string;
  Platform?: string;
  Progress?: string;
  SnapshotDetails?: SnapshotDetail[];
  Status?: string;
  StatusMessage?: string;
  Tags?: Tag[];
  LicenseSpecifications?: ImportImageLicenseConfigurationResponse[];
  UsageOperation?: string;
  BootMode?: BootModeValues;
}

export interface ImportInstanceLaunchSpecification {
  Architecture?: ArchitectureValues;
  GroupNames?: string[];
  GroupIds?: string[];
  AdditionalInfo?: string;
  UserData?: UserData;
  InstanceType?: InstanceType_;
  Placement?: Placement;
  Monitoring?: boolean;
  SubnetId?: string;
  InstanceInitiatedShutdownBehavior?: ShutdownBehavior;
  PrivateIpAddress?: string;
}

export interface ImportInstanceRequest {
  DryRun?: boolean;
  Description?: string;
  LaunchSpecification?: ImportInstanceLaunchSpecification;
  DiskImages?: DiskImage[];
  Platform: PlatformValues;
}

export interface ImportInstanceResult {
  ConversionTask?: ConversionTask;
}

export interface ImportInstanceTaskDetails {
  Description?: string;
  InstanceId?: string;
  Platform?: PlatformValues;
  Volumes?: ImportInstanceVolumeDetailItem[];
}

export interface ImportInstanceVolumeDetailItem {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  BytesConverted?: number;
  Description?: string;
  Image?: DiskImageDescription;
  Status?: string;
  StatusMessage?: string;
  Volume?: DiskImageVolumeDescription;
}

export interface ImportKeyPairRequest {
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  KeyName: string;
  PublicKeyMaterial: string;
}

export interface ImportKeyPairResult {
  KeyFingerprint?: string;
  KeyName?: string;
  KeyPairId?: string;
  Tags?: Tag[];
}

export interface ImportSnapshotRequest {
  ClientData?: ClientData;
  ClientToken?: string;
  Description?: string;
  DiskContainer?: SnapshotDiskContainer;
  DryRun?: boolean;
  Encrypted?: boolean;
  KmsKeyId?: string;
  RoleName?: string;
  TagSpecifications?: TagSpecification[];
}

export interface ImportSnapshotResult {
  Description?: string;
  ImportTaskId?: string;
  SnapshotTaskDetail?: SnapshotTaskDetail;
  Tags?: Tag[];
}

export interface ImportSnapshotTask {
  Description?: string;
  ImportTaskId?: string;
  SnapshotTaskDetail?: SnapshotTaskDetail;
  Tags?: Tag[];
}

export interface ImportVolumeRequest {
  AvailabilityZoneId?: string;
  DryRun?: boolean;
  AvailabilityZone?: string;
  Image: DiskImageDetail;
  Description?: string;
  Volume: VolumeDetail;
}

export interface ImportVolumeResult {
  ConversionTask?: ConversionTask;
}

export interface ImportVolumeTaskDetails {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  BytesConverted?: number;
  Description?: string;
  Image?: DiskImageDescription;
  Volume?: DiskImageVolumeDescription;
}

export interface InferenceAcceleratorInfo {
  Accelerators?: InferenceDeviceInfo[];
  TotalInferenceMemoryInMiB?: number;
}

export interface InferenceDeviceInfo {
  Count?: number;
  Name?: string;
  Manufacturer?: string;
  MemoryInfo?: InferenceDeviceMemoryInfo;
}

export interface InferenceDeviceMemoryInfo {
  SizeInMiB?: number;
}

export type IngestionStatus = 'initial-ingestion-in-progress' | 'ingestion-complete' | 'ingestion-failed';

export interface InitializationStatusDetails {
  InitializationType?: InitializationType;
  Progress?: number;
  EstimatedTimeToCompleteInSeconds?: number;
}

export type InitializationType = 'default' | 'provisioned-rate' | 'volume-copy';

export interface Instance {
  Architecture?: ArchitectureValues;
  BlockDeviceMappings?: InstanceBlockDeviceMapping[];
  ClientToken?: string;
  EbsOptimized?: boolean;
  EnaSupport?: boolean;
  Hypervisor?: HypervisorType;
  IamInstanceProfile?: IamInstanceProfile;
  InstanceLifecycle?: InstanceLifecycleType;
  ElasticGpuAssociations?: ElasticGpuAssociation[];
  ElasticInferenceAcceleratorAssociations?: ElasticInferenceAcceleratorAssociation[];
  NetworkInterfaces?: InstanceNetworkInterface[];
  OutpostArn?: string;
  RootDeviceName?: string;
  RootDeviceType?: DeviceType;
  SecurityGroups?: GroupIdentifier[];
  SourceDestCheck?: boolean;
  SpotInstanceRequestId?: string;
  SriovNetSupport?: string;
  StateReason?: StateReason;
  Tags?: Tag[];
  VirtualizationType?: VirtualizationType;
  CpuOptions?: CpuOptions;
  CapacityBlockId?: string;
  CapacityReservationId?: string;
  CapacityReservationSpecification?: CapacityReservationSpecificationResponse;
  HibernationOptions?: HibernationOptions;
  Licenses?: LicenseConfiguration[];
  MetadataOptions?: InstanceMetadataOptionsResponse;
  EnclaveOptions?: EnclaveOptions;
  BootMode?: BootModeValues;
  PlatformDetails?: string;
  UsageOperation?: string;
  UsageOperationUpdateTime?: number;
  PrivateDnsNameOptions?: PrivateDnsNameOptionsResponse;
  Ipv6Address?: string;
  TpmSupport?: string;
  MaintenanceOptions?: InstanceMaintenanceOptions;
  CurrentInstanceBootMode?: InstanceBootModeValues;
  NetworkPerformanceOptions?: InstanceNetworkPerformanceOptions;
  Operator?: OperatorResponse;
  SecondaryInterfaces?: InstanceSecondaryInterface[];
  InstanceId?: string;
  ImageId?: string;
  State?: InstanceState;
  PrivateDnsName?: string;
  PublicDnsName?: string;
  StateTransitionReason?: string;
  KeyName?: string;
  AmiLaunchIndex?: number;
  ProductCodes?: ProductCode[];
  InstanceType?: InstanceType_;
  LaunchTime?: number;
  Placement?: Placement;
  KernelId?: string;
  RamdiskId?: string;
  Platform?: PlatformValues;
  Monitoring?: Monitoring;
  SubnetId?: string;
  VpcId?: string;
  PrivateIpAddress?: string;
  PublicIpAddress?: string;
}

export interface InstanceAttachmentEnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: InstanceAttachmentEnaSrdUdpSpecification;
}

export interface InstanceAttachmentEnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}

export interface InstanceAttribute {
  BlockDeviceMappings?: InstanceBlockDeviceMapping[];
  DisableApiTermination?: AttributeBooleanValue;
  EnaSupport?: AttributeBooleanValue;
  EnclaveOptions?: EnclaveOptions;
  EbsOptimized?: AttributeBooleanValue;
  InstanceId?: string;
  InstanceInitiatedShutdownBehavior?: AttributeValue;
  InstanceType?: AttributeValue;
  KernelId?: AttributeValue;
  ProductCodes?: ProductCode[];
  RamdiskId?: AttributeValue;
  RootDeviceName?: AttributeValue;
  SourceDestCheck?: AttributeBooleanValue;
  SriovNetSupport?: AttributeValue;
  UserData?: AttributeValue;
  DisableApiStop?: AttributeBooleanValue;
  Groups?: GroupIdentifier[];
}

export type InstanceAttributeName = 'instanceType' | 'kernel' | 'ramdisk' | 'userData' | 'disableApiTermination' | 'instanceInitiatedShutdownBehavior' | 'rootDeviceName' | 'blockDeviceMapping' | 'productCodes' | 'sourceDestCheck' | 'groupSet' | 'ebsOptimized' | 'sriovNetSupport' | 'enaSupport' | 'enclaveOptions' | 'disableApiStop';

export type InstanceAutoRecoveryState = 'disabled' | 'default';

export type InstanceBandwidthWeighting = 'default' | 'vpc-1' | 'ebs-1';

export interface InstanceBlockDeviceMapping {
  DeviceName?: string;
  Ebs?: EbsInstanceBlockDevice;
}

export interface InstanceBlockDeviceMappingSpecification {
  DeviceName?: string;
  Ebs?: EbsInstanceBlockDeviceSpecification;
  VirtualName?: string;
  NoDevice?: string;
}

export type InstanceBootModeValues = 'legacy-bios' | 'uefi';

export interface InstanceCapacity {
  AvailableCapacity?: number;
  InstanceType?: string;
  TotalCapacity?: number;
}

export interface InstanceConnectEndpointDnsNames {
  DnsName?: string;
  FipsDnsName?: string;
}

export interface InstanceConnectEndpointPublicDnsNames {
  Ipv4?: InstanceConnectEndpointDnsNames;
  Dualstack?: InstanceConnectEndpointDnsNames;
}

export interface InstanceCount {
  InstanceCount?: number;
  State?: ListingState;
}

export interface InstanceCreditSpecification {
  InstanceId?: string;
  CpuCredits?: string;
}

export interface InstanceCreditSpecificationRequest {
  InstanceId: string;
  CpuCredits?: string;
}

export interface InstanceEventWindow {
  InstanceEventWindowId?: string;
  TimeRanges?: InstanceEventWindowTimeRange[];
  Name?: string;
  CronExpression?: string;
  AssociationTarget?: InstanceEventWindowAssociationTarget;
  State?: InstanceEventWindowState;
  Tags?: Tag[];
}

export interface InstanceEventWindowAssociationRequest {
  InstanceIds?: string[];
  InstanceTags?: Tag[];
  DedicatedHostIds?: string[];
}

export interface InstanceEventWindowAssociationTarget {
  InstanceIds?: string[];
  Tags?: Tag[];
  DedicatedHostIds?: string[];
}

export interface InstanceEventWindowDisassociationRequest {
  InstanceIds?: string[];
  InstanceTags?: Tag[];
  DedicatedHostIds?: string[];
}

export type InstanceEventWindowState = 'creating' | 'deleting' | 'active' | 'deleted';

export interface InstanceEventWindowStateChange {
  InstanceEventWindowId?: string;
  State?: InstanceEventWindowState;
}

export interface InstanceEventWindowTimeRange {
  StartWeekDay?: WeekDay;
  StartHour?: number;
  EndWeekDay?: WeekDay;
  EndHour?: number;
}

export interface InstanceEventWindowTimeRangeRequest {
  StartWeekDay?: WeekDay;
  StartHour?: number;
  EndWeekDay?: WeekDay;
  EndHour?: number;
}

export interface InstanceExportDetails {
  InstanceId?: string;
  TargetEnvironment?: ExportEnvironment;
}

export interface InstanceFamilyCreditSpecification {
  InstanceFamily?: UnlimitedSupportedInstanceFamily;
  CpuCredits?: string;
}

export type InstanceGeneration = 'current' | 'previous';

export type InstanceHealthStatus = 'healthy' | 'unhealthy';

export interface InstanceImageMetadata {
  InstanceId?: string;
  InstanceType?: InstanceType_;
  LaunchTime?: number;
  AvailabilityZone?: string;
  ZoneId?: string;
  State?: InstanceState;
  OwnerId?: string;
  Tags?: Tag[];
  ImageMetadata?: ImageMetadata;
  Operator?: OperatorResponse;
}

export type InstanceInterruptionBehavior = 'hibernate' | 'stop' | 'terminate';

export interface InstanceIpv4Prefix {
  Ipv4Prefix?: string;
}

export interface InstanceIpv6Address {
  Ipv6Address?: string;
  IsPrimaryIpv6?: boolean;
}

export interface InstanceIpv6AddressRequest {
  Ipv6Address?: string;
}

export interface InstanceIpv6Prefix {
  Ipv6Prefix?: string;
}

export type InstanceLifecycle = 'spot' | 'on-demand' | 'interruptible-capacity-reservation';

export type InstanceLifecycleType = 'spot' | 'scheduled' | 'capacity-block' | 'interruptible-capacity-reservation';

export interface InstanceMaintenanceOptions {
  AutoRecovery?: InstanceAutoRecoveryState;
  RebootMigration?: InstanceRebootMigrationState;
}

export interface InstanceMaintenanceOptionsRequest {
  AutoRecovery?: InstanceAutoRecoveryState;
}

export interface InstanceMarketOptionsRequest {
  MarketType?: MarketType;
  SpotOptions?: SpotMarketOptions;
}

export type InstanceMatchCriteria = 'open' | 'targeted';

export interface InstanceMetadataDefaultsResponse {
  HttpTokens?: HttpTokensState;
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: InstanceMetadataEndpointState;
  InstanceMetadataTags?: InstanceMetadataTagsState;
  ManagedBy?: ManagedBy;
  ManagedExceptionMessage?: string;
  HttpTokensEnforced?: HttpTokensEnforcedState;
}

export type InstanceMetadataEndpointState = 'disabled' | 'enabled';

export interface InstanceMetadataOptionsRequest {
  HttpTokens?: HttpTokensState;
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: InstanceMetadataEndpointState;
  HttpProtocolIpv6?: InstanceMetadataProtocolState;
  InstanceMetadataTags?: InstanceMetadataTagsState;
}

export interface InstanceMetadataOptionsResponse {
  State?: InstanceMetadataOptionsState;
  HttpTokens?: HttpTokensState;
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: InstanceMetadataEndpointState;
  HttpProtocolIpv6?: InstanceMetadataProtocolState;
  InstanceMetadataTags?: InstanceMetadataTagsState;
}

export type InstanceMetadataOptionsState = 'pending' | 'applied';

export type InstanceMetadataProtocolState = 'disabled' | 'enabled';

export type InstanceMetadataTagsState = 'disabled' | 'enabled';

export interface InstanceMonitoring {
  InstanceId?: string;
  Monitoring?: Monitoring;
}

export interface InstanceNetworkInterface {
  Association?: InstanceNetworkInterfaceAssociation;
  Attachment?: InstanceNetworkInterfaceAttachment;
  Description?: string;
  Groups?: GroupIdentifier[];
  Ipv6Addresses?: InstanceIpv6Address[];
  MacAddress?: string;
  NetworkInterfaceId?: string;
  OwnerId?: string;
  PrivateDnsName?: string;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: InstancePrivateIpAddress[];
  SourceDestCheck?: boolean;
  Status?: NetworkInterfaceStatus;
  SubnetId?: string;
  VpcId?: string;
  InterfaceType?: string;
  Ipv4Prefixes?: InstanceIpv4Prefix[];
  Ipv6Prefixes?: InstanceIpv6Prefix[];
  ConnectionTrackingConfiguration?: ConnectionTrackingSpecificationResponse;
  Operator?: OperatorResponse;
}

export interface InstanceNetworkInterfaceAssociation {
  CarrierIp?: string;
  CustomerOwnedIp?: string;
  IpOwnerId?: string;
  PublicDnsName?: string;
  PublicIp?: string;
}

export interface InstanceNetworkInterfaceAttachment {
  AttachTime?: number;
  AttachmentId?: string;
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  Status?: AttachmentStatus;
  NetworkCardIndex?: number;
  EnaSrdSpecification?: InstanceAttachmentEnaSrdSpecification;
  EnaQueueCount?: number;
}

export interface InstanceNetworkInterfaceSpecification {
  AssociatePublicIpAddress?: boolean;
  DeleteOnTermination?: boolean;
  Description?: string;
  DeviceIndex?: number;
  Groups?: string[];
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6Address[];
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: PrivateIpAddressSpecification[];
  SecondaryPrivateIpAddressCount?: number;
  SubnetId?: string;
  AssociateCarrierIpAddress?: boolean;
  InterfaceType?: string;
  NetworkCardIndex?: number;
  Ipv4Prefixes?: Ipv4PrefixSpecificationRequest[];
  Ipv4PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixSpecificationRequest[];
  Ipv6PrefixCount?: number;
  PrimaryIpv6?: boolean;
  EnaSrdSpecification?: EnaSrdSpecificationRequest;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  EnaQueueCount?: number;
}

export interface InstanceNetworkPerformanceOptions {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}

export interface InstanceNetworkPerformanceOptionsRequest {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}

export interface InstancePrivateIpAddress {
  Association?: InstanceNetworkInterfaceAssociation;
  Primary?: boolean;
  PrivateDnsName?: string;
  PrivateIpAddress?: string;
}

export type InstanceRebootMigrationState = 'disabled' | 'default';

export interface InstanceRequirements {
  VCpuCount?: VCpuCountRange;
  MemoryMiB?: MemoryMiB;
  CpuManufacturers?: CpuManufacturer[];
  MemoryGiBPerVCpu?: MemoryGiBPerVCpu;
  ExcludedInstanceTypes?: string[];
  InstanceGenerations?: InstanceGeneration[];
  SpotMaxPricePercentageOverLowestPrice?: number;
  OnDemandMaxPricePercentageOverLowestPrice?: number;
  BareMetal?: BareMetal;
  BurstablePerformance?: BurstablePerformance;
  RequireHibernateSupport?: boolean;
  NetworkInterfaceCount?: NetworkInterfaceCount;
  LocalStorage?: LocalStorage;
  LocalStorageTypes?: LocalStorageType[];
  TotalLocalStorageGB?: TotalLocalStorageGB;
  BaselineEbsBandwidthMbps?: BaselineEbsBandwidthMbps;
  AcceleratorTypes?: AcceleratorType[];
  AcceleratorCount?: AcceleratorCount;
  AcceleratorManufacturers?: AcceleratorManufacturer[];
  AcceleratorNames?: AcceleratorName[];
  AcceleratorTotalMemoryMiB?: AcceleratorTotalMemoryMiB;
  NetworkBandwidthGbps?: NetworkBandwidthGbps;
  AllowedInstanceTypes?: string[];
  MaxSpotPriceAsPercentageOfOptimalOnDemandPrice?: number;
  BaselinePerformanceFactors?: BaselinePerformanceFactors;
  RequireEncryptionInTransit?: boolean;
}

export interface InstanceRequirementsRequest {
  VCpuCount: VCpuCountRangeRequest;
  MemoryMiB: MemoryMiBRequest;
  CpuManufacturers?: CpuManufacturer[];
  MemoryGiBPerVCpu?: MemoryGiBPerVCpuRequest;
  ExcludedInstanceTypes?: string[];
  InstanceGenerations?: InstanceGeneration[];
  SpotMaxPricePercentageOverLowestPrice?: number;
  OnDemandMaxPricePercentageOverLowestPrice?: number;
  BareMetal?: BareMetal;
  BurstablePerformance?: BurstablePerformance;
  RequireHibernateSupport?: boolean;
  NetworkInterfaceCount?: NetworkInterfaceCountRequest;
  LocalStorage?: LocalStorage;
  LocalStorageTypes?: LocalStorageType[];
  TotalLocalStorageGB?: TotalLocalStorageGBRequest;
  BaselineEbsBandwidthMbps?: BaselineEbsBandwidthMbpsRequest;
  AcceleratorTypes?: AcceleratorType[];
  AcceleratorCount?: AcceleratorCountRequest;
  AcceleratorManufacturers?: AcceleratorManufacturer[];
  AcceleratorNames?: AcceleratorName[];
  AcceleratorTotalMemoryMiB?: AcceleratorTotalMemoryMiBRequest;
  NetworkBandwidthGbps?: NetworkBandwidthGbpsRequest;
  AllowedInstanceTypes?: string[];
  MaxSpotPriceAsPercentageOfOptimalOnDemandPrice?: number;
  BaselinePerformanceFactors?: BaselinePerformanceFactorsRequest;
  RequireEncryptionInTransit?: boolean;
}

export interface InstanceRequirementsWithMetadataRequest {
  ArchitectureTypes?: ArchitectureType[];
  VirtualizationTypes?: VirtualizationType[];
  InstanceRequirements?: InstanceRequirementsRequest;
}

export interface InstanceSecondaryInterface {
  Attachment?: InstanceSecondaryInterfaceAttachment;
  MacAddress?: string;
  SecondaryInterfaceId?: string;
  OwnerId?: string;
  PrivateIpAddresses?: InstanceSecondaryInterfacePrivateIpAddress[];
  SourceDestCheck?: boolean;
  Status?: SecondaryInterfaceStatus;
  SecondarySubnetId?: string;
  SecondaryNetworkId?: string;
  InterfaceType?: SecondaryInterfaceType;
}

export interface InstanceSecondaryInterfaceAttachment {
  AttachTime?: number;
  AttachmentId?: string;
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  Status?: AttachmentStatus;
  NetworkCardIndex?: number;
}

export interface InstanceSecondaryInterfacePrivateIpAddress {
  PrivateIpAddress?: string;
}

export interface InstanceSecondaryInterfacePrivateIpAddressRequest {
  PrivateIpAddress: string;
}

export interface InstanceSecondaryInterfaceSpecificationRequest {
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  PrivateIpAddresses?: InstanceSecondaryInterfacePrivateIpAddressRequest[];
  PrivateIpAddressCount?: number;
  SecondarySubnetId?: string;
  InterfaceType?: SecondaryInterfaceType;
  NetworkCardIndex?: number;
}

export interface InstanceSpecification {
  InstanceId: string;
  ExcludeBootVolume?: boolean;
  ExcludeDataVolumeIds?: string[];
}

export interface InstanceState {
  Code?: number;
  Name?: InstanceStateName;
}

export interface InstanceStateChange {
  InstanceId?: string;
  CurrentState?: InstanceState;
  PreviousState?: InstanceState;
}

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface InstanceStatus {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  OutpostArn?: string;
  Operator?: OperatorResponse;
  Events?: InstanceStatusEvent[];
  InstanceId?: string;
  InstanceState?: InstanceState;
  InstanceStatus?: InstanceStatusSummary;
  SystemStatus?: InstanceStatusSummary;
  AttachedEbsStatus?: EbsStatusSummary;
}

export interface InstanceStatusDetails {
  ImpairedSince?: number;
  Name?: StatusName;
  Status?: StatusType;
}

export interface InstanceStatusEvent {
  InstanceEventId?: string;
  Code?: EventCode;
  Description?: string;
  NotAfter?: number;
  NotBefore?: number;
  NotBeforeDeadline?: number;
}

export interface InstanceStatusSummary {
  Details?: InstanceStatusDetails[];
  Status?: SummaryStatus;
}

export type InstanceStorageEncryptionSupport = 'unsupported' | 'required';

export interface InstanceStorageInfo {
  TotalSizeInGB?: number;
  Disks?: DiskInfo[];
  NvmeSupport?: EphemeralNvmeSupport;
  EncryptionSupport?: InstanceStorageEncryptionSupport;
}

export interface InstanceTagNotificationAttribute {
  InstanceTagKeys?: string[];
  IncludeAllTagsOfInstance?: boolean;
}

export interface InstanceTopology {
  InstanceId?: string;
  InstanceType?: string;
  GroupName?: string;
  NetworkNodes?: string[];
  AvailabilityZone?: string;
  ZoneId?: string;
  CapacityBlockId?: string;
}

export type InstanceType_ = 'a1.medium' | 'a1.large' | 'a1.xlarge' | 'a1.2xlarge' | 'a1.4xlarge' | 'a1.metal' | 'c1.medium' | 'c1.xlarge' | 'c3.large' | 'c3.xlarge' | 'c3.2xlarge' | 'c3.4xlarge' | 'c3.8xlarge' | 'c4.large' | 'c4.xlarge' | 'c4.2xlarge' | 'c4.4xlarge' | 'c4.8xlarge' | 'c5.large' | 'c5.xlarge' | 'c5.2xlarge' | 'c5.4xlarge' | 'c5.9xlarge' | 'c5.12xlarge' | 'c5.18xlarge' | 'c5.24xlarge' | 'c5.metal' | 'c5a.large' | 'c5a.xlarge' | 'c5a.2xlarge' | 'c5a.4xlarge' | 'c5a.8xlarge' | 'c5a.12xlarge' | 'c5a.16xlarge' | 'c5a.24xlarge' | 'c5ad.large' | 'c5ad.xlarge' | 'c5ad.2xlarge' | 'c5ad.4xlarge' | 'c5ad.8xlarge' | 'c5ad.12xlarge' | 'c5ad.16xlarge' | 'c5ad.24xlarge' | 'c5d.large' | 'c5d.xlarge' | 'c5d.2xlarge' | 'c5d.4xlarge' | 'c5d.9xlarge' | 'c5d.12xlarge' | 'c5d.18xlarge' | 'c5d.24xlarge' | 'c5d.metal' | 'c5n.large' | 'c5n.xlarge' | 'c5n.2xlarge' | 'c5n.4xlarge' | 'c5n.9xlarge' | 'c5n.18xlarge' | 'c5n.metal' | 'c6g.medium' | 'c6g.large' | 'c6g.xlarge' | 'c6g.2xlarge' | 'c6g.4xlarge' | 'c6g.8xlarge' | 'c6g.12xlarge' | 'c6g.16xlarge' | 'c6g.metal' | 'c6gd.medium' | 'c6gd.large' | 'c6gd.xlarge' | 'c6gd.2xlarge' | 'c6gd.4xlarge' | 'c6gd.8xlarge' | 'c6gd.12xlarge' | 'c6gd.16xlarge' | 'c6gd.metal' | 'c6gn.medium' | 'c6gn.large' | 'c6gn.xlarge' | 'c6gn.2xlarge' | 'c6gn.4xlarge' | 'c6gn.8xlarge' | 'c6gn.12xlarge' | 'c6gn.16xlarge' | 'c6i.large' | 'c6i.xlarge' | 'c6i.2xlarge' | 'c6i.4xlarge' | 'c6i.8xlarge' | 'c6i.12xlarge' | 'c6i.16xlarge' | 'c6i.24xlarge' | 'c6i.32xlarge' | 'c6i.metal' | 'cc1.4xlarge' | 'cc2.8xlarge' | 'cg1.4xlarge' | 'cr1.8xlarge' | 'd2.xlarge' | 'd2.2xlarge' | 'd2.4xlarge' | 'd2.8xlarge' | 'd3.xlarge' | 'd3.2xlarge' | 'd3.4xlarge' | 'd3.8xlarge' | 'd3en.xlarge' | 'd3en.2xlarge' | 'd3en.4xlarge' | 'd3en.6xlarge' | 'd3en.8xlarge' | 'd3en.12xlarge' | 'dl1.24xlarge' | 'f1.2xlarge' | 'f1.4xlarge' | 'f1.16xlarge' | 'g2.2xlarge' | 'g2.8xlarge' | 'g3.4xlarge' | 'g3.8xlarge' | 'g3.16xlarge' | 'g3s.xlarge' | 'g4ad.xlarge' | 'g4ad.2xlarge' | 'g4ad.4xlarge' | 'g4ad.8xlarge' | 'g4ad.16xlarge' | 'g4dn.xlarge' | 'g4dn.2xlarge' | 'g4dn.4xlarge' | 'g4dn.8xlarge' | 'g4dn.12xlarge' | 'g4dn.16xlarge' | 'g4dn.metal' | 'g5.xlarge' | 'g5.2xlarge' | 'g5.4xlarge' | 'g5.8xlarge' | 'g5.12xlarge' | 'g5.16xlarge' | 'g5.24xlarge' | 'g5.48xlarge' | 'g5g.xlarge' | 'g5g.2xlarge' | 'g5g.4xlarge' | 'g5g.8xlarge' | 'g5g.16xlarge' | 'g5g.metal' | 'hi1.4xlarge' | 'hpc6a.48xlarge' | 'hs1.8xlarge' | 'h1.2xlarge' | 'h1.4xlarge' | 'h1.8xlarge' | 'h1.16xlarge' | 'i2.xlarge' | 'i2.2xlarge' | 'i2.4xlarge' | 'i2.8xlarge' | 'i3.large' | 'i3.xlarge' | 'i3.2xlarge' | 'i3.4xlarge' | 'i3.8xlarge' | 'i3.16xlarge' | 'i3.metal' | 'i3en.large' | 'i3en.xlarge' | 'i3en.2xlarge' | 'i3en.3xlarge' | 'i3en.6xlarge' | 'i3en.12xlarge' | 'i3en.24xlarge' | 'i3en.metal' | 'im4gn.large' | 'im4gn.xlarge' | 'im4gn.2xlarge' | 'im4gn.4xlarge' | 'im4gn.8xlarge' | 'im4gn.16xlarge' | 'inf1.xlarge' | 'inf1.2xlarge' | 'inf1.6xlarge' | 'inf1.24xlarge' | 'is4gen.medium' | 'is4gen.large' | 'is4gen.xlarge' | 'is4gen.2xlarge' | 'is4gen.4xlarge' | 'is4gen.8xlarge' | 'm1.small' | 'm1.medium' | 'm1.large' | 'm1.xlarge' | 'm2.xlarge' | 'm2.2xlarge' | 'm2.4xlarge' | 'm3.medium' | 'm3.large' | 'm3.xlarge' | 'm3.2xlarge' | 'm4.large' | 'm4.xlarge' | 'm4.2xlarge' | 'm4.4xlarge' | 'm4.10xlarge' | 'm4.16xlarge' | 'm5.large' | 'm5.xlarge' | 'm5.2xlarge' | 'm5.4xlarge' | 'm5.8xlarge' | 'm5.12xlarge' | 'm5.16xlarge' | 'm5.24xlarge' | 'm5.metal' | 'm5a.large' | 'm5a.xlarge' | 'm5a.2xlarge' | 'm5a.4xlarge' | 'm5a.8xlarge' | 'm5a.12xlarge' | 'm5a.16xlarge' | 'm5a.24xlarge' | 'm5ad.large' | 'm5ad.xlarge' | 'm5ad.2xlarge' | 'm5ad.4xlarge' | 'm5ad.8xlarge' | 'm5ad.12xlarge' | 'm5ad.16xlarge' | 'm5ad.24xlarge' | 'm5d.large' | 'm5d.xlarge' | 'm5d.2xlarge' | 'm5d.4xlarge' | 'm5d.8xlarge' | 'm5d.12xlarge' | 'm5d.16xlarge' | 'm5d.24xlarge' | 'm5d.metal' | 'm5dn.large' | 'm5dn.xlarge' | 'm5dn.2xlarge' | 'm5dn.4xlarge' | 'm5dn.8xlarge' | 'm5dn.12xlarge' | 'm5dn.16xlarge' | 'm5dn.24xlarge' | 'm5dn.metal' | 'm5n.large' | 'm5n.xlarge' | 'm5n.2xlarge' | 'm5n.4xlarge' | 'm5n.8xlarge' | 'm5n.12xlarge' | 'm5n.16xlarge' | 'm5n.24xlarge' | 'm5n.metal' | 'm5zn.large' | 'm5zn.xlarge' | 'm5zn.2xlarge' | 'm5zn.3xlarge' | 'm5zn.6xlarge' | 'm5zn.12xlarge' | 'm5zn.metal' | 'm6a.large' | 'm6a.xlarge' | 'm6a.2xlarge' | 'm6a.4xlarge' | 'm6a.8xlarge' | 'm6a.12xlarge' | 'm6a.16xlarge' | 'm6a.24xlarge' | 'm6a.32xlarge' | 'm6a.48xlarge' | 'm6g.metal' | 'm6g.medium' | 'm6g.large' | 'm6g.xlarge' | 'm6g.2xlarge' | 'm6g.4xlarge' | 'm6g.8xlarge' | 'm6g.12xlarge' | 'm6g.16xlarge' | 'm6gd.metal' | 'm6gd.medium' | 'm6gd.large' | 'm6gd.xlarge' | 'm6gd.2xlarge' | 'm6gd.4xlarge' | 'm6gd.8xlarge' | 'm6gd.12xlarge' | 'm6gd.16xlarge' | 'm6i.large' | 'm6i.xlarge' | 'm6i.2xlarge' | 'm6i.4xlarge' | 'm6i.8xlarge' | 'm6i.12xlarge' | 'm6i.16xlarge' | 'm6i.24xlarge' | 'm6i.32xlarge' | 'm6i.metal' | 'mac1.metal' | 'p2.xlarge' | 'p2.8xlarge' | 'p2.16xlarge' | 'p3.2xlarge' | 'p3.8xlarge' | 'p3.16xlarge' | 'p3dn.24xlarge' | 'p4d.24xlarge' | 'r3.large' | 'r3.xlarge' | 'r3.2xlarge' | 'r3.4xlarge' | 'r3.8xlarge' | 'r4.large' | 'r4.xlarge' | 'r4.2xlarge' | 'r4.4xlarge' | 'r4.8xlarge' | 'r4.16xlarge' | 'r5.large' | 'r5.xlarge' | 'r5.2xlarge' | 'r5.4xlarge' | 'r5.8xlarge' | 'r5.12xlarge' | 'r5.16xlarge' | 'r5.24xlarge' | 'r5.metal' | 'r5a.large' | 'r5a.xlarge' | 'r5a.2xlarge' | 'r5a.4xlarge' | 'r5a.8xlarge' | 'r5a.12xlarge' | 'r5a.16xlarge' | 'r5a.24xlarge' | 'r5ad.large' | 'r5ad.xlarge' | 'r5ad.2xlarge' | 'r5ad.4xlarge' | 'r5ad.8xlarge' | 'r5ad.12xlarge' | 'r5ad.16xlarge' | 'r5ad.24xlarge' | 'r5b.large' | 'r5b.xlarge' | 'r5b.2xlarge' | 'r5b.4xlarge' | 'r5b.8xlarge' | 'r5b.12xlarge' | 'r5b.16xlarge' | 'r5b.24xlarge' | 'r5b.metal' | 'r5d.large' | 'r5d.xlarge' | 'r5d.2xlarge' | 'r5d.4xlarge' | 'r5d.8xlarge' | 'r5d.12xlarge' | 'r5d.16xlarge' | 'r5d.24xlarge' | 'r5d.metal' | 'r5dn.large' | 'r5dn.xlarge' | 'r5dn.2xlarge' | 'r5dn.4xlarge' | 'r5dn.8xlarge' | 'r5dn.12xlarge' | 'r5dn.16xlarge' | 'r5dn.24xlarge' | 'r5dn.metal' | 'r5n.large' | 'r5n.xlarge' | 'r5n.2xlarge' | 'r5n.4xlarge' | 'r5n.8xlarge' | 'r5n.12xlarge' | 'r5n.16xlarge' | 'r5n.24xlarge' | 'r5n.metal' | 'r6g.medium' | 'r6g.large' | 'r6g.xlarge' | 'r6g.2xlarge' | 'r6g.4xlarge' | 'r6g.8xlarge' | 'r6g.12xlarge' | 'r6g.16xlarge' | 'r6g.metal' | 'r6gd.medium' | 'r6gd.large' | 'r6gd.xlarge' | 'r6gd.2xlarge' | 'r6gd.4xlarge' | 'r6gd.8xlarge' | 'r6gd.12xlarge' | 'r6gd.16xlarge' | 'r6gd.metal' | 'r6i.large' | 'r6i.xlarge' | 'r6i.2xlarge' | 'r6i.4xlarge' | 'r6i.8xlarge' | 'r6i.12xlarge' | 'r6i.16xlarge' | 'r6i.24xlarge' | 'r6i.32xlarge' | 'r6i.metal' | 't1.micro' | 't2.nano' | 't2.micro' | 't2.small' | 't2.medium' | 't2.large' | 't2.xlarge' | 't2.2xlarge' | 't3.nano' | 't3.micro' | 't3.small' | 't3.medium' | 't3.large' | 't3.xlarge' | 't3.2xlarge' | 't3a.nano' | 't3a.micro' | 't3a.small' | 't3a.medium' | 't3a.large' | 't3a.xlarge' | 't3a.2xlarge' | 't4g.nano' | 't4g.micro' | 't4g.small' | 't4g.medium' | 't4g.large' | 't4g.xlarge' | 't4g.2xlarge' | 'u-6tb1.56xlarge' | 'u-6tb1.112xlarge' | 'u-9tb1.112xlarge' | 'u-12tb1.112xlarge' | 'u-6tb1.metal' | 'u-9tb1.metal' | 'u-12tb1.metal' | 'u-18tb1.metal' | 'u-24tb1.metal' | 'vt1.3xlarge' | 'vt1.6xlarge' | 'vt1.24xlarge' | 'x1.16xlarge' | 'x1.32xlarge' | 'x1e.xlarge' | 'x1e.2xlarge' | 'x1e.4xlarge' | 'x1e.8xlarge' | 'x1e.16xlarge' | 'x1e.32xlarge' | 'x2iezn.2xlarge' | 'x2iezn.4xlarge' | 'x2iezn.6xlarge' | 'x2iezn.8xlarge' | 'x2iezn.12xlarge' | 'x2iezn.metal' | 'x2gd.medium' | 'x2gd.large' | 'x2gd.xlarge' | 'x2gd.2xlarge' | 'x2gd.4xlarge' | 'x2gd.8xlarge' | 'x2gd.12xlarge' | 'x2gd.16xlarge' | 'x2gd.metal' | 'z1d.large' | 'z1d.xlarge' | 'z1d.2xlarge' | 'z1d.3xlarge' | 'z1d.6xlarge' | 'z1d.12xlarge' | 'z1d.metal' | 'x2idn.16xlarge' | 'x2idn.24xlarge' | 'x2idn.32xlarge' | 'x2iedn.xlarge' | 'x2iedn.2xlarge' | 'x2iedn.4xlarge' | 'x2iedn.8xlarge' | 'x2iedn.16xlarge' | 'x2iedn.24xlarge' | 'x2iedn.32xlarge' | 'c6a.large' | 'c6a.xlarge' | 'c6a.2xlarge' | 'c6a.4xlarge' | 'c6a.8xlarge' | 'c6a.12xlarge' | 'c6a.16xlarge' | 'c6a.24xlarge' | 'c6a.32xlarge' | 'c6a.48xlarge' | 'c6a.metal' | 'm6a.metal' | 'i4i.large' | 'i4i.xlarge' | 'i4i.2xlarge' | 'i4i.4xlarge' | 'i4i.8xlarge' | 'i4i.16xlarge' | 'i4i.32xlarge' | 'i4i.metal' | 'x2idn.metal' | 'x2iedn.metal' | 'c7g.medium' | 'c7g.large' | 'c7g.xlarge' | 'c7g.2xlarge' | 'c7g.4xlarge' | 'c7g.8xlarge' | 'c7g.12xlarge' | 'c7g.16xlarge' | 'mac2.metal' | 'c6id.large' | 'c6id.xlarge' | 'c6id.2xlarge' | 'c6id.4xlarge' | 'c6id.8xlarge' | 'c6id.12xlarge' | 'c6id.16xlarge' | 'c6id.24xlarge' | 'c6id.32xlarge' | 'c6id.metal' | 'm6id.large' | 'm6id.xlarge' | 'm6id.2xlarge' | 'm6id.4xlarge' | 'm6id.8xlarge' | 'm6id.12xlarge' | 'm6id.16xlarge' | 'm6id.24xlarge' | 'm6id.32xlarge' | 'm6id.metal' | 'r6id.large' | 'r6id.xlarge' | 'r6id.2xlarge' | 'r6id.4xlarge' | 'r6id.8xlarge' | 'r6id.12xlarge' | 'r6id.16xlarge' | 'r6id.24xlarge' | 'r6id.32xlarge' | 'r6id.metal' | 'r6a.large' | 'r6a.xlarge' | 'r6a.2xlarge' | 'r6a.4xlarge' | 'r6a.8xlarge' | 'r6a.12xlarge' | 'r6a.16xlarge' | 'r6a.24xlarge' | 'r6a.32xlarge' | 'r6a.48xlarge' | 'r6a.metal' | 'p4de.24xlarge' | 'u-3tb1.56xlarge' | 'u-18tb1.112xlarge' | 'u-24tb1.112xlarge' | 'trn1.2xlarge' | 'trn1.32xlarge' | 'hpc6id.32xlarge' | 'c6in.large' | 'c6in.xlarge' | 'c6in.2xlarge' | 'c6in.4xlarge' | 'c6in.8xlarge' | 'c6in.12xlarge' | 'c6in.16xlarge' | 'c6in.24xlarge' | 'c6in.32xlarge' | 'm6in.large' | 'm6in.xlarge' | 'm6in.2xlarge' | 'm6in.4xlarge' | 'm6in.8xlarge' | 'm6in.12xlarge' | 'm6in.16xlarge' | 'm6in.24xlarge' | 'm6in.32xlarge' | 'm6idn.large' | 'm6idn.xlarge' | 'm6idn.2xlarge' | 'm6idn.4xlarge' | 'm6idn.8xlarge' | 'm6idn.12xlarge' | 'm6idn.16xlarge' | 'm6idn.24xlarge' | 'm6idn.32xlarge' | 'r6in.large' | 'r6in.xlarge' | 'r6in.2xlarge' | 'r6in.4xlarge' | 'r6in.8xlarge' | 'r6in.12xlarge' | 'r6in.16xlarge' | 'r6in.24xlarge' | 'r6in.32xlarge' | 'r6idn.large' | 'r6idn.xlarge' | 'r6idn.2xlarge' | 'r6idn.4xlarge' | 'r6idn.8xlarge' | 'r6idn.12xlarge' | 'r6idn.16xlarge' | 'r6idn.24xlarge' | 'r6idn.32xlarge' | 'c7g.metal' | 'm7g.medium' | 'm7g.large' | 'm7g.xlarge' | 'm7g.2xlarge' | 'm7g.4xlarge' | 'm7g.8xlarge' | 'm7g.12xlarge' | 'm7g.16xlarge' | 'm7g.metal' | 'r7g.medium' | 'r7g.large' | 'r7g.xlarge' | 'r7g.2xlarge' | 'r7g.4xlarge' | 'r7g.8xlarge' | 'r7g.12xlarge' | 'r7g.16xlarge' | 'r7g.metal' | 'c6in.metal' | 'm6in.metal' | 'm6idn.metal' | 'r6in.metal' | 'r6idn.metal' | 'inf2.xlarge' | 'inf2.8xlarge' | 'inf2.24xlarge' | 'inf2.48xlarge' | 'trn1n.32xlarge' | 'i4g.large' | 'i4g.xlarge' | 'i4g.2xlarge' | 'i4g.4xlarge' | 'i4g.8xlarge' | 'i4g.16xlarge' | 'hpc7g.4xlarge' | 'hpc7g.8xlarge' | 'hpc7g.16xlarge' | 'c7gn.medium' | 'c7gn.large' | 'c7gn.xlarge' | 'c7gn.2xlarge' | 'c7gn.4xlarge' | 'c7gn.8xlarge' | 'c7gn.12xlarge' | 'c7gn.16xlarge' | 'p5.48xlarge' | 'm7i.large' | 'm7i.xlarge' | 'm7i.2xlarge' | 'm7i.4xlarge' | 'm7i.8xlarge' | 'm7i.12xlarge' | 'm7i.16xlarge' | 'm7i.24xlarge' | 'm7i.48xlarge' | 'm7i-flex.large' | 'm7i-flex.xlarge' | 'm7i-flex.2xlarge' | 'm7i-flex.4xlarge' | 'm7i-flex.8xlarge' | 'm7a.medium' | 'm7a.large' | 'm7a.xlarge' | 'm7a.2xlarge' | 'm7a.4xlarge' | 'm7a.8xlarge' | 'm7a.12xlarge' | 'm7a.16xlarge' | 'm7a.24xlarge' | 'm7a.32xlarge' | 'm7a.48xlarge' | 'm7a.metal-48xl' | 'hpc7a.12xlarge' | 'hpc7a.24xlarge' | 'hpc7a.48xlarge' | 'hpc7a.96xlarge' | 'c7gd.medium' | 'c7gd.large' | 'c7gd.xlarge' | 'c7gd.2xlarge' | 'c7gd.4xlarge' | 'c7gd.8xlarge' | 'c7gd.12xlarge' | 'c7gd.16xlarge' | 'm7gd.medium' | 'm7gd.large' | 'm7gd.xlarge' | 'm7gd.2xlarge' | 'm7gd.4xlarge' | 'm7gd.8xlarge' | 'm7gd.12xlarge' | 'm7gd.16xlarge' | 'r7gd.medium' | 'r7gd.large' | 'r7gd.xlarge' | 'r7gd.2xlarge' | 'r7gd.4xlarge' | 'r7gd.8xlarge' | 'r7gd.12xlarge' | 'r7gd.16xlarge' | 'r7a.medium' | 'r7a.large' | 'r7a.xlarge' | 'r7a.2xlarge' | 'r7a.4xlarge' | 'r7a.8xlarge' | 'r7a.12xlarge' | 'r7a.16xlarge' | 'r7a.24xlarge' | 'r7a.32xlarge' | 'r7a.48xlarge' | 'c7i.large' | 'c7i.xlarge' | 'c7i.2xlarge' | 'c7i.4xlarge' | 'c7i.8xlarge' | 'c7i.12xlarge' | 'c7i.16xlarge' | 'c7i.24xlarge' | 'c7i.48xlarge' | 'mac2-m2pro.metal' | 'r7iz.large' | 'r7iz.xlarge' | 'r7iz.2xlarge' | 'r7iz.4xlarge' | 'r7iz.8xlarge' | 'r7iz.12xlarge' | 'r7iz.16xlarge' | 'r7iz.32xlarge' | 'c7a.medium' | 'c7a.large' | 'c7a.xlarge' | 'c7a.2xlarge' | 'c7a.4xlarge' | 'c7a.8xlarge' | 'c7a.12xlarge' | 'c7a.16xlarge' | 'c7a.24xlarge' | 'c7a.32xlarge' | 'c7a.48xlarge' | 'c7a.metal-48xl' | 'r7a.metal-48xl' | 'r7i.large' | 'r7i.xlarge' | 'r7i.2xlarge' | 'r7i.4xlarge' | 'r7i.8xlarge' | 'r7i.12xlarge' | 'r7i.16xlarge' | 'r7i.24xlarge' | 'r7i.48xlarge' | 'dl2q.24xlarge' | 'mac2-m2.metal' | 'i4i.12xlarge' | 'i4i.24xlarge' | 'c7i.metal-24xl' | 'c7i.metal-48xl' | 'm7i.metal-24xl' | 'm7i.metal-48xl' | 'r7i.metal-24xl' | 'r7i.metal-48xl' | 'r7iz.metal-16xl' | 'r7iz.metal-32xl' | 'c7gd.metal' | 'm7gd.metal' | 'r7gd.metal' | 'g6.xlarge' | 'g6.2xlarge' | 'g6.4xlarge' | 'g6.8xlarge' | 'g6.12xlarge' | 'g6.16xlarge' | 'g6.24xlarge' | 'g6.48xlarge' | 'gr6.4xlarge' | 'gr6.8xlarge' | 'c7i-flex.large' | 'c7i-flex.xlarge' | 'c7i-flex.2xlarge' | 'c7i-flex.4xlarge' | 'c7i-flex.8xlarge' | 'u7i-12tb.224xlarge' | 'u7in-16tb.224xlarge' | 'u7in-24tb.224xlarge' | 'u7in-32tb.224xlarge' | 'u7ib-12tb.224xlarge' | 'c7gn.metal' | 'r8g.medium' | 'r8g.large' | 'r8g.xlarge' | 'r8g.2xlarge' | 'r8g.4xlarge' | 'r8g.8xlarge' | 'r8g.12xlarge' | 'r8g.16xlarge' | 'r8g.24xlarge' | 'r8g.48xlarge' | 'r8g.metal-24xl' | 'r8g.metal-48xl' | 'mac2-m1ultra.metal' | 'g6e.xlarge' | 'g6e.2xlarge' | 'g6e.4xlarge' | 'g6e.8xlarge' | 'g6e.12xlarge' | 'g6e.16xlarge' | 'g6e.24xlarge' | 'g6e.48xlarge' | 'c8g.medium' | 'c8g.large' | 'c8g.xlarge' | 'c8g.2xlarge' | 'c8g.4xlarge' | 'c8g.8xlarge' | 'c8g.12xlarge' | 'c8g.16xlarge' | 'c8g.24xlarge' | 'c8g.48xlarge' | 'c8g.metal-24xl' | 'c8g.metal-48xl' | 'm8g.medium' | 'm8g.large' | 'm8g.xlarge' | 'm8g.2xlarge' | 'm8g.4xlarge' | 'm8g.8xlarge' | 'm8g.12xlarge' | 'm8g.16xlarge' | 'm8g.24xlarge' | 'm8g.48xlarge' | 'm8g.metal-24xl' | 'm8g.metal-48xl' | 'x8g.medium' | 'x8g.large' | 'x8g.xlarge' | 'x8g.2xlarge' | 'x8g.4xlarge' | 'x8g.8xlarge' | 'x8g.12xlarge' | 'x8g.16xlarge' | 'x8g.24xlarge' | 'x8g.48xlarge' | 'x8g.metal-24xl' | 'x8g.metal-48xl' | 'i7ie.large' | 'i7ie.xlarge' | 'i7ie.2xlarge' | 'i7ie.3xlarge' | 'i7ie.6xlarge' | 'i7ie.12xlarge' | 'i7ie.18xlarge' | 'i7ie.24xlarge' | 'i7ie.48xlarge' | 'i8g.large' | 'i8g.xlarge' | 'i8g.2xlarge' | 'i8g.4xlarge' | 'i8g.8xlarge' | 'i8g.12xlarge' | 'i8g.16xlarge' | 'i8g.24xlarge' | 'i8g.metal-24xl' | 'u7i-6tb.112xlarge' | 'u7i-8tb.112xlarge' | 'u7inh-32tb.480xlarge' | 'p5e.48xlarge' | 'p5en.48xlarge' | 'f2.12xlarge' | 'f2.48xlarge' | 'trn2.48xlarge' | 'c7i-flex.12xlarge' | 'c7i-flex.16xlarge' | 'm7i-flex.12xlarge' | 'm7i-flex.16xlarge' | 'i7ie.metal-24xl' | 'i7ie.metal-48xl' | 'i8g.48xlarge' | 'c8gd.medium' | 'c8gd.large' | 'c8gd.xlarge' | 'c8gd.2xlarge' | 'c8gd.4xlarge' | 'c8gd.8xlarge' | 'c8gd.12xlarge' | 'c8gd.16xlarge' | 'c8gd.24xlarge' | 'c8gd.48xlarge' | 'c8gd.metal-24xl' | 'c8gd.metal-48xl' | 'i7i.large' | 'i7i.xlarge' | 'i7i.2xlarge' | 'i7i.4xlarge' | 'i7i.8xlarge' | 'i7i.12xlarge' | 'i7i.16xlarge' | 'i7i.24xlarge' | 'i7i.48xlarge' | 'i7i.metal-24xl' | 'i7i.metal-48xl' | 'p6-b200.48xlarge' | 'm8gd.medium' | 'm8gd.large' | 'm8gd.xlarge' | 'm8gd.2xlarge' | 'm8gd.4xlarge' | 'm8gd.8xlarge' | 'm8gd.12xlarge' | 'm8gd.16xlarge' | 'm8gd.24xlarge' | 'm8gd.48xlarge' | 'm8gd.metal-24xl' | 'm8gd.metal-48xl' | 'r8gd.medium' | 'r8gd.large' | 'r8gd.xlarge' | 'r8gd.2xlarge' | 'r8gd.4xlarge' | 'r8gd.8xlarge' | 'r8gd.12xlarge' | 'r8gd.16xlarge' | 'r8gd.24xlarge' | 'r8gd.48xlarge' | 'r8gd.metal-24xl' | 'r8gd.metal-48xl' | 'c8gn.medium' | 'c8gn.large' | 'c8gn.xlarge' | 'c8gn.2xlarge' | 'c8gn.4xlarge' | 'c8gn.8xlarge' | 'c8gn.12xlarge' | 'c8gn.16xlarge' | 'c8gn.24xlarge' | 'c8gn.48xlarge' | 'c8gn.metal-24xl' | 'c8gn.metal-48xl' | 'f2.6xlarge' | 'p6e-gb200.36xlarge' | 'g6f.large' | 'g6f.xlarge' | 'g6f.2xlarge' | 'g6f.4xlarge' | 'gr6f.4xlarge' | 'p5.4xlarge' | 'r8i.large' | 'r8i.xlarge' | 'r8i.2xlarge' | 'r8i.4xlarge' | 'r8i.8xlarge' | 'r8i.12xlarge' | 'r8i.16xlarge' | 'r8i.24xlarge' | 'r8i.32xlarge' | 'r8i.48xlarge' | 'r8i.96xlarge' | 'r8i.metal-48xl' | 'r8i.metal-96xl' | 'r8i-flex.large' | 'r8i-flex.xlarge' | 'r8i-flex.2xlarge' | 'r8i-flex.4xlarge' | 'r8i-flex.8xlarge' | 'r8i-flex.12xlarge' | 'r8i-flex.16xlarge' | 'm8i.large' | 'm8i.xlarge' | 'm8i.2xlarge' | 'm8i.4xlarge' | 'm8i.8xlarge' | 'm8i.12xlarge' | 'm8i.16xlarge' | 'm8i.24xlarge' | 'm8i.32xlarge' | 'm8i.48xlarge' | 'm8i.96xlarge' | 'm8i.metal-48xl' | 'm8i.metal-96xl' | 'm8i-flex.large' | 'm8i-flex.xlarge' | 'm8i-flex.2xlarge' | 'm8i-flex.4xlarge' | 'm8i-flex.8xlarge' | 'm8i-flex.12xlarge' | 'm8i-flex.16xlarge' | 'i8ge.large' | 'i8ge.xlarge' | 'i8ge.2xlarge' | 'i8ge.3xlarge' | 'i8ge.6xlarge' | 'i8ge.12xlarge' | 'i8ge.18xlarge' | 'i8ge.24xlarge' | 'i8ge.48xlarge' | 'i8ge.metal-24xl' | 'i8ge.metal-48xl' | 'mac-m4.metal' | 'mac-m4pro.metal' | 'r8gn.medium' | 'r8gn.large' | 'r8gn.xlarge' | 'r8gn.2xlarge' | 'r8gn.4xlarge' | 'r8gn.8xlarge' | 'r8gn.12xlarge' | 'r8gn.16xlarge' | 'r8gn.24xlarge' | 'r8gn.48xlarge' | 'r8gn.metal-24xl' | 'r8gn.metal-48xl' | 'c8i.large' | 'c8i.xlarge' | 'c8i.2xlarge' | 'c8i.4xlarge' | 'c8i.8xlarge' | 'c8i.12xlarge' | 'c8i.16xlarge' | 'c8i.24xlarge' | 'c8i.32xlarge' | 'c8i.48xlarge' | 'c8i.96xlarge' | 'c8i.metal-48xl' | 'c8i.metal-96xl' | 'c8i-flex.large' | 'c8i-flex.xlarge' | 'c8i-flex.2xlarge' | 'c8i-flex.4xlarge' | 'c8i-flex.8xlarge' | 'c8i-flex.12xlarge' | 'c8i-flex.16xlarge' | 'r8gb.medium' | 'r8gb.large' | 'r8gb.xlarge' | 'r8gb.2xlarge' | 'r8gb.4xlarge' | 'r8gb.8xlarge' | 'r8gb.12xlarge' | 'r8gb.16xlarge' | 'r8gb.24xlarge' | 'r8gb.metal-24xl' | 'm8a.medium' | 'm8a.large' | 'm8a.xlarge' | 'm8a.2xlarge' | 'm8a.4xlarge' | 'm8a.8xlarge' | 'm8a.12xlarge' | 'm8a.16xlarge' | 'm8a.24xlarge' | 'm8a.48xlarge' | 'm8a.metal-24xl' | 'm8a.metal-48xl' | 'trn2.3xlarge' | 'r8a.medium' | 'r8a.large' | 'r8a.xlarge' | 'r8a.2xlarge' | 'r8a.4xlarge' | 'r8a.8xlarge' | 'r8a.12xlarge' | 'r8a.16xlarge' | 'r8a.24xlarge' | 'r8a.48xlarge' | 'r8a.metal-24xl' | 'r8a.metal-48xl' | 'p6-b300.48xlarge' | 'c8a.medium' | 'c8a.large' | 'c8a.xlarge' | 'c8a.2xlarge' | 'c8a.4xlarge' | 'c8a.8xlarge' | 'c8a.12xlarge' | 'c8a.16xlarge' | 'c8a.24xlarge' | 'c8a.48xlarge' | 'c8a.metal-24xl' | 'c8a.metal-48xl' | 'c8gb.12xlarge' | 'c8gb.16xlarge' | 'c8gb.24xlarge' | 'c8gb.2xlarge' | 'c8gb.4xlarge' | 'c8gb.8xlarge' | 'c8gb.large' | 'c8gb.medium' | 'c8gb.metal-24xl' | 'c8gb.xlarge' | 'c8gb.48xlarge' | 'c8gb.metal-48xl' | 'm8gb.12xlarge' | 'm8gb.16xlarge' | 'm8gb.24xlarge' | 'm8gb.2xlarge' | 'm8gb.4xlarge' | 'm8gb.8xlarge' | 'm8gb.large' | 'm8gb.medium' | 'm8gb.xlarge' | 'm8gb.48xlarge' | 'm8gb.metal-24xl' | 'm8gb.metal-48xl' | 'm8gn.12xlarge' | 'm8gn.16xlarge' | 'm8gn.24xlarge' | 'm8gn.2xlarge' | 'm8gn.48xlarge' | 'm8gn.4xlarge' | 'm8gn.8xlarge' | 'm8gn.large' | 'm8gn.medium' | 'm8gn.xlarge' | 'm8gn.metal-24xl' | 'm8gn.metal-48xl' | 'x8aedz.12xlarge' | 'x8aedz.24xlarge' | 'x8aedz.3xlarge' | 'x8aedz.6xlarge' | 'x8aedz.large' | 'x8aedz.metal-12xl' | 'x8aedz.metal-24xl' | 'x8aedz.xlarge' | 'm8azn.medium' | 'm8azn.large' | 'm8azn.xlarge' | 'm8azn.3xlarge' | 'm8azn.6xlarge' | 'm8azn.12xlarge' | 'm8azn.24xlarge' | 'm8azn.metal-12xl' | 'm8azn.metal-24xl' | 'x8i.large' | 'x8i.xlarge' | 'x8i.2xlarge' | 'x8i.4xlarge' | 'x8i.8xlarge' | 'x8i.12xlarge' | 'x8i.16xlarge' | 'x8i.24xlarge' | 'x8i.32xlarge' | 'x8i.48xlarge' | 'x8i.64xlarge' | 'x8i.96xlarge' | 'x8i.metal-48xl' | 'x8i.metal-96xl' | 'mac-m4max.metal' | 'g7e.2xlarge' | 'g7e.4xlarge' | 'g7e.8xlarge' | 'g7e.12xlarge' | 'g7e.24xlarge' | 'g7e.48xlarge' | 'r8id.large' | 'r8id.xlarge' | 'r8id.2xlarge' | 'r8id.4xlarge' | 'r8id.8xlarge' | 'r8id.12xlarge' | 'r8id.16xlarge' | 'r8id.24xlarge' | 'r8id.32xlarge' | 'r8id.48xlarge' | 'r8id.96xlarge' | 'r8id.metal-48xl' | 'r8id.metal-96xl' | 'c8id.large' | 'c8id.xlarge' | 'c8id.2xlarge' | 'c8id.4xlarge' | 'c8id.8xlarge' | 'c8id.12xlarge' | 'c8id.16xlarge' | 'c8id.24xlarge' | 'c8id.32xlarge' | 'c8id.48xlarge' | 'c8id.96xlarge' | 'c8id.metal-48xl' | 'c8id.metal-96xl' | 'm8id.large' | 'm8id.xlarge' | 'm8id.2xlarge' | 'm8id.4xlarge' | 'm8id.8xlarge' | 'm8id.12xlarge' | 'm8id.16xlarge' | 'm8id.24xlarge' | 'm8id.32xlarge' | 'm8id.48xlarge' | 'm8id.96xlarge' | 'm8id.metal-48xl' | 'm8id.metal-96xl' | 'hpc8a.96xlarge';

export type InstanceTypeHypervisor = 'nitro' | 'xen';

export interface InstanceTypeInfo {
  InstanceType?: InstanceType_;
  CurrentGeneration?: boolean;
  FreeTierEligible?: boolean;
  SupportedUsageClasses?: UsageClassType[];
  SupportedRootDeviceTypes?: RootDeviceType[];
  SupportedVirtualizationTypes?: VirtualizationType[];
  BareMetal?: boolean;
  Hypervisor?: InstanceTypeHypervisor;
  ProcessorInfo?: ProcessorInfo;
  VCpuInfo?: VCpuInfo;
  MemoryInfo?: MemoryInfo;
  InstanceStorageSupported?: boolean;
  InstanceStorageInfo?: InstanceStorageInfo;
  EbsInfo?: EbsInfo;
  NetworkInfo?: NetworkInfo;
  GpuInfo?: GpuInfo;
  FpgaInfo?: FpgaInfo;
  PlacementGroupInfo?: PlacementGroupInfo;
  InferenceAcceleratorInfo?: InferenceAcceleratorInfo;
  HibernationSupported?: boolean;
  BurstablePerformanceSupported?: boolean;
  DedicatedHostsSupported?: boolean;
  AutoRecoverySupported?: boolean;
  SupportedBootModes?: BootModeType[];
  NitroEnclavesSupport?: NitroEnclavesSupport;
  NitroTpmSupport?: NitroTpmSupport;
  NitroTpmInfo?: NitroTpmInfo;
  MediaAcceleratorInfo?: MediaAcceleratorInfo;
  NeuronInfo?: NeuronInfo;
  PhcSupport?: PhcSupport;
  RebootMigrationSupport?: RebootMigrationSupport;
  SupportedInRegion?: boolean;
}

export interface InstanceTypeInfoFromInstanceRequirements {
  InstanceType?: string;
}

export interface InstanceTypeOffering {
  InstanceType?: InstanceType_;
  LocationType?: LocationType;
  Location?: string;
}

export interface InstanceUsage {
  AccountId?: string;
  UsedInstanceCount?: number;
}

export interface IntegrateServices {
  AthenaIntegrations?: AthenaIntegration[];
}

export type InterfacePermissionType = 'INSTANCE-ATTACH' | 'EIP-ASSOCIATE';

export type InterfaceProtocolType = 'VLAN' | 'GRE';

export interface InternetGateway {
  Attachments?: InternetGatewayAttachment[];
  InternetGatewayId?: string;
  OwnerId?: string;
  Tags?: Tag[];
}

export interface InternetGatewayAttachment {
  State?: AttachmentStatus;
  VpcId?: string;
}

export type InternetGatewayBlockMode = 'off' | 'block-bidirectional' | 'block-ingress';

export type InternetGatewayExclusionMode = 'allow-bidirectional' | 'allow-egress';

export interface InterruptibleCapacityAllocation {
  InstanceCount?: number;
  TargetInstanceCount?: number;
  Status?: InterruptibleCapacityReservationAllocationStatus;
  InterruptibleCapacityReservationId?: string;
  InterruptionType?: InterruptionType;
}

export type InterruptibleCapacityReservationAllocationStatus = 'pending' | 'active' | 'updating' | 'canceling' | 'canceled' | 'failed';

export interface InterruptionInfo {
  SourceCapacityReservationId?: string;
  InterruptionType?: InterruptionType;
}

export type InterruptionType = 'adhoc';

export type IpAddressType = 'ipv4' | 'dualstack' | 'ipv6';

export interface IpPermission {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  UserIdGroupPairs?: UserIdGroupPair[];
  IpRanges?: IpRange[];
  Ipv6Ranges?: Ipv6Range[];
  PrefixListIds?: PrefixListId[];
}

export interface IpRange {
  Description?: string;
  CidrIp?: string;
}

export type IpSource = 'amazon' | 'byoip' | 'none';

export interface Ipam {
  OwnerId?: string;
  IpamId?: string;
  IpamArn?: string;
  IpamRegion?: string;
  PublicDefaultScopeId?: string;
  PrivateDefaultScopeId?: string;
  ScopeCount?: number;
  Description?: string;
  OperatingRegions?: IpamOperatingRegion[];
  State?: IpamState;
  Tags?: Tag[];
  DefaultResourceDiscoveryId?: string;
  DefaultResourceDiscoveryAssociationId?: string;
  ResourceDiscoveryAssociationCount?: number;
  StateMessage?: string;
  Tier?: IpamTier;
  EnablePrivateGua?: boolean;
  MeteredAccount?: IpamMeteredAccount;
}

export interface IpamAddressHistoryRecord {
  ResourceOwnerId?: string;
  ResourceRegion?: string;
  ResourceType?: IpamAddressHistoryResourceType;
  ResourceId?: string;
  ResourceCidr?: string;
  ResourceName?: string;
  ResourceComplianceStatus?: IpamComplianceStatus;
  ResourceOverlapStatus?: IpamOverlapStatus;
  VpcId?: string;
  SampledStartTime?: number;
  SampledEndTime?: number;
}

export type IpamAddressHistoryResourceType = 'eip' | 'vpc' | 'subnet' | 'network-interface' | 'instance';

export type IpamAssociatedResourceDiscoveryStatus = 'active' | 'not-found';

export interface IpamCidrAuthorizationContext {
  Message?: string;
  Signature?: string;
}

export type IpamComplianceStatus = 'compliant' | 'noncompliant' | 'unmanaged' | 'ignored';

export interface IpamDiscoveredAccount {
  AccountId?: string;
  DiscoveryRegion?: string;
  FailureReason?: IpamDiscoveryFailureReason;
  LastAttemptedDiscoveryTime?: number;
  LastSuccessfulDiscoveryTime?: number;
  OrganizationalUnitId?: string;
}

export interface IpamDiscoveredPublicAddress {
  IpamResourceDiscoveryId?: string;
  AddressRegion?: string;
  Address?: string;
  AddressOwnerId?: string;
  AddressAllocationId?: string;
  AssociationStatus?: IpamPublicAddressAssociationStatus;
  AddressType?: IpamPublicAddressType;
  Service?: IpamPublicAddressAwsService;
  ServiceResource?: string;
  VpcId?: string;
  SubnetId?: string;
  PublicIpv4PoolId?: string;
  NetworkInterfaceId?: string;
  NetworkInterfaceDescription?: string;
  InstanceId?: string;
  Tags?: IpamPublicAddressTags;
  NetworkBorderGroup?: string;
  SecurityGroups?: IpamPublicAddressSecurityGroup[];
  SampleTime?: number;
}

export interface IpamDiscoveredResourceCidr {
  IpamResourceDiscoveryId?: string;
  ResourceRegion?: string;
  ResourceId?: string;
  ResourceOwnerId?: string;
  ResourceCidr?: string;
  IpSource?: IpamResourceCidrIpSource;
  ResourceType?: IpamResourceType;
  ResourceTags?: IpamResourceTag[];
  IpUsage?: number;
  VpcId?: string;
  SubnetId?: string;
  NetworkInterfaceAttachmentStatus?: IpamNetworkInterfaceAttachmentStatus;
  SampleTime?: number;
  AvailabilityZoneId?: string;
}

export type IpamDiscoveryFailureCode = 'assume-role-failure' | 'throttling-failure' | 'unauthorized-failure';

export interface IpamDiscoveryFailureReason {
  Code?: IpamDiscoveryFailureCode;
  Message?: string;
}

export interface IpamExternalResourceVerificationToken {
  IpamExternalResourceVerificationTokenId?: string;
  IpamExternalResourceVerificationTokenArn?: string;
  IpamId?: string;
  IpamArn?: string;
  IpamRegion?: string;
  TokenValue?: string;
  TokenName?: string;
  NotAfter?: number;
  Status?: TokenState;
  Tags?: Tag[];
  State?: IpamExternalResourceVerificationTokenState;
}

export type IpamExternalResourceVerificationTokenState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed';

export type IpamManagementState = 'managed' | 'unmanaged' | 'ignored';

export type IpamMeteredAccount = 'ipam-owner' | 'resource-owner';

export type IpamNetworkInterfaceAttachmentStatus = 'available' | 'in-use';

export interface IpamOperatingRegion {
  RegionName?: string;
}

export interface IpamOrganizationalUnitExclusion {
  OrganizationsEntityPath?: string;
}

export type IpamOverlapStatus = 'overlapping' | 'nonoverlapping' | 'ignored';

export interface IpamPolicy {
  OwnerId?: string;
  IpamPolicyId?: string;
  IpamPolicyArn?: string;
  IpamPolicyRegion?: string;
  State?: IpamPolicyState;
  StateMessage?: string;
  Tags?: Tag[];
  IpamId?: string;
}

export interface IpamPolicyAllocationRule {
  SourceIpamPoolId?: string;
}

export interface IpamPolicyAllocationRuleRequest {
  SourceIpamPoolId?: string;
}

export interface IpamPolicyDocument {
  IpamPolicyId?: string;
  Locale?: string;
  ResourceType?: IpamPolicyResourceType;
  AllocationRules?: IpamPolicyAllocationRule[];
}

export type IpamPolicyManagedBy = 'account' | 'delegated-administrator-for-ipam';

export interface IpamPolicyOrganizationTarget {
  OrganizationTargetId?: string;
}

export type IpamPolicyResourceType = 'alb' | 'eip' | 'rds' | 'rnat';

export type IpamPolicyState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export interface IpamPool {
  OwnerId?: string;
  IpamPoolId?: string;
  SourceIpamPoolId?: string;
  IpamPoolArn?: string;
  IpamScopeArn?: string;
  IpamScopeType?: IpamScopeType;
  IpamArn?: string;
  IpamRegion?: string;
  Locale?: string;
  PoolDepth?: number;
  State?: IpamPoolState;
  StateMessage?: string;
  Description?: string;
  AutoImport?: boolean;
  PubliclyAdvertisable?: boolean;
  AddressFamily?: AddressFamily;
  AllocationMinNetmaskLength?: number;
  AllocationMaxNetmaskLength?: number;
  AllocationDefaultNetmaskLength?: number;
  AllocationResourceTags?: IpamResourceTag[];
  Tags?: Tag[];
  AwsService?: IpamPoolAwsService;
  PublicIpSource?: IpamPoolPublicIpSource;
  SourceResource?: IpamPoolSourceResource;
}

export interface IpamPoolAllocation {
  Cidr?: string;
  IpamPoolAllocationId?: string;
  Description?: string;
  ResourceId?: string;
  ResourceType?: IpamPoolAllocationResourceType;
  ResourceRegion?: string;
  ResourceOwner?: string;
  Tags?: Tag[];
}

export type IpamPoolAllocationResourceType = 'ipam-pool' | 'vpc' | 'ec2-public-ipv4-pool' | 'custom' | 'subnet' | 'eip' | 'anycast-ip-list';

export type IpamPoolAwsService = 'ec2' | 'global-services';

export interface IpamPoolCidr {
  Cidr?: string;
  State?: IpamPoolCidrState;
  FailureReason?: IpamPoolCidrFailureReason;
  IpamPoolCidrId?: string;
  NetmaskLength?: number;
}

export type IpamPoolCidrFailureCode = 'cidr-not-available' | 'limit-exceeded';

export interface IpamPoolCidrFailureReason {
  Code?: IpamPoolCidrFailureCode;
  Message?: string;
}

export type IpamPoolCidrState = 'pending-provision' | 'provisioned' | 'failed-provision' | 'pending-deprovision' | 'deprovisioned' | 'failed-deprovision' | 'pending-import' | 'failed-import';

export type IpamPoolPublicIpSource = 'amazon' | 'byoip';

export interface IpamPoolSourceResource {
  ResourceId?: string;
  ResourceType?: IpamPoolSourceResourceType;
  ResourceRegion?: string;
  ResourceOwner?: string;
}

export interface IpamPoolSourceResourceRequest {
  ResourceId?: string;
  ResourceType?: IpamPoolSourceResourceType;
  ResourceRegion?: string;
  ResourceOwner?: string;
}

export type IpamPoolSourceResourceType = 'vpc';

export type IpamPoolState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export interface IpamPrefixListResolver {
  OwnerId?: string;
  IpamPrefixListResolverId?: string;
  IpamPrefixListResolverArn?: string;
  IpamArn?: string;
  IpamRegion?: string;
  Description?: string;
  AddressFamily?: AddressFamily;
  State?: IpamPrefixListResolverState;
  Tags?: Tag[];
  LastVersionCreationStatus?: IpamPrefixListResolverVersionCreationStatus;
  LastVersionCreationStatusMessage?: string;
}

export interface IpamPrefixListResolverRule {
  RuleType?: IpamPrefixListResolverRuleType;
  StaticCidr?: string;
  IpamScopeId?: string;
  ResourceType?: IpamResourceType;
  Conditions?: IpamPrefixListResolverRuleCondition[];
}

export interface IpamPrefixListResolverRuleCondition {
  Operation?: IpamPrefixListResolverRuleConditionOperation;
  IpamPoolId?: string;
  ResourceId?: string;
  ResourceOwner?: string;
  ResourceRegion?: string;
  ResourceTag?: IpamResourceTag;
  Cidr?: string;
}

export type IpamPrefixListResolverRuleConditionOperation = 'equals' | 'not-equals' | 'subnet-of';

export interface IpamPrefixListResolverRuleConditionRequest {
  Operation: IpamPrefixListResolverRuleConditionOperation;
  IpamPoolId?: string;
  ResourceId?: string;
  ResourceOwner?: string;
  ResourceRegion?: string;
  ResourceTag?: RequestIpamResourceTag;
  Cidr?: string;
}

export interface IpamPrefixListResolverRuleRequest {
  RuleType: IpamPrefixListResolverRuleType;
  StaticCidr?: string;
  IpamScopeId?: string;
  ResourceType?: IpamResourceType;
  Conditions?: IpamPrefixListResolverRuleConditionRequest[];
}

export type IpamPrefixListResolverRuleType = 'static-cidr' | 'ipam-resource-cidr' | 'ipam-pool-cidr';

export type IpamPrefixListResolverState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export interface IpamPrefixListResolverTarget {
  IpamPrefixListResolverTargetId?: string;
  IpamPrefixListResolverTargetArn?: string;
  IpamPrefixListResolverId?: string;
  OwnerId?: string;
  PrefixListId?: string;
  PrefixListRegion?: string;
  DesiredVersion?: number;
  LastSyncedVersion?: number;
  TrackLatestVersion?: boolean;
  StateMessage?: string;
  State?: IpamPrefixListResolverTargetState;
  Tags?: Tag[];
}

export type IpamPrefixListResolverTargetState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'sync-in-progress' | 'sync-complete' | 'sync-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export interface IpamPrefixListResolverVersion {
  Version?: number;
}

export type IpamPrefixListResolverVersionCreationStatus = 'pending' | 'success' | 'failure';

export interface IpamPrefixListResolverVersionEntry {
  Cidr?: string;
}

export type IpamPublicAddressAssociationStatus = 'associated' | 'disassociated';

export type IpamPublicAddressAwsService = 'nat-gateway' | 'database-migration-service' | 'redshift' | 'elastic-container-service' | 'relational-database-service' | 'site-to-site-vpn' | 'load-balancer' | 'global-accelerator' | 'cloudfront' | 'other';

export interface IpamPublicAddressSecurityGroup {
  GroupName?: string;
  GroupId?: string;
}

export interface IpamPublicAddressTag {
  Key?: string;
  Value?: string;
}

export interface IpamPublicAddressTags {
  EipTags?: IpamPublicAddressTag[];
}

export type IpamPublicAddressType = 'service-managed-ip' | 'service-managed-byoip' | 'amazon-owned-eip' | 'amazon-owned-contig' | 'byoip' | 'ec2-public-ip' | 'anycast-ip-list-ip';

export interface IpamResourceCidr {
  IpamId?: string;
  IpamScopeId?: string;
  IpamPoolId?: string;
  ResourceRegion?: string;
  ResourceOwnerId?: string;
  ResourceId?: string;
  ResourceName?: string;
  ResourceCidr?: string;
  ResourceType?: IpamResourceType;
  ResourceTags?: IpamResourceTag[];
  IpUsage?: number;
  ComplianceStatus?: IpamComplianceStatus;
  ManagementState?: IpamManagementState;
  OverlapStatus?: IpamOverlapStatus;
  VpcId?: string;
  AvailabilityZoneId?: string;
}

export type IpamResourceCidrIpSource = 'amazon' | 'byoip' | 'none';

export interface IpamResourceDiscovery {
  OwnerId?: string;
  IpamResourceDiscoveryId?: string;
  IpamResourceDiscoveryArn?: string;
  IpamResourceDiscoveryRegion?: string;
  Description?: string;
  OperatingRegions?: IpamOperatingRegion[];
  IsDefault?: boolean;
  State?: IpamResourceDiscoveryState;
  Tags?: Tag[];
  OrganizationalUnitExclusions?: IpamOrganizationalUnitExclusion[];
}

export interface IpamResourceDiscoveryAssociation {
  OwnerId?: string;
  IpamResourceDiscoveryAssociationId?: string;
  IpamResourceDiscoveryAssociationArn?: string;
  IpamResourceDiscoveryId?: string;
  IpamId?: string;
  IpamArn?: string;
  IpamRegion?: string;
  IsDefault?: boolean;
  ResourceDiscoveryStatus?: IpamAssociatedResourceDiscoveryStatus;
  State?: IpamResourceDiscoveryAssociationState;
  Tags?: Tag[];
}

export type IpamResourceDiscoveryAssociationState = 'associate-in-progress' | 'associate-complete' | 'associate-failed' | 'disassociate-in-progress' | 'disassociate-complete' | 'disassociate-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export type IpamResourceDiscoveryState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export interface IpamResourceTag {
  Key?: string;
  Value?: string;
}

export type IpamResourceType = 'vpc' | 'subnet' | 'eip' | 'public-ipv4-pool' | 'ipv6-pool' | 'eni' | 'anycast-ip-list';

export interface IpamScope {
  OwnerId?: string;
  IpamScopeId?: string;
  IpamScopeArn?: string;
  IpamArn?: string;
  IpamRegion?: string;
  IpamScopeType?: IpamScopeType;
  IsDefault?: boolean;
  Description?: string;
  PoolCount?: number;
  State?: IpamScopeState;
  Tags?: Tag[];
  ExternalAuthorityConfiguration?: IpamScopeExternalAuthorityConfiguration;
}

export interface IpamScopeExternalAuthorityConfiguration {
  Type?: IpamScopeExternalAuthorityType;
  ExternalResourceIdentifier?: string;
}

export type IpamScopeExternalAuthorityType = 'infoblox';

export type IpamScopeState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export type IpamScopeType = 'public' | 'private';

export type IpamState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed' | 'isolate-in-progress' | 'isolate-complete' | 'restore-in-progress';

export type IpamTier = 'free' | 'advanced';

export interface Ipv4PrefixSpecification {
  Ipv4Prefix?: string;
}

export interface Ipv4PrefixSpecificationRequest {
  Ipv4Prefix?: string;
}

export interface Ipv4PrefixSpecificationResponse {
  Ipv4Prefix?: string;
}

export type Ipv6AddressAttribute = 'public' | 'private';

export interface Ipv6CidrAssociation {
  Ipv6Cidr?: string;
  AssociatedResource?: string;
}

export interface Ipv6CidrBlock {
  Ipv6CidrBlock?: string;
}

export interface Ipv6Pool {
  PoolId?: string;
  Description?: string;
  PoolCidrBlocks?: PoolCidrBlock[];
  Tags?: Tag[];
}

export interface Ipv6PrefixSpecification {
  Ipv6Prefix?: string;
}

export interface Ipv6PrefixSpecificationRequest {
  Ipv6Prefix?: string;
}

export interface Ipv6PrefixSpecificationResponse {
  Ipv6Prefix?: string;
}

export interface Ipv6Range {
  Description?: string;
  CidrIpv6?: string;
}

export type Ipv6SupportValue = 'enable' | 'disable';

export type KeyFormat = 'pem' | 'ppk';

export interface KeyPair {
  KeyPairId?: string;
  Tags?: Tag[];
  KeyName?: string;
  KeyFingerprint?: string;
  KeyMaterial?: string;
}

export interface KeyPairInfo {
  KeyPairId?: string;
  KeyType?: KeyType;
  Tags?: Tag[];
  PublicKey?: string;
  CreateTime?: number;
  KeyName?: string;
  KeyFingerprint?: string;
}

export type KeyType = 'rsa' | 'ed25519';

export interface LastError {
  Message?: string;
  Code?: string;
}

export interface LaunchPermission {
  OrganizationArn?: string;
  OrganizationalUnitArn?: string;
  UserId?: string;
  Group?: PermissionGroup;
}

export interface LaunchPermissionModifications {
  Add?: LaunchPermission[];
  Remove?: LaunchPermission[];
}

export interface LaunchSpecification {
  UserData?: string;
  AddressingType?: string;
  BlockDeviceMappings?: BlockDeviceMapping[];
  EbsOptimized?: boolean;
  IamInstanceProfile?: IamInstanceProfileSpecification;
  ImageId?: string;
  InstanceType?: InstanceType_;
  KernelId?: string;
  KeyName?: string;
  NetworkInterfaces?: InstanceNetworkInterfaceSpecification[];
  Placement?: SpotPlacement;
  RamdiskId?: string;
  SubnetId?: string;
  SecurityGroups?: GroupIdentifier[];
  Monitoring?: RunInstancesMonitoringEnabled;
}

export interface LaunchTemplate {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  CreateTime?: number;
  CreatedBy?: string;
  DefaultVersionNumber?: number;
  LatestVersionNumber?: number;
  Tags?: Tag[];
  Operator?: OperatorResponse;
}

export interface LaunchTemplateAndOverridesResponse {
  LaunchTemplateSpecification?: FleetLaunchTemplateSpecification;
  Overrides?: FleetLaunchTemplateOverrides;
}

export type LaunchTemplateAutoRecoveryState = 'default' | 'disabled';

export interface LaunchTemplateBlockDeviceMapping {
  DeviceName?: string;
  VirtualName?: string;
  Ebs?: LaunchTemplateEbsBlockDevice;
  NoDevice?: string;
}

export interface LaunchTemplateBlockDeviceMappingRequest {
  DeviceName?: string;
  VirtualName?: string;
  Ebs?: LaunchTemplateEbsBlockDeviceRequest;
  NoDevice?: string;
}

export interface LaunchTemplateCapacityReservationSpecificationRequest {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTarget;
}

export interface LaunchTemplateCapacityReservationSpecificationResponse {
  CapacityReservationPreference?: CapacityReservationPreference;
  CapacityReservationTarget?: CapacityReservationTargetResponse;
}

export interface LaunchTemplateConfig {
  LaunchTemplateSpecification?: FleetLaunchTemplateSpecification;
  Overrides?: LaunchTemplateOverrides[];
}

export interface LaunchTemplateCpuOptions {
  CoreCount?: number;
  ThreadsPerCore?: number;
  AmdSevSnp?: AmdSevSnpSpecification;
  NestedVirtualization?: NestedVirtualizationSpecification;
}

export interface LaunchTemplateCpuOptionsRequest {
  CoreCount?: number;
  ThreadsPerCore?: number;
  AmdSevSnp?: AmdSevSnpSpecification;
  NestedVirtualization?: NestedVirtualizationSpecification;
}

export interface LaunchTemplateEbsBlockDevice {
  Encrypted?: boolean;
  DeleteOnTermination?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  VolumeSize?: number;
  VolumeType?: VolumeType;
  Throughput?: number;
  VolumeInitializationRate?: number;
  EbsCardIndex?: number;
}

export interface LaunchTemplateEbsBlockDeviceRequest {
  Encrypted?: boolean;
  DeleteOnTermination?: boolean;
  Iops?: number;
  KmsKeyId?: string;
  SnapshotId?: string;
  VolumeSize?: number;
  VolumeType?: VolumeType;
  Throughput?: number;
  VolumeInitializationRate?: number;
  EbsCardIndex?: number;
}

export interface LaunchTemplateElasticInferenceAccelerator {
  Type: string;
  Count?: number;
}

export interface LaunchTemplateElasticInferenceAcceleratorResponse {
  Type?: string;
  Count?: number;
}

export interface LaunchTemplateEnaSrdSpecification {
  EnaSrdEnabled?: boolean;
  EnaSrdUdpSpecification?: LaunchTemplateEnaSrdUdpSpecification;
}

export interface LaunchTemplateEnaSrdUdpSpecification {
  EnaSrdUdpEnabled?: boolean;
}

export interface LaunchTemplateEnclaveOptions {
  Enabled?: boolean;
}

export interface LaunchTemplateEnclaveOptionsRequest {
  Enabled?: boolean;
}

export type LaunchTemplateErrorCode = 'launchTemplateIdDoesNotExist' | 'launchTemplateIdMalformed' | 'launchTemplateNameDoesNotExist' | 'launchTemplateNameMalformed' | 'launchTemplateVersionDoesNotExist' | 'unexpectedError';

export interface LaunchTemplateHibernationOptions {
  Configured?: boolean;
}

export interface LaunchTemplateHibernationOptionsRequest {
  Configured?: boolean;
}

export type LaunchTemplateHttpTokensState = 'optional' | 'required';

export interface LaunchTemplateIamInstanceProfileSpecification {
  Arn?: string;
  Name?: string;
}

export interface LaunchTemplateIamInstanceProfileSpecificationRequest {
  Arn?: string;
  Name?: string;
}

export interface LaunchTemplateInstanceMaintenanceOptions {
  AutoRecovery?: LaunchTemplateAutoRecoveryState;
}

export interface LaunchTemplateInstanceMaintenanceOptionsRequest {
  AutoRecovery?: LaunchTemplateAutoRecoveryState;
}

export interface LaunchTemplateInstanceMarketOptions {
  MarketType?: MarketType;
  SpotOptions?: LaunchTemplateSpotMarketOptions;
}

export interface LaunchTemplateInstanceMarketOptionsRequest {
  MarketType?: MarketType;
  SpotOptions?: LaunchTemplateSpotMarketOptionsRequest;
}

export type LaunchTemplateInstanceMetadataEndpointState = 'disabled' | 'enabled';

export interface LaunchTemplateInstanceMetadataOptions {
  State?: LaunchTemplateInstanceMetadataOptionsState;
  HttpTokens?: LaunchTemplateHttpTokensState;
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: LaunchTemplateInstanceMetadataEndpointState;
  HttpProtocolIpv6?: LaunchTemplateInstanceMetadataProtocolIpv6;
  InstanceMetadataTags?: LaunchTemplateInstanceMetadataTagsState;
}

export interface LaunchTemplateInstanceMetadataOptionsRequest {
  HttpTokens?: LaunchTemplateHttpTokensState;
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: LaunchTemplateInstanceMetadataEndpointState;
  HttpProtocolIpv6?: LaunchTemplateInstanceMetadataProtocolIpv6;
  InstanceMetadataTags?: LaunchTemplateInstanceMetadataTagsState;
}

export type LaunchTemplateInstanceMetadataOptionsState = 'pending' | 'applied';

export type LaunchTemplateInstanceMetadataProtocolIpv6 = 'disabled' | 'enabled';

export type LaunchTemplateInstanceMetadataTagsState = 'disabled' | 'enabled';

export interface LaunchTemplateInstanceNetworkInterfaceSpecification {
  AssociateCarrierIpAddress?: boolean;
  AssociatePublicIpAddress?: boolean;
  DeleteOnTermination?: boolean;
  Description?: string;
  DeviceIndex?: number;
  Groups?: string[];
  InterfaceType?: string;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6Address[];
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: PrivateIpAddressSpecification[];
  SecondaryPrivateIpAddressCount?: number;
  SubnetId?: string;
  NetworkCardIndex?: number;
  Ipv4Prefixes?: Ipv4PrefixSpecificationResponse[];
  Ipv4PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixSpecificationResponse[];
  Ipv6PrefixCount?: number;
  PrimaryIpv6?: boolean;
  EnaSrdSpecification?: LaunchTemplateEnaSrdSpecification;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecification;
  EnaQueueCount?: number;
}

export interface LaunchTemplateInstanceNetworkInterfaceSpecificationRequest {
  AssociateCarrierIpAddress?: boolean;
  AssociatePublicIpAddress?: boolean;
  DeleteOnTermination?: boolean;
  Description?: string;
  DeviceIndex?: number;
  Groups?: string[];
  InterfaceType?: string;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6AddressRequest[];
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: PrivateIpAddressSpecification[];
  SecondaryPrivateIpAddressCount?: number;
  SubnetId?: string;
  NetworkCardIndex?: number;
  Ipv4Prefixes?: Ipv4PrefixSpecificationRequest[];
  Ipv4PrefixCount?: number;
  Ipv6Prefixes?: Ipv6PrefixSpecificationRequest[];
  Ipv6PrefixCount?: number;
  PrimaryIpv6?: boolean;
  EnaSrdSpecification?: EnaSrdSpecificationRequest;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  EnaQueueCount?: number;
}

export interface LaunchTemplateInstanceSecondaryInterfaceSpecification {
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  PrivateIpAddresses?: SecondaryInterfacePrivateIpAddressSpecification[];
  PrivateIpAddressCount?: number;
  SecondarySubnetId?: string;
  InterfaceType?: SecondaryInterfaceType;
  NetworkCardIndex?: number;
}

export interface LaunchTemplateInstanceSecondaryInterfaceSpecificationRequest {
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  PrivateIpAddresses?: SecondaryInterfacePrivateIpAddressSpecificationRequest[];
  PrivateIpAddressCount?: number;
  SecondarySubnetId?: string;
  InterfaceType?: SecondaryInterfaceType;
  NetworkCardIndex?: number;
}

export interface LaunchTemplateLicenseConfiguration {
  LicenseConfigurationArn?: string;
}

export interface LaunchTemplateLicenseConfigurationRequest {
  LicenseConfigurationArn?: string;
}

export interface LaunchTemplateNetworkPerformanceOptions {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}

export interface LaunchTemplateNetworkPerformanceOptionsRequest {
  BandwidthWeighting?: InstanceBandwidthWeighting;
}

export interface LaunchTemplateOverrides {
  InstanceType?: InstanceType_;
  SpotPrice?: string;
  SubnetId?: string;
  AvailabilityZone?: string;
  WeightedCapacity?: number;
  Priority?: number;
  InstanceRequirements?: InstanceRequirements;
  AvailabilityZoneId?: string;
}

export interface LaunchTemplatePlacement {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Affinity?: string;
  GroupName?: string;
  HostId?: string;
  Tenancy?: Tenancy;
  SpreadDomain?: string;
  HostResourceGroupArn?: string;
  PartitionNumber?: number;
  GroupId?: string;
}

export interface LaunchTemplatePlacementRequest {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Affinity?: string;
  GroupName?: string;
  HostId?: string;
  Tenancy?: Tenancy;
  SpreadDomain?: string;
  HostResourceGroupArn?: string;
  PartitionNumber?: number;
  GroupId?: string;
}

export interface LaunchTemplatePrivateDnsNameOptions {
  HostnameType?: HostnameType;
  EnableResourceNameDnsARecord?: boolean;
  EnableResourceNameDnsAAAARecord?: boolean;
}

export interface LaunchTemplatePrivateDnsNameOptionsRequest {
  HostnameType?: HostnameType;
  EnableResourceNameDnsARecord?: boolean;
  EnableResourceNameDnsAAAARecord?: boolean;
}

export interface LaunchTemplateSpecification {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}

export interface LaunchTemplateSpotMarketOptions {
  MaxPrice?: string;
  SpotInstanceType?: SpotInstanceType;
  BlockDurationMinutes?: number;
  ValidUntil?: number;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
}

export interface LaunchTemplateSpotMarketOptionsRequest {
  MaxPrice?: string;
  SpotInstanceType?: SpotInstanceType;
  BlockDurationMinutes?: number;
  ValidUntil?: number;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
}

export interface LaunchTemplateTagSpecification {
  ResourceType?: ResourceType;
  Tags?: Tag[];
}

export interface LaunchTemplateTagSpecificationRequest {
  ResourceType?: ResourceType;
  Tags?: Tag[];
}

export interface LaunchTemplateVersion {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  VersionNumber?: number;
  VersionDescription?: string;
  CreateTime?: number;
  CreatedBy?: string;
  DefaultVersion?: boolean;
  LaunchTemplateData?: ResponseLaunchTemplateData;
  Operator?: OperatorResponse;
}

export interface LaunchTemplatesMonitoring {
  Enabled?: boolean;
}

export interface LaunchTemplatesMonitoringRequest {
  Enabled?: boolean;
}

export interface LicenseConfiguration {
  LicenseConfigurationArn?: string;
}

export interface LicenseConfigurationRequest {
  LicenseConfigurationArn?: string;
}

export interface ListImagesInRecycleBinRequest {
  ImageIds?: string[];
  NextToken?: string;
  MaxResults?: number;
  DryRun?: boolean;
}

export interface ListImagesInRecycleBinResult {
  Images?: ImageRecycleBinInfo[];
  NextToken?: string;
}

export interface ListSnapshotsInRecycleBinRequest {
  MaxResults?: number;
  NextToken?: string;
  SnapshotIds?: string[];
  DryRun?: boolean;
}

export interface ListSnapshotsInRecycleBinResult {
  Snapshots?: SnapshotRecycleBinInfo[];
  NextToken?: string;
}

export interface ListVolumesInRecycleBinRequest {
  VolumeIds?: string[];
  DryRun?: boolean;
  MaxResults?: number;
  NextToken?: string;
}

export interface ListVolumesInRecycleBinResult {
  Volumes?: VolumeRecycleBinInfo[];
  NextToken?: string;
}

export type ListingState = 'available' | 'sold' | 'cancelled' | 'pending';

export type ListingStatus = 'active' | 'pending' | 'cancelled' | 'closed';

export interface LoadBalancersConfig {
  ClassicLoadBalancersConfig?: ClassicLoadBalancersConfig;
  TargetGroupsConfig?: TargetGroupsConfig;
}

export interface LoadPermission {
  UserId?: string;
  Group?: PermissionGroup;
}

export interface LoadPermissionModifications {
  Add?: LoadPermissionRequest[];
  Remove?: LoadPermissionRequest[];
}

export interface LoadPermissionRequest {
  Group?: PermissionGroup;
  UserId?: string;
}

export interface LocalGateway {
  LocalGatewayId?: string;
  OutpostArn?: string;
  OwnerId?: string;
  State?: string;
  Tags?: Tag[];
}

export interface LocalGatewayRoute {
  DestinationCidrBlock?: string;
  LocalGatewayVirtualInterfaceGroupId?: string;
  Type?: LocalGatewayRouteType;
  State?: LocalGatewayRouteState;
  LocalGatewayRouteTableId?: string;
  LocalGatewayRouteTableArn?: string;
  OwnerId?: string;
  SubnetId?: string;
  CoipPoolId?: string;
  NetworkInterfaceId?: string;
  DestinationPrefixListId?: string;
}

export type LocalGatewayRouteState = 'pending' | 'active' | 'blackhole' | 'deleting' | 'deleted';

export interface LocalGatewayRouteTable {
  LocalGatewayRouteTableId?: string;
  LocalGatewayRouteTableArn?: string;
  LocalGatewayId?: string;
  OutpostArn?: string;
  OwnerId?: string;
  State?: string;
  Tags?: Tag[];
  Mode?: LocalGatewayRouteTableMode;
  StateReason?: StateReason;
}

export type LocalGatewayRouteTableMode = 'direct-vpc-routing' | 'coip';

export interface LocalGatewayRouteTableVirtualInterfaceGroupAssociation {
  LocalGatewayRouteTableVirtualInterfaceGroupAssociationId?: string;
  LocalGatewayVirtualInterfaceGroupId?: string;
  LocalGatewayId?: string;
  LocalGatewayRouteTableId?: string;
  LocalGatewayRouteTableArn?: string;
  OwnerId?: string;
  State?: string;
  Tags?: Tag[];
}

export interface LocalGatewayRouteTableVpcAssociation {
  LocalGatewayRouteTableVpcAssociationId?: string;
  LocalGatewayRouteTableId?: string;
  LocalGatewayRouteTableArn?: string;
  LocalGatewayId?: string;
  VpcId?: string;
  OwnerId?: string;
  State?: string;
  Tags?: Tag[];
}

export type LocalGatewayRouteType = 'static' | 'propagated';

export interface LocalGatewayVirtualInterface {
  LocalGatewayVirtualInterfaceId?: string;
  LocalGatewayId?: string;
  LocalGatewayVirtualInterfaceGroupId?: string;
  LocalGatewayVirtualInterfaceArn?: string;
  OutpostLagId?: string;
  Vlan?: number;
  LocalAddress?: string;
  PeerAddress?: string;
  LocalBgpAsn?: number;
  PeerBgpAsn?: number;
  PeerBgpAsnExtended?: number;
  OwnerId?: string;
  Tags?: Tag[];
  ConfigurationState?: LocalGatewayVirtualInterfaceConfigurationState;
}

export type LocalGatewayVirtualInterfaceConfigurationState = 'pending' | 'available' | 'deleting' | 'deleted';

export interface LocalGatewayVirtualInterfaceGroup {
  LocalGatewayVirtualInterfaceGroupId?: string;
  LocalGatewayVirtualInterfaceIds?: string[];
  LocalGatewayId?: string;
  OwnerId?: string;
  LocalBgpAsn?: number;
  LocalBgpAsnExtended?: number;
  LocalGatewayVirtualInterfaceGroupArn?: string;
  Tags?: Tag[];
  ConfigurationState?: LocalGatewayVirtualInterfaceGroupConfigurationState;
}

export type LocalGatewayVirtualInterfaceGroupConfigurationState = 'pending' | 'incomplete' | 'available' | 'deleting' | 'deleted';

export type LocalStorage = 'included' | 'required' | 'excluded';

export type LocalStorageType = 'hdd' | 'ssd';

export type LocationType = 'region' | 'availability-zone' | 'availability-zone-id' | 'outpost';

export type LockMode = 'compliance' | 'governance';

export interface LockSnapshotRequest {
  SnapshotId: string;
  DryRun?: boolean;
  LockMode: LockMode;
  CoolOffPeriod?: number;
  LockDuration?: number;
  ExpirationDate?: number;
}

export interface LockSnapshotResult {
  SnapshotId?: string;
  LockState?: LockState;
  LockDuration?: number;
  CoolOffPeriod?: number;
  CoolOffPeriodExpiresOn?: number;
  LockCreatedOn?: number;
  LockExpiresOn?: number;
  LockDurationStartTime?: number;
}

export type LockState = 'compliance' | 'governance' | 'compliance-cooloff' | 'expired';

export interface LockedSnapshotsInfo {
  OwnerId?: string;
  SnapshotId?: string;
  LockState?: LockState;
  LockDuration?: number;
  CoolOffPeriod?: number;
  CoolOffPeriodExpiresOn?: number;
  LockCreatedOn?: number;
  LockDurationStartTime?: number;
  LockExpiresOn?: number;
}

export type LogDestinationType = 'cloud-watch-logs' | 's3' | 'kinesis-data-firehose';

export interface MacHost {
  HostId?: string;
  MacOSLatestSupportedVersions?: string[];
}

export interface MacModificationTask {
  InstanceId?: string;
  MacModificationTaskId?: string;
  MacSystemIntegrityProtectionConfig?: MacSystemIntegrityProtectionConfiguration;
  StartTime?: number;
  Tags?: Tag[];
  TaskState?: MacModificationTaskState;
  TaskType?: MacModificationTaskType;
}

export type MacModificationTaskState = 'successful' | 'failed' | 'in-progress' | 'pending';

export type MacModificationTaskType = 'sip-modification' | 'volume-ownership-delegation';

export interface MacSystemIntegrityProtectionConfiguration {
  AppleInternal?: MacSystemIntegrityProtectionSettingStatus;
  BaseSystem?: MacSystemIntegrityProtectionSettingStatus;
  DebuggingRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  DTraceRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  FilesystemProtections?: MacSystemIntegrityProtectionSettingStatus;
  KextSigning?: MacSystemIntegrityProtectionSettingStatus;
  NvramProtections?: MacSystemIntegrityProtectionSettingStatus;
  Status?: MacSystemIntegrityProtectionSettingStatus;
}

export interface MacSystemIntegrityProtectionConfigurationRequest {
  AppleInternal?: MacSystemIntegrityProtectionSettingStatus;
  BaseSystem?: MacSystemIntegrityProtectionSettingStatus;
  DebuggingRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  DTraceRestrictions?: MacSystemIntegrityProtectionSettingStatus;
  FilesystemProtections?: MacSystemIntegrityProtectionSettingStatus;
  KextSigning?: MacSystemIntegrityProtectionSettingStatus;
  NvramProtections?: MacSystemIntegrityProtectionSettingStatus;
}

export type MacSystemIntegrityProtectionSettingStatus = 'enabled' | 'disabled';

export interface MaintenanceDetails {
  PendingMaintenance?: string;
  MaintenanceAutoAppliedAfter?: number;
  LastMaintenanceApplied?: number;
}

export type ManagedBy = 'account' | 'declarative-policy';

export interface ManagedPrefixList {
  PrefixListId?: string;
  AddressFamily?: string;
  State?: PrefixListState;
  StateMessage?: string;
  PrefixListArn?: string;
  PrefixListName?: string;
  MaxEntries?: number;
  Version?: number;
  Tags?: Tag[];
  OwnerId?: string;
  IpamPrefixListResolverTargetId?: string;
  IpamPrefixListResolverSyncEnabled?: boolean;
}

export type ManagedResourceDefaultVisibility = 'hidden' | 'visible';

export interface ManagedResourceVisibilitySettings {
  DefaultVisibility?: ManagedResourceDefaultVisibility;
}

export type MarketType = 'spot' | 'capacity-block' | 'interruptible-capacity-reservation';

export interface MediaAcceleratorInfo {
  Accelerators?: MediaDeviceInfo[];
  TotalMediaMemoryInMiB?: number;
}

export interface MediaDeviceInfo {
  Count?: number;
  Name?: string;
  Manufacturer?: string;
  MemoryInfo?: MediaDeviceMemoryInfo;
}

export interface MediaDeviceMemoryInfo {
  SizeInMiB?: number;
}

export type MembershipType = 'static' | 'igmp';

export interface MemoryGiBPerVCpu {
  Min?: number;
  Max?: number;
}

export interface MemoryGiBPerVCpuRequest {
  Min?: number;
  Max?: number;
}

export interface MemoryInfo {
  SizeInMiB?: number;
}

export interface MemoryMiB {
  Min?: number;
  Max?: number;
}

export interface MemoryMiBRequest {
  Min: number;
  Max?: number;
}

export type MetadataDefaultHttpTokensState = 'optional' | 'required' | 'no-preference';

export type Metric = 'reservation-total-capacity-hrs-vcpu' | 'reservation-total-capacity-hrs-inst' | 'reservation-max-size-vcpu' | 'reservation-max-size-inst' | 'reservation-min-size-vcpu' | 'reservation-min-size-inst' | 'reservation-unused-total-capacity-hrs-vcpu' | 'reservation-unused-total-capacity-hrs-inst' | 'reservation-unused-total-estimated-cost' | 'reservation-max-unused-size-vcpu' | 'reservation-max-unused-size-inst' | 'reservation-min-unused-size-vcpu' | 'reservation-min-unused-size-inst' | 'reservation-max-utilization' | 'reservation-min-utilization' | 'reservation-avg-utilization-vcpu' | 'reservation-avg-utilization-inst' | 'reservation-total-count' | 'reservation-total-estimated-cost' | 'reservation-avg-future-size-vcpu' | 'reservation-avg-future-size-inst' | 'reservation-min-future-size-vcpu' | 'reservation-min-future-size-inst' | 'reservation-max-future-size-vcpu' | 'reservation-max-future-size-inst' | 'reservation-avg-committed-size-vcpu' | 'reservation-avg-committed-size-inst' | 'reservation-max-committed-size-vcpu' | 'reservation-max-committed-size-inst' | 'reservation-min-committed-size-vcpu' | 'reservation-min-committed-size-inst' | 'reserved-total-usage-hrs-vcpu' | 'reserved-total-usage-hrs-inst' | 'reserved-total-estimated-cost' | 'unreserved-total-usage-hrs-vcpu' | 'unreserved-total-usage-hrs-inst' | 'unreserved-total-estimated-cost' | 'spot-total-usage-hrs-vcpu' | 'spot-total-usage-hrs-inst' | 'spot-total-estimated-cost' | 'spot-avg-run-time-before-interruption-inst' | 'spot-max-run-time-before-interruption-inst' | 'spot-min-run-time-before-interruption-inst' | 'spot-total-interruptions-inst' | 'spot-total-interruptions-vcpu' | 'spot-total-count-inst' | 'spot-total-count-vcpu' | 'spot-interruption-rate-inst' | 'spot-interruption-rate-vcpu';

export interface MetricDataResult {
  Dimension?: CapacityManagerDimension;
  Timestamp?: number;
  MetricValues?: MetricValue[];
}

export interface MetricPoint {
  StartDate?: number;
  EndDate?: number;
  Value?: number;
  Status?: string;
}

export type MetricType = 'aggregate-latency';

export interface MetricValue {
  Metric?: Metric;
  Value?: number;
}

export interface ModifyAddressAttributeRequest {
  AllocationId: string;
  DomainName?: string;
  DryRun?: boolean;
}

export interface ModifyAddressAttributeResult {
  Address?: AddressAttribute;
}

export interface ModifyAvailabilityZoneGroupRequest {
  GroupName: string;
  OptInStatus: ModifyAvailabilityZoneOptInStatus;
  DryRun?: boolean;
}

export interface ModifyAvailabilityZoneGroupResult {
  Return?: boolean;
}

export type ModifyAvailabilityZoneOptInStatus = 'opted-in' | 'not-opted-in';

export interface ModifyCapacityReservationFleetRequest {
  CapacityReservationFleetId: string;
  TotalTargetCapacity?: number;
  EndDate?: number;
  DryRun?: boolean;
  RemoveEndDate?: boolean;
}

export interface ModifyCapacityReservationFleetResult {
  Return?: boolean;
}

export interface ModifyCapacityReservationRequest {
  CapacityReservationId: string;
  InstanceCount?: number;
  EndDate?: number;
  EndDateType?: EndDateType;
  Accept?: boolean;
  DryRun?: boolean;
  AdditionalInfo?: string;
  InstanceMatchCriteria?: InstanceMatchCriteria;
}

export interface ModifyCapacityReservationResult {
  Return?: boolean;
}

export interface ModifyClientVpnEndpointRequest {
  ClientVpnEndpointId: string;
  ServerCertificateArn?: string;
  ConnectionLogOptions?: ConnectionLogOptions;
  DnsServers?: DnsServersOptionsModifyStructure;
  VpnPort?: number;
  Description?: string;
  SplitTunnel?: boolean;
  DryRun?: boolean;
  SecurityGroupIds?: string[];
  VpcId?: string;
  SelfServicePortal?: SelfServicePortal;
  ClientConnectOptions?: ClientConnectOptions;
  SessionTimeoutHours?: number;
  ClientLoginBannerOptions?: ClientLoginBannerOptions;
  ClientRouteEnforcementOptions?: ClientRouteEnforcementOptions;
  DisconnectOnSessionTimeout?: boolean;
  TransitGatewayConfiguration?: TransitGatewayConfigurationInputStructure;
}

export interface ModifyClientVpnEndpointResult {
  Return?: boolean;
}

export interface ModifyDefaultCreditSpecificationRequest {
  DryRun?: boolean;
  InstanceFamily: UnlimitedSupportedInstanceFamily;
  CpuCredits: string;
}

export interface ModifyDefaultCreditSpecificationResult {
  InstanceFamilyCreditSpecification?: InstanceFamilyCreditSpecification;
}

export interface ModifyEbsDefaultKmsKeyIdRequest {
  KmsKeyId: string;
  DryRun?: boolean;
}

export interface ModifyEbsDefaultKmsKeyIdResult {
  KmsKeyId?: string;
}

export interface ModifyFleetRequest {
  DryRun?: boolean;
  ExcessCapacityTerminationPolicy?: FleetExcessCapacityTerminationPolicy;
  LaunchTemplateConfigs?: FleetLaunchTemplateConfigRequest[];
  FleetId: string;
  TargetCapacitySpecification?: TargetCapacitySpecificationRequest;
  Context?: string;
}

export interface ModifyFleetResult {
  Return?: boolean;
}

export interface ModifyFpgaImageAttributeRequest {
  DryRun?: boolean;
  FpgaImageId: string;
  Attribute?: FpgaImageAttributeName;
  OperationType?: OperationType;
  UserIds?: string[];
  UserGroups?: string[];
  ProductCodes?: string[];
  LoadPermission?: LoadPermissionModifications;
  Description?: string;
  Name?: string;
}

export interface ModifyFpgaImageAttributeResult {
  FpgaImageAttribute?: FpgaImageAttribute;
}

export interface ModifyHostsRequest {
  HostRecovery?: HostRecovery;
  InstanceType?: string;
  InstanceFamily?: string;
  HostMaintenance?: HostMaintenance;
  HostIds: string[];
  AutoPlacement?: AutoPlacement;
}

export interface ModifyHostsResult {
  Successful?: string[];
  Unsuccessful?: UnsuccessfulItem[];
}

export interface ModifyIdFormatRequest {
  Resource: string;
  UseLongIds: boolean;
}

export interface ModifyIdentityIdFormatRequest {
  Resource: string;
  UseLongIds: boolean;
  PrincipalArn: string;
}

export interface ModifyImageAttributeRequest {
  Attribute?: string;
  Description?: AttributeValue;
  ImageId: string;
  LaunchPermission?: LaunchPermissionModifications;
  OperationType?: OperationType;
  ProductCodes?: string[];
  UserGroups?: string[];
  UserIds?: string[];
  Value?: string;
  OrganizationArns?: string[];
  OrganizationalUnitArns?: string[];
  ImdsSupport?: AttributeValue;
  DryRun?: boolean;
}

export interface ModifyInstanceAttributeRequest {
  SourceDestCheck?: AttributeBooleanValue;
  DisableApiStop?: AttributeBooleanValue;
  DryRun?: boolean;
  InstanceId: string;
  Attribute?: InstanceAttributeName;
  Value?: string;
  BlockDeviceMappings?: InstanceBlockDeviceMappingSpecification[];
  DisableApiTermination?: AttributeBooleanValue;
  InstanceType?: AttributeValue;
  Kernel?: AttributeValue;
  Ramdisk?: AttributeValue;
  UserData?: BlobAttributeValue;
  InstanceInitiatedShutdownBehavior?: AttributeValue;
  Groups?: string[];
  EbsOptimized?: AttributeBooleanValue;
  SriovNetSupport?: AttributeValue;
  EnaSupport?: AttributeBooleanValue;
}

export interface ModifyInstanceAttributeUserDataRequest {
  Value?: string;
}

export interface ModifyInstanceCapacityReservationAttributesRequest {
  InstanceId: string;
  CapacityReservationSpecification: CapacityReservationSpecification;
  DryRun?: boolean;
}

export interface ModifyInstanceCapacityReservationAttributesResult {
  Return?: boolean;
}

export interface ModifyInstanceConnectEndpointRequest {
  DryRun?: boolean;
  InstanceConnectEndpointId: string;
  IpAddressType?: IpAddressType;
  SecurityGroupIds?: string[];
  PreserveClientIp?: boolean;
}

export interface ModifyInstanceConnectEndpointResult {
  Return?: boolean;
}

export interface ModifyInstanceCpuOptionsRequest {
  InstanceId: string;
  CoreCount?: number;
  ThreadsPerCore?: number;
  NestedVirtualization?: NestedVirtualizationSpecification;
  DryRun?: boolean;
}

export interface ModifyInstanceCpuOptionsResult {
  InstanceId?: string;
  CoreCount?: number;
  ThreadsPerCore?: number;
  NestedVirtualization?: NestedVirtualizationSpecification;
}

export interface ModifyInstanceCreditSpecificationRequest {
  DryRun?: boolean;
  ClientToken?: string;
  InstanceCreditSpecifications: InstanceCreditSpecificationRequest[];
}

export interface ModifyInstanceCreditSpecificationResult {
  SuccessfulInstanceCreditSpecifications?: SuccessfulInstanceCreditSpecificationItem[];
  UnsuccessfulInstanceCreditSpecifications?: UnsuccessfulInstanceCreditSpecificationItem[];
}

export interface ModifyInstanceEventStartTimeRequest {
  DryRun?: boolean;
  InstanceId: string;
  InstanceEventId: string;
  NotBefore: number;
}

export interface ModifyInstanceEventStartTimeResult {
  Event?: InstanceStatusEvent;
}

export interface ModifyInstanceEventWindowRequest {
  DryRun?: boolean;
  Name?: string;
  InstanceEventWindowId: string;
  TimeRanges?: InstanceEventWindowTimeRangeRequest[];
  CronExpression?: string;
}

export interface ModifyInstanceEventWindowResult {
  InstanceEventWindow?: InstanceEventWindow;
}

export interface ModifyInstanceMaintenanceOptionsRequest {
  InstanceId: string;
  AutoRecovery?: InstanceAutoRecoveryState;
  RebootMigration?: InstanceRebootMigrationState;
  DryRun?: boolean;
}

export interface ModifyInstanceMaintenanceOptionsResult {
  InstanceId?: string;
  AutoRecovery?: InstanceAutoRecoveryState;
  RebootMigration?: InstanceRebootMigrationState;
}

export interface ModifyInstanceMetadataDefaultsRequest {
  HttpTokens?: MetadataDefaultHttpTokensState;
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: DefaultInstanceMetadataEndpointState;
  InstanceMetadataTags?: DefaultInstanceMetadataTagsState;
  DryRun?: boolean;
  HttpTokensEnforced?: DefaultHttpTokensEnforcedState;
}

export interface ModifyInstanceMetadataDefaultsResult {
  Return?: boolean;
}

export interface ModifyInstanceMetadataOptionsRequest {
  InstanceId: string;
  HttpTokens?: HttpTokensState;
  HttpPutResponseHopLimit?: number;
  HttpEndpoint?: InstanceMetadataEndpointState;
  DryRun?: boolean;
  HttpProtocolIpv6?: InstanceMetadataProtocolState;
  InstanceMetadataTags?: InstanceMetadataTagsState;
}

export interface ModifyInstanceMetadataOptionsResult {
  InstanceId?: string;
  InstanceMetadataOptions?: InstanceMetadataOptionsResponse;
}

export interface ModifyInstanceNetworkPerformanceRequest {
  InstanceId: string;
  BandwidthWeighting: InstanceBandwidthWeighting;
  DryRun?: boolean;
}

export interface ModifyInstanceNetworkPerformanceResult {
  InstanceId?: string;
  BandwidthWeighting?: InstanceBandwidthWeighting;
}

export interface ModifyInstancePlacementRequest {
  GroupName?: string;
  PartitionNumber?: number;
  HostResourceGroupArn?: string;
  GroupId?: string;
  InstanceId: string;
  Tenancy?: HostTenancy;
  Affinity?: Affinity;
  HostId?: string;
}

export interface ModifyInstancePlacementResult {
  Return?: boolean;
}

export interface ModifyIpamPolicyAllocationRulesRequest {
  DryRun?: boolean;
  IpamPolicyId: string;
  Locale: string;
  ResourceType: IpamPolicyResourceType;
  AllocationRules?: IpamPolicyAllocationRuleRequest[];
}

export interface ModifyIpamPolicyAllocationRulesResult {
  IpamPolicyDocument?: IpamPolicyDocument;
}

export interface ModifyIpamPoolAllocationRequest {
  DryRun?: boolean;
  IpamPoolAllocationId: string;
  Description?: string;
}

export interface ModifyIpamPoolAllocationResult {
  IpamPoolAllocation?: IpamPoolAllocation;
}

export interface ModifyIpamPoolRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  Description?: string;
  AutoImport?: boolean;
  AllocationMinNetmaskLength?: number;
  AllocationMaxNetmaskLength?: number;
  AllocationDefaultNetmaskLength?: number;
  ClearAllocationDefaultNetmaskLength?: boolean;
  AddAllocationResourceTags?: RequestIpamResourceTag[];
  RemoveAllocationResourceTags?: RequestIpamResourceTag[];
}

export interface ModifyIpamPoolResult {
  IpamPool?: IpamPool;
}

export interface ModifyIpamPrefixListResolverRequest {
  DryRun?: boolean;
  IpamPrefixListResolverId: string;
  Description?: string;
  Rules?: IpamPrefixListResolverRuleRequest[];
}

export interface ModifyIpamPrefixListResolverResult {
  IpamPrefixListResolver?: IpamPrefixListResolver;
}

export interface ModifyIpamPrefixListResolverTargetRequest {
  DryRun?: boolean;
  IpamPrefixListResolverTargetId: string;
  DesiredVersion?: number;
  TrackLatestVersion?: boolean;
  ClientToken?: string;
}

export interface ModifyIpamPrefixListResolverTargetResult {
  IpamPrefixListResolverTarget?: IpamPrefixListResolverTarget;
}

export interface ModifyIpamRequest {
  DryRun?: boolean;
  IpamId: string;
  Description?: string;
  AddOperatingRegions?: AddIpamOperatingRegion[];
  RemoveOperatingRegions?: RemoveIpamOperatingRegion[];
  Tier?: IpamTier;
  EnablePrivateGua?: boolean;
  MeteredAccount?: IpamMeteredAccount;
}

export interface ModifyIpamResourceCidrRequest {
  DryRun?: boolean;
  ResourceId: string;
  ResourceCidr: string;
  ResourceRegion: string;
  CurrentIpamScopeId: string;
  DestinationIpamScopeId?: string;
  Monitored: boolean;
}

export interface ModifyIpamResourceCidrResult {
  IpamResourceCidr?: IpamResourceCidr;
}

export interface ModifyIpamResourceDiscoveryRequest {
  DryRun?: boolean;
  IpamResourceDiscoveryId: string;
  Description?: string;
  AddOperatingRegions?: AddIpamOperatingRegion[];
  RemoveOperatingRegions?: RemoveIpamOperatingRegion[];
  AddOrganizationalUnitExclusions?: AddIpamOrganizationalUnitExclusion[];
  RemoveOrganizationalUnitExclusions?: RemoveIpamOrganizationalUnitExclusion[];
}

export interface ModifyIpamResourceDiscoveryResult {
  IpamResourceDiscovery?: IpamResourceDiscovery;
}

export interface ModifyIpamResult {
  Ipam?: Ipam;
}

export interface ModifyIpamScopeRequest {
  DryRun?: boolean;
  IpamScopeId: string;
  Description?: string;
  ExternalAuthorityConfiguration?: ExternalAuthorityConfiguration;
  RemoveExternalAuthorityConfiguration?: boolean;
}

export interface ModifyIpamScopeResult {
  IpamScope?: IpamScope;
}

export interface ModifyLaunchTemplateRequest {
  DryRun?: boolean;
  ClientToken?: string;
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  DefaultVersion?: string;
}

export interface ModifyLaunchTemplateResult {
  LaunchTemplate?: LaunchTemplate;
}

export interface ModifyLocalGatewayRouteRequest {
  DestinationCidrBlock?: string;
  LocalGatewayRouteTableId: string;
  LocalGatewayVirtualInterfaceGroupId?: string;
  NetworkInterfaceId?: string;
  DryRun?: boolean;
  DestinationPrefixListId?: string;
}

export interface ModifyLocalGatewayRouteResult {
  Route?: LocalGatewayRoute;
}

export interface ModifyManagedPrefixListRequest {
  DryRun?: boolean;
  PrefixListId: string;
  CurrentVersion?: number;
  PrefixListName?: string;
  AddEntries?: AddPrefixListEntry[];
  RemoveEntries?: RemovePrefixListEntry[];
  MaxEntries?: number;
  IpamPrefixListResolverSyncEnabled?: boolean;
}

export interface ModifyManagedPrefixListResult {
  PrefixList?: ManagedPrefixList;
}

export interface ModifyManagedResourceVisibilityRequest {
  DryRun?: boolean;
  DefaultVisibility: ManagedResourceDefaultVisibility;
}

export interface ModifyManagedResourceVisibilityResult {
  Visibility?: ManagedResourceVisibilitySettings;
}

export interface ModifyNetworkInterfaceAttributeRequest {
  EnaSrdSpecification?: EnaSrdSpecification;
  EnablePrimaryIpv6?: boolean;
  ConnectionTrackingSpecification?: ConnectionTrackingSpecificationRequest;
  AssociatePublicIpAddress?: boolean;
  AssociatedSubnetIds?: string[];
  DryRun?: boolean;
  NetworkInterfaceId: string;
  Description?: AttributeValue;
  SourceDestCheck?: AttributeBooleanValue;
  Groups?: string[];
  Attachment?: NetworkInterfaceAttachmentChanges;
}

export interface ModifyPrivateDnsNameOptionsRequest {
  DryRun?: boolean;
  InstanceId: string;
  PrivateDnsHostnameType?: HostnameType;
  EnableResourceNameDnsARecord?: boolean;
  EnableResourceNameDnsAAAARecord?: boolean;
}

export interface ModifyPrivateDnsNameOptionsResult {
  Return?: boolean;
}

export interface ModifyPublicIpDnsNameOptionsRequest {
  NetworkInterfaceId: string;
  HostnameType: PublicIpDnsOption;
  DryRun?: boolean;
}

export interface ModifyPublicIpDnsNameOptionsResult {
  Successful?: boolean;
}

export interface ModifyReservedInstancesRequest {
  ReservedInstancesIds: string[];
  ClientToken?: string;
  TargetConfigurations: ReservedInstancesConfiguration[];
}

export interface ModifyReservedInstancesResult {
  ReservedInstancesModificationId?: string;
}

export interface ModifyRouteServerRequest {
  RouteServerId: string;
  PersistRoutes?: RouteServerPersistRoutesAction;
  PersistRoutesDuration?: number;
  SnsNotificationsEnabled?: boolean;
  DryRun?: boolean;
}

export interface ModifyRouteServerResult {
  RouteServer?: RouteServer;
}

export interface ModifySecurityGroupRulesRequest {
  GroupId: string;
  SecurityGroupRules: SecurityGroupRuleUpdate[];
  DryRun?: boolean;
}

export interface ModifySecurityGroupRulesResult {
  Return?: boolean;
}

export interface ModifySnapshotAttributeRequest {
  Attribute?: SnapshotAttributeName;
  CreateVolumePermission?: CreateVolumePermissionModifications;
  GroupNames?: string[];
  OperationType?: OperationType;
  SnapshotId: string;
  UserIds?: string[];
  DryRun?: boolean;
}

export interface ModifySnapshotTierRequest {
  SnapshotId: string;
  StorageTier?: TargetStorageTier;
  DryRun?: boolean;
}

export interface ModifySnapshotTierResult {
  SnapshotId?: string;
  TieringStartTime?: number;
}

export interface ModifySpotFleetRequestRequest {
  LaunchTemplateConfigs?: LaunchTemplateConfig[];
  OnDemandTargetCapacity?: number;
  Context?: string;
  SpotFleetRequestId: string;
  TargetCapacity?: number;
  ExcessCapacityTerminationPolicy?: ExcessCapacityTerminationPolicy;
}

export interface ModifySpotFleetRequestResponse {
  Return?: boolean;
}

export interface ModifySubnetAttributeRequest {
  AssignIpv6AddressOnCreation?: AttributeBooleanValue;
  MapPublicIpOnLaunch?: AttributeBooleanValue;
  SubnetId: string;
  MapCustomerOwnedIpOnLaunch?: AttributeBooleanValue;
  CustomerOwnedIpv4Pool?: string;
  EnableDns64?: AttributeBooleanValue;
  PrivateDnsHostnameTypeOnLaunch?: HostnameType;
  EnableResourceNameDnsARecordOnLaunch?: AttributeBooleanValue;
  EnableResourceNameDnsAAAARecordOnLaunch?: AttributeBooleanValue;
  EnableLniAtDeviceIndex?: number;
  DisableLniAtDeviceIndex?: AttributeBooleanValue;
}

export interface ModifyTrafficMirrorFilterNetworkServicesRequest {
  TrafficMirrorFilterId: string;
  AddNetworkServices?: TrafficMirrorNetworkService[];
  RemoveNetworkServices?: TrafficMirrorNetworkService[];
  DryRun?: boolean;
}

export interface ModifyTrafficMirrorFilterNetworkServicesResult {
  TrafficMirrorFilter?: TrafficMirrorFilter;
}

export interface ModifyTrafficMirrorFilterRuleRequest {
  TrafficMirrorFilterRuleId: string;
  TrafficDirection?: TrafficDirection;
  RuleNumber?: number;
  RuleAction?: TrafficMirrorRuleAction;
  DestinationPortRange?: TrafficMirrorPortRangeRequest;
  SourcePortRange?: TrafficMirrorPortRangeRequest;
  Protocol?: number;
  DestinationCidrBlock?: string;
  SourceCidrBlock?: string;
  Description?: string;
  RemoveFields?: TrafficMirrorFilterRuleField[];
  DryRun?: boolean;
}

export interface ModifyTrafficMirrorFilterRuleResult {
  TrafficMirrorFilterRule?: TrafficMirrorFilterRule;
}

export interface ModifyTrafficMirrorSessionRequest {
  TrafficMirrorSessionId: string;
  TrafficMirrorTargetId?: string;
  TrafficMirrorFilterId?: string;
  PacketLength?: number;
  SessionNumber?: number;
  VirtualNetworkId?: number;
  Description?: string;
  RemoveFields?: TrafficMirrorSessionField[];
  DryRun?: boolean;
}

export interface ModifyTrafficMirrorSessionResult {
  TrafficMirrorSession?: TrafficMirrorSession;
}

export interface ModifyTransitGatewayMeteringPolicyRequest {
  TransitGatewayMeteringPolicyId: string;
  AddMiddleboxAttachmentIds?: string[];
  RemoveMiddleboxAttachmentIds?: string[];
  DryRun?: boolean;
}

export interface ModifyTransitGatewayMeteringPolicyResult {
  TransitGatewayMeteringPolicy?: TransitGatewayMeteringPolicy;
}

export interface ModifyTransitGatewayOptions {
  AddTransitGatewayCidrBlocks?: string[];
  RemoveTransitGatewayCidrBlocks?: string[];
  VpnEcmpSupport?: VpnEcmpSupportValue;
  DnsSupport?: DnsSupportValue;
  SecurityGroupReferencingSupport?: SecurityGroupReferencingSupportValue;
  AutoAcceptSharedAttachments?: AutoAcceptSharedAttachmentsValue;
  DefaultRouteTableAssociation?: DefaultRouteTableAssociationValue;
  AssociationDefaultRouteTableId?: string;
  DefaultRouteTablePropagation?: DefaultRouteTablePropagationValue;
  PropagationDefaultRouteTableId?: string;
  AmazonSideAsn?: number;
  EncryptionSupport?: EncryptionSupportOptionValue;
}

export interface ModifyTransitGatewayPrefixListReferenceRequest {
  TransitGatewayRouteTableId: string;
  PrefixListId: string;
  TransitGatewayAttachmentId?: string;
  Blackhole?: boolean;
  DryRun?: boolean;
}

export interface ModifyTransitGatewayPrefixListReferenceResult {
  TransitGatewayPrefixListReference?: TransitGatewayPrefixListReference;
}

export interface ModifyTransitGatewayRequest {
  TransitGatewayId: string;
  Description?: string;
  Options?: ModifyTransitGatewayOptions;
  DryRun?: boolean;
}

export interface ModifyTransitGatewayResult {
  TransitGateway?: TransitGateway;
}

export interface ModifyTransitGatewayVpcAttachmentRequest {
  TransitGatewayAttachmentId: string;
  AddSubnetIds?: string[];
  RemoveSubnetIds?: string[];
  Options?: ModifyTransitGatewayVpcAttachmentRequestOptions;
  DryRun?: boolean;
}

export interface ModifyTransitGatewayVpcAttachmentRequestOptions {
  DnsSupport?: DnsSupportValue;
  SecurityGroupReferencingSupport?: SecurityGroupReferencingSupportValue;
  Ipv6Support?: Ipv6SupportValue;
  ApplianceModeSupport?: ApplianceModeSupportValue;
}

export interface ModifyTransitGatewayVpcAttachmentResult {
  TransitGatewayVpcAttachment?: TransitGatewayVpcAttachment;
}

export interface ModifyVerifiedAccessEndpointCidrOptions {
  PortRanges?: ModifyVerifiedAccessEndpointPortRange[];
}

export interface ModifyVerifiedAccessEndpointEniOptions {
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  PortRanges?: ModifyVerifiedAccessEndpointPortRange[];
}

export interface ModifyVerifiedAccessEndpointLoadBalancerOptions {
  SubnetIds?: string[];
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  PortRanges?: ModifyVerifiedAccessEndpointPortRange[];
}

export interface ModifyVerifiedAccessEndpointPolicyRequest {
  VerifiedAccessEndpointId: string;
  PolicyEnabled?: boolean;
  PolicyDocument?: string;
  ClientToken?: string;
  DryRun?: boolean;
  SseSpecification?: VerifiedAccessSseSpecificationRequest;
}

export interface ModifyVerifiedAccessEndpointPolicyResult {
  PolicyEnabled?: boolean;
  PolicyDocument?: string;
  SseSpecification?: VerifiedAccessSseSpecificationResponse;
}

export interface ModifyVerifiedAccessEndpointPortRange {
  FromPort?: number;
  ToPort?: number;
}

export interface ModifyVerifiedAccessEndpointRdsOptions {
  SubnetIds?: string[];
  Port?: number;
  RdsEndpoint?: string;
}

export interface ModifyVerifiedAccessEndpointRequest {
  VerifiedAccessEndpointId: string;
  VerifiedAccessGroupId?: string;
  LoadBalancerOptions?: ModifyVerifiedAccessEndpointLoadBalancerOptions;
  NetworkInterfaceOptions?: ModifyVerifiedAccessEndpointEniOptions;
  Description?: string;
  ClientToken?: string;
  DryRun?: boolean;
  RdsOptions?: ModifyVerifiedAccessEndpointRdsOptions;
  CidrOptions?: ModifyVerifiedAccessEndpointCidrOptions;
}

export interface ModifyVerifiedAccessEndpointResult {
  VerifiedAccessEndpoint?: VerifiedAccessEndpoint;
}

export interface ModifyVerifiedAccessGroupPolicyRequest {
  VerifiedAccessGroupId: string;
  PolicyEnabled?: boolean;
  PolicyDocument?: string;
  ClientToken?: string;
  DryRun?: boolean;
  SseSpecification?: VerifiedAccessSseSpecificationRequest;
}

export interface ModifyVerifiedAccessGroupPolicyResult {
  PolicyEnabled?: boolean;
  PolicyDocument?: string;
  SseSpecification?: VerifiedAccessSseSpecificationResponse;
}

export interface ModifyVerifiedAccessGroupRequest {
  VerifiedAccessGroupId: string;
  VerifiedAccessInstanceId?: string;
  Description?: string;
  ClientToken?: string;
  DryRun?: boolean;
}

export interface ModifyVerifiedAccessGroupResult {
  VerifiedAccessGroup?: VerifiedAccessGroup;
}

export interface ModifyVerifiedAccessInstanceLoggingConfigurationRequest {
  VerifiedAccessInstanceId: string;
  AccessLogs: VerifiedAccessLogOptions;
  DryRun?: boolean;
  ClientToken?: string;
}

export interface ModifyVerifiedAccessInstanceLoggingConfigurationResult {
  LoggingConfiguration?: VerifiedAccessInstanceLoggingConfiguration;
}

export interface ModifyVerifiedAccessInstanceRequest {
  VerifiedAccessInstanceId: string;
  Description?: string;
  DryRun?: boolean;
  ClientToken?: string;
  CidrEndpointsCustomSubDomain?: string;
}

export interface ModifyVerifiedAccessInstanceResult {
  VerifiedAccessInstance?: VerifiedAccessInstance;
}

export interface ModifyVerifiedAccessNativeApplicationOidcOptions {
  PublicSigningKeyEndpoint?: string;
  Issuer?: string;
  AuthorizationEndpoint?: string;
  TokenEndpoint?: string;
  UserInfoEndpoint?: string;
  ClientId?: string;
  ClientSecret?: string;
  Scope?: string;
}

export interface ModifyVerifiedAccessTrustProviderDeviceOptions {
  PublicSigningKeyUrl?: string;
}

export interface ModifyVerifiedAccessTrustProviderOidcOptions {
  Issuer?: string;
  AuthorizationEndpoint?: string;
  TokenEndpoint?: string;
  UserInfoEndpoint?: string;
  ClientId?: string;
  ClientSecret?: string;
  Scope?: string;
}

export interface ModifyVerifiedAccessTrustProviderRequest {
  VerifiedAccessTrustProviderId: string;
  OidcOptions?: ModifyVerifiedAccessTrustProviderOidcOptions;
  DeviceOptions?: ModifyVerifiedAccessTrustProviderDeviceOptions;
  Description?: string;
  DryRun?: boolean;
  ClientToken?: string;
  SseSpecification?: VerifiedAccessSseSpecificationRequest;
  NativeApplicationOidcOptions?: ModifyVerifiedAccessNativeApplicationOidcOptions;
}

export interface ModifyVerifiedAccessTrustProviderResult {
  VerifiedAccessTrustProvider?: VerifiedAccessTrustProvider;
}

export interface ModifyVolumeAttributeRequest {
  AutoEnableIO?: AttributeBooleanValue;
  VolumeId: string;
  DryRun?: boolean;
}

export interface ModifyVolumeRequest {
  DryRun?: boolean;
  VolumeId: string;
  Size?: number;
  VolumeType?: VolumeType;
  Iops?: number;
  Throughput?: number;
  MultiAttachEnabled?: boolean;
}

export interface ModifyVolumeResult {
  VolumeModification?: VolumeModification;
}

export interface ModifyVpcAttributeRequest {
  EnableDnsHostnames?: AttributeBooleanValue;
  EnableDnsSupport?: AttributeBooleanValue;
  VpcId: string;
  EnableNetworkAddressUsageMetrics?: AttributeBooleanValue;
}

export interface ModifyVpcBlockPublicAccessExclusionRequest {
  DryRun?: boolean;
  ExclusionId: string;
  InternetGatewayExclusionMode: InternetGatewayExclusionMode;
}

export interface ModifyVpcBlockPublicAccessExclusionResult {
  VpcBlockPublicAccessExclusion?: VpcBlockPublicAccessExclusion;
}

export interface ModifyVpcBlockPublicAccessOptionsRequest {
  DryRun?: boolean;
  InternetGatewayBlockMode: InternetGatewayBlockMode;
}

export interface ModifyVpcBlockPublicAccessOptionsResult {
  VpcBlockPublicAccessOptions?: VpcBlockPublicAccessOptions;
}

export interface ModifyVpcEncryptionControlRequest {
  DryRun?: boolean;
  VpcEncryptionControlId: string;
  Mode?: VpcEncryptionControlMode;
  InternetGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  EgressOnlyInternetGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  NatGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  VirtualPrivateGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  VpcPeeringExclusion?: VpcEncryptionControlExclusionStateInput;
  LambdaExclusion?: VpcEncryptionControlExclusionStateInput;
  VpcLatticeExclusion?: VpcEncryptionControlExclusionStateInput;
  ElasticFileSystemExclusion?: VpcEncryptionControlExclusionStateInput;
}

export interface ModifyVpcEncryptionControlResult {
  VpcEncryptionControl?: VpcEncryptionControl;
}

export interface ModifyVpcEndpointConnectionNotificationRequest {
  DryRun?: boolean;
  ConnectionNotificationId: string;
  ConnectionNotificationArn?: string;
  ConnectionEvents?: string[];
}

export interface ModifyVpcEndpointConnectionNotificationResult {
  ReturnValue?: boolean;
}

export interface ModifyVpcEndpointRequest {
  DryRun?: boolean;
  VpcEndpointId: string;
  ResetPolicy?: boolean;
  PolicyDocument?: string;
  AddRouteTableIds?: string[];
  RemoveRouteTableIds?: string[];
  AddSubnetIds?: string[];
  RemoveSubnetIds?: string[];
  AddSecurityGroupIds?: string[];
  RemoveSecurityGroupIds?: string[];
  IpAddressType?: IpAddressType;
  DnsOptions?: DnsOptionsSpecification;
  PrivateDnsEnabled?: boolean;
  SubnetConfigurations?: SubnetConfiguration[];
}

export interface ModifyVpcEndpointResult {
  Return?: boolean;
}

export interface ModifyVpcEndpointServiceConfigurationRequest {
  DryRun?: boolean;
  ServiceId: string;
  PrivateDnsName?: string;
  RemovePrivateDnsName?: boolean;
  AcceptanceRequired?: boolean;
  AddNetworkLoadBalancerArns?: string[];
  RemoveNetworkLoadBalancerArns?: string[];
  AddGatewayLoadBalancerArns?: string[];
  RemoveGatewayLoadBalancerArns?: string[];
  AddSupportedIpAddressTypes?: string[];
  RemoveSupportedIpAddressTypes?: string[];
  AddSupportedRegions?: string[];
  RemoveSupportedRegions?: string[];
}

export interface ModifyVpcEndpointServiceConfigurationResult {
  Return?: boolean;
}

export interface ModifyVpcEndpointServicePayerResponsibilityRequest {
  DryRun?: boolean;
  ServiceId: string;
  PayerResponsibility: PayerResponsibility;
}

export interface ModifyVpcEndpointServicePayerResponsibilityResult {
  ReturnValue?: boolean;
}

export interface ModifyVpcEndpointServicePermissionsRequest {
  DryRun?: boolean;
  ServiceId: string;
  AddAllowedPrincipals?: string[];
  RemoveAllowedPrincipals?: string[];
}

export interface ModifyVpcEndpointServicePermissionsResult {
  AddedPrincipals?: AddedPrincipal[];
  ReturnValue?: boolean;
}

export interface ModifyVpcPeeringConnectionOptionsRequest {
  AccepterPeeringConnectionOptions?: PeeringConnectionOptionsRequest;
  DryRun?: boolean;
  RequesterPeeringConnectionOptions?: PeeringConnectionOptionsRequest;
  VpcPeeringConnectionId: string;
}

export interface ModifyVpcPeeringConnectionOptionsResult {
  AccepterPeeringConnectionOptions?: PeeringConnectionOptions;
  RequesterPeeringConnectionOptions?: PeeringConnectionOptions;
}

export interface ModifyVpcTenancyRequest {
  VpcId: string;
  InstanceTenancy: VpcTenancy;
  DryRun?: boolean;
}

export interface ModifyVpcTenancyResult {
  ReturnValue?: boolean;
}

export interface ModifyVpnConnectionOptionsRequest {
  VpnConnectionId: string;
  LocalIpv4NetworkCidr?: string;
  RemoteIpv4NetworkCidr?: string;
  LocalIpv6NetworkCidr?: string;
  RemoteIpv6NetworkCidr?: string;
  TunnelBandwidth?: VpnTunnelBandwidth;
  DryRun?: boolean;
}

export interface ModifyVpnConnectionOptionsResult {
  VpnConnection?: VpnConnection;
}

export interface ModifyVpnConnectionRequest {
  VpnConnectionId: string;
  TransitGatewayId?: string;
  CustomerGatewayId?: string;
  VpnGatewayId?: string;
  DryRun?: boolean;
}

export interface ModifyVpnConnectionResult {
  VpnConnection?: VpnConnection;
}

export interface ModifyVpnTunnelCertificateRequest {
  VpnConnectionId: string;
  VpnTunnelOutsideIpAddress: string;
  DryRun?: boolean;
}

export interface ModifyVpnTunnelCertificateResult {
  VpnConnection?: VpnConnection;
}

export interface ModifyVpnTunnelOptionsRequest {
  VpnConnectionId: string;
  VpnTunnelOutsideIpAddress: string;
  TunnelOptions: ModifyVpnTunnelOptionsSpecification;
  DryRun?: boolean;
  SkipTunnelReplacement?: boolean;
  PreSharedKeyStorage?: string;
}

export interface ModifyVpnTunnelOptionsResult {
  VpnConnection?: VpnConnection;
}

export interface ModifyVpnTunnelOptionsSpecification {
  TunnelInsideCidr?: string;
  TunnelInsideIpv6Cidr?: string;
  PreSharedKey?: string;
  Phase1LifetimeSeconds?: number;
  Phase2LifetimeSeconds?: number;
  RekeyMarginTimeSeconds?: number;
  RekeyFuzzPercentage?: number;
  ReplayWindowSize?: number;
  DPDTimeoutSeconds?: number;
  DPDTimeoutAction?: string;
  Phase1EncryptionAlgorithms?: Phase1EncryptionAlgorithmsRequestListValue[];
  Phase2EncryptionAlgorithms?: Phase2EncryptionAlgorithmsRequestListValue[];
  Phase1IntegrityAlgorithms?: Phase1IntegrityAlgorithmsRequestListValue[];
  Phase2IntegrityAlgorithms?: Phase2IntegrityAlgorithmsRequestListValue[];
  Phase1DHGroupNumbers?: Phase1DHGroupNumbersRequestListValue[];
  Phase2DHGroupNumbers?: Phase2DHGroupNumbersRequestListValue[];
  IKEVersions?: IKEVersionsRequestListValue[];
  StartupAction?: string;
  LogOptions?: VpnTunnelLogOptionsSpecification;
  EnableTunnelLifecycleControl?: boolean;
}

export interface MonitorInstancesRequest {
  InstanceIds: string[];
  DryRun?: boolean;
}

export interface MonitorInstancesResult {
  InstanceMonitorings?: InstanceMonitoring[];
}

export interface Monitoring {
  State?: MonitoringState;
}

export type MonitoringState = 'disabled' | 'disabling' | 'enabled' | 'pending';

export interface MoveAddressToVpcRequest {
  DryRun?: boolean;
  PublicIp: string;
}

export interface MoveAddressToVpcResult {
  AllocationId?: string;
  Status?: Status;
}

export interface MoveByoipCidrToIpamRequest {
  DryRun?: boolean;
  Cidr: string;
  IpamPoolId: string;
  IpamPoolOwner: string;
}

export interface MoveByoipCidrToIpamResult {
  ByoipCidr?: ByoipCidr;
}

export interface MoveCapacityReservationInstancesRequest {
  DryRun?: boolean;
  ClientToken?: string;
  SourceCapacityReservationId: string;
  DestinationCapacityReservationId: string;
  InstanceCount: number;
}

export interface MoveCapacityReservationInstancesResult {
  SourceCapacityReservation?: CapacityReservation;
  DestinationCapacityReservation?: CapacityReservation;
  InstanceCount?: number;
}

export type MoveStatus = 'movingToVpc' | 'restoringToClassic';

export interface MovingAddressStatus {
  MoveStatus?: MoveStatus;
  PublicIp?: string;
}

export type MulticastSupportValue = 'enable' | 'disable';

export interface NatGateway {
  CreateTime?: number;
  DeleteTime?: number;
  FailureCode?: string;
  FailureMessage?: string;
  NatGatewayAddresses?: NatGatewayAddress[];
  NatGatewayId?: string;
  ProvisionedBandwidth?: ProvisionedBandwidth;
  State?: NatGatewayState;
  SubnetId?: string;
  VpcId?: string;
  Tags?: Tag[];
  ConnectivityType?: ConnectivityType;
  AvailabilityMode?: AvailabilityMode;
  AutoScalingIps?: AutoScalingIpsState;
  AutoProvisionZones?: AutoProvisionZonesState;
  AttachedAppliances?: NatGatewayAttachedAppliance[];
  RouteTableId?: string;
}

export interface NatGatewayAddress {
  AllocationId?: string;
  NetworkInterfaceId?: string;
  PrivateIp?: string;
  PublicIp?: string;
  AssociationId?: string;
  IsPrimary?: boolean;
  FailureMessage?: string;
  Status?: NatGatewayAddressStatus;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
}

export type NatGatewayAddressStatus = 'assigning' | 'unassigning' | 'associating' | 'disassociating' | 'succeeded' | 'failed';

export type NatGatewayApplianceModifyState = 'modifying' | 'completed' | 'failed';

export type NatGatewayApplianceState = 'attaching' | 'attached' | 'detaching' | 'detached' | 'attach-failed' | 'detach-failed';

export type NatGatewayApplianceType = 'network-firewall-proxy';

export interface NatGatewayAttachedAppliance {
  Type?: NatGatewayApplianceType;
  ApplianceArn?: string;
  VpcEndpointId?: string;
  AttachmentState?: NatGatewayApplianceState;
  ModificationState?: NatGatewayApplianceModifyState;
  FailureCode?: string;
  FailureMessage?: string;
}

export type NatGatewayState = 'pending' | 'failed' | 'available' | 'deleting' | 'deleted';

export interface NativeApplicationOidcOptions {
  PublicSigningKeyEndpoint?: string;
  Issuer?: string;
  AuthorizationEndpoint?: string;
  TokenEndpoint?: string;
  UserInfoEndpoint?: string;
  ClientId?: string;
  Scope?: string;
}

export type NestedVirtualizationSpecification = 'enabled' | 'disabled';

export interface NetworkAcl {
  Associations?: NetworkAclAssociation[];
  Entries?: NetworkAclEntry[];
  IsDefault?: boolean;
  NetworkAclId?: string;
  Tags?: Tag[];
  VpcId?: string;
  OwnerId?: string;
}

export interface NetworkAclAssociation {
  NetworkAclAssociationId?: string;
  NetworkAclId?: string;
  SubnetId?: string;
}

export interface NetworkAclEntry {
  CidrBlock?: string;
  Egress?: boolean;
  IcmpTypeCode?: IcmpTypeCode;
  Ipv6CidrBlock?: string;
  PortRange?: PortRange;
  Protocol?: string;
  RuleAction?: RuleAction;
  RuleNumber?: number;
}

export interface NetworkBandwidthGbps {
  Min?: number;
  Max?: number;
}

export interface NetworkBandwidthGbpsRequest {
  Min?: number;
  Max?: number;
}

export interface NetworkCardInfo {
  NetworkCardIndex?: number;
  NetworkPerformance?: string;
  MaximumNetworkInterfaces?: number;
  AdditionalFlexibleNetworkInterfaces?: number;
  BaselineBandwidthInGbps?: number;
  PeakBandwidthInGbps?: number;
  DefaultEnaQueueCountPerInterface?: number;
  MaximumEnaQueueCount?: number;
  MaximumEnaQueueCountPerInterface?: number;
}

export interface NetworkInfo {
  NetworkPerformance?: string;
  MaximumNetworkInterfaces?: number;
  MaximumNetworkCards?: number;
  DefaultNetworkCardIndex?: number;
  NetworkCards?: NetworkCardInfo[];
  Ipv4AddressesPerInterface?: number;
  Ipv6AddressesPerInterface?: number;
  Ipv6Supported?: boolean;
  EnaSupport?: EnaSupport;
  EfaSupported?: boolean;
  EfaInfo?: EfaInfo;
  EncryptionInTransitSupported?: boolean;
  EnaSrdSupported?: boolean;
  BandwidthWeightings?: BandwidthWeightingType[];
  FlexibleEnaQueuesSupport?: FlexibleEnaQueuesSupport;
  ConnectionTrackingConfiguration?: DefaultConnectionTrackingConfiguration;
  SecondaryNetworkSupported?: boolean;
  MaximumSecondaryNetworkInterfaces?: number;
  Ipv4AddressesPerSecondaryInterface?: number;
}

export interface NetworkInsightsAccessScope {
  NetworkInsightsAccessScopeId?: string;
  NetworkInsightsAccessScopeArn?: string;
  CreatedDate?: number;
  UpdatedDate?: number;
  Tags?: Tag[];
}

export interface NetworkInsightsAccessScopeAnalysis {
  NetworkInsightsAccessScopeAnalysisId?: string;
  NetworkInsightsAccessScopeAnalysisArn?: string;
  NetworkInsightsAccessScopeId?: string;
  Status?: AnalysisStatus;
  StatusMessage?: string;
  WarningMessage?: string;
  StartDate?: number;
  EndDate?: number;
  FindingsFound?: FindingsFound;
  AnalyzedEniCount?: number;
  Tags?: Tag[];
}

export interface NetworkInsightsAccessScopeContent {
  NetworkInsightsAccessScopeId?: string;
  MatchPaths?: AccessScopePath[];
  ExcludePaths?: AccessScopePath[];
}

export interface NetworkInsightsAnalysis {
  NetworkInsightsAnalysisId?: string;
  NetworkInsightsAnalysisArn?: string;
  NetworkInsightsPathId?: string;
  AdditionalAccounts?: string[];
  FilterInArns?: string[];
  FilterOutArns?: string[];
  StartDate?: number;
  Status?: AnalysisStatus;
  StatusMessage?: string;
  WarningMessage?: string;
  NetworkPathFound?: boolean;
  ForwardPathComponents?: PathComponent[];
  ReturnPathComponents?: PathComponent[];
  Explanations?: Explanation[];
  AlternatePathHints?: AlternatePathHint[];
  SuggestedAccounts?: string[];
  Tags?: Tag[];
}

export interface NetworkInsightsPath {
  NetworkInsightsPathId?: string;
  NetworkInsightsPathArn?: string;
  CreatedDate?: number;
  Source?: string;
  Destination?: string;
  SourceArn?: string;
  DestinationArn?: string;
  SourceIp?: string;
  DestinationIp?: string;
  Protocol?: Protocol;
  DestinationPort?: number;
  Tags?: Tag[];
  FilterAtSource?: PathFilter;
  FilterAtDestination?: PathFilter;
}

export interface NetworkInterface {
  Association?: NetworkInterfaceAssociation;
  Attachment?: NetworkInterfaceAttachment;
  AvailabilityZone?: string;
  ConnectionTrackingConfiguration?: ConnectionTrackingConfiguration;
  Description?: string;
  Groups?: GroupIdentifier[];
  InterfaceType?: NetworkInterfaceType;
  Ipv6Addresses?: NetworkInterfaceIpv6Address[];
  MacAddress?: string;
  NetworkInterfaceId?: string;
  OutpostArn?: string;
  OwnerId?: string;
  PrivateDnsName?: string;
  PublicDnsName?: string;
  PublicIpDnsNameOptions?: PublicIpDnsNameOptions;
  PrivateIpAddress?: string;
  PrivateIpAddresses?: NetworkInterfacePrivateIpAddress[];
  Ipv4Prefixes?: Ipv4PrefixSpecification[];
  Ipv6Prefixes?: Ipv6PrefixSpecification[];
  RequesterId?: string;
  RequesterManaged?: boolean;
  SourceDestCheck?: boolean;
  Status?: NetworkInterfaceStatus;
  SubnetId?: string;
  TagSet?: Tag[];
  VpcId?: string;
  DenyAllIgwTraffic?: boolean;
  Ipv6Native?: boolean;
  Ipv6Address?: string;
  Operator?: OperatorResponse;
  AssociatedSubnets?: string[];
  AvailabilityZoneId?: string;
}

export interface NetworkInterfaceAssociation {
  AllocationId?: string;
  AssociationId?: string;
  IpOwnerId?: string;
  PublicDnsName?: string;
  PublicIp?: string;
  CustomerOwnedIp?: string;
  CarrierIp?: string;
}

export interface NetworkInterfaceAttachment {
  AttachTime?: number;
  AttachmentId?: string;
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  NetworkCardIndex?: number;
  InstanceId?: string;
  InstanceOwnerId?: string;
  Status?: AttachmentStatus;
  EnaSrdSpecification?: AttachmentEnaSrdSpecification;
  EnaQueueCount?: number;
}

export interface NetworkInterfaceAttachmentChanges {
  DefaultEnaQueueCount?: boolean;
  EnaQueueCount?: number;
  AttachmentId?: string;
  DeleteOnTermination?: boolean;
}

export type NetworkInterfaceAttribute = 'description' | 'groupSet' | 'sourceDestCheck' | 'attachment' | 'associatePublicIpAddress';

export interface NetworkInterfaceCount {
  Min?: number;
  Max?: number;
}

export interface NetworkInterfaceCountRequest {
  Min?: number;
  Max?: number;
}

export type NetworkInterfaceCreationType = 'efa' | 'efa-only' | 'branch' | 'trunk';

export interface NetworkInterfaceIpv6Address {
  Ipv6Address?: string;
  PublicIpv6DnsName?: string;
  IsPrimaryIpv6?: boolean;
}

export interface NetworkInterfacePermission {
  NetworkInterfacePermissionId?: string;
  NetworkInterfaceId?: string;
  AwsAccountId?: string;
  AwsService?: string;
  Permission?: InterfacePermissionType;
  PermissionState?: NetworkInterfacePermissionState;
}

export interface NetworkInterfacePermissionState {
  State?: NetworkInterfacePermissionStateCode;
  StatusMessage?: string;
}

export type NetworkInterfacePermissionStateCode = 'pending' | 'granted' | 'revoking' | 'revoked';

export interface NetworkInterfacePrivateIpAddress {
  Association?: NetworkInterfaceAssociation;
  Primary?: boolean;
  PrivateDnsName?: string;
  PrivateIpAddress?: string;
}

export type NetworkInterfaceStatus = 'available' | 'associated' | 'attaching' | 'in-use' | 'detaching';

export type NetworkInterfaceType = 'interface' | 'natGateway' | 'efa' | 'efa-only' | 'trunk' | 'load_balancer' | 'network_load_balancer' | 'vpc_endpoint' | 'branch' | 'transit_gateway' | 'lambda' | 'quicksight' | 'global_accelerator_managed' | 'api_gateway_managed' | 'gateway_load_balancer' | 'gateway_load_balancer_endpoint' | 'iot_rules_managed' | 'aws_codestar_connections_managed';

export interface NeuronDeviceCoreInfo {
  Count?: number;
  Version?: number;
}

export interface NeuronDeviceInfo {
  Count?: number;
  Name?: string;
  CoreInfo?: NeuronDeviceCoreInfo;
  MemoryInfo?: NeuronDeviceMemoryInfo;
}

export interface NeuronDeviceMemoryInfo {
  SizeInMiB?: number;
}

export interface NeuronInfo {
  NeuronDevices?: NeuronDeviceInfo[];
  TotalNeuronDeviceMemoryInMiB?: number;
}

export interface NewDhcpConfiguration {
  Key?: string;
  Values?: string[];
}

export type NitroEnclavesSupport = 'unsupported' | 'supported';

export interface NitroTpmInfo {
  SupportedVersions?: string[];
}

export type NitroTpmSupport = 'unsupported' | 'supported';

export type OfferingClassType = 'standard' | 'convertible';

export type OfferingTypeValues = 'Heavy Utilization' | 'Medium Utilization' | 'Light Utilization' | 'No Upfront' | 'Partial Upfront' | 'All Upfront';

export interface OidcOptions {
  Issuer?: string;
  AuthorizationEndpoint?: string;
  TokenEndpoint?: string;
  UserInfoEndpoint?: string;
  ClientId?: string;
  ClientSecret?: string;
  Scope?: string;
}

export type OnDemandAllocationStrategy = 'lowestPrice' | 'prioritized';

export interface OnDemandOptions {
  AllocationStrategy?: FleetOnDemandAllocationStrategy;
  CapacityReservationOptions?: CapacityReservationOptions;
  SingleInstanceType?: boolean;
  SingleAvailabilityZone?: boolean;
  MinTargetCapacity?: number;
  MaxTotalPrice?: string;
}

export interface OnDemandOptionsRequest {
  AllocationStrategy?: FleetOnDemandAllocationStrategy;
  CapacityReservationOptions?: CapacityReservationOptionsRequest;
  SingleInstanceType?: boolean;
  SingleAvailabilityZone?: boolean;
  MinTargetCapacity?: number;
  MaxTotalPrice?: string;
}

export type OperationType = 'add' | 'remove';

export interface OperatorRequest {
  Principal?: string;
}

export interface OperatorResponse {
  Managed?: boolean;
  Principal?: string;
  HiddenByDefault?: boolean;
}

export interface OutpostLag {
  OutpostArn?: string;
  OwnerId?: string;
  State?: string;
  OutpostLagId?: string;
  LocalGatewayVirtualInterfaceIds?: string[];
  ServiceLinkVirtualInterfaceIds?: string[];
  Tags?: Tag[];
}

export type OutputFormat = 'csv' | 'parquet';

export interface PacketHeaderStatement {
  SourceAddresses?: string[];
  DestinationAddresses?: string[];
  SourcePorts?: string[];
  DestinationPorts?: string[];
  SourcePrefixLists?: string[];
  DestinationPrefixLists?: string[];
  Protocols?: Protocol[];
}

export interface PacketHeaderStatementRequest {
  SourceAddresses?: string[];
  DestinationAddresses?: string[];
  SourcePorts?: string[];
  DestinationPorts?: string[];
  SourcePrefixLists?: string[];
  DestinationPrefixLists?: string[];
  Protocols?: Protocol[];
}

export type PartitionLoadFrequency = 'none' | 'daily' | 'weekly' | 'monthly';

export interface PathComponent {
  SequenceNumber?: number;
  AclRule?: AnalysisAclRule;
  AttachedTo?: AnalysisComponent;
  Component?: AnalysisComponent;
  DestinationVpc?: AnalysisComponent;
  OutboundHeader?: AnalysisPacketHeader;
  InboundHeader?: AnalysisPacketHeader;
  RouteTableRoute?: AnalysisRouteTableRoute;
  SecurityGroupRule?: AnalysisSecurityGroupRule;
  SourceVpc?: AnalysisComponent;
  Subnet?: AnalysisComponent;
  Vpc?: AnalysisComponent;
  AdditionalDetails?: AdditionalDetail[];
  TransitGateway?: AnalysisComponent;
  TransitGatewayRouteTableRoute?: TransitGatewayRouteTableRoute;
  Explanations?: Explanation[];
  ElasticLoadBalancerListener?: AnalysisComponent;
  FirewallStatelessRule?: FirewallStatelessRule;
  FirewallStatefulRule?: FirewallStatefulRule;
  ServiceName?: string;
}

export interface PathFilter {
  SourceAddress?: string;
  SourcePortRange?: FilterPortRange;
  DestinationAddress?: string;
  DestinationPortRange?: FilterPortRange;
}

export interface PathRequestFilter {
  SourceAddress?: string;
  SourcePortRange?: RequestFilterPortRange;
  DestinationAddress?: string;
  DestinationPortRange?: RequestFilterPortRange;
}

export interface PathStatement {
  PacketHeaderStatement?: PacketHeaderStatement;
  ResourceStatement?: ResourceStatement;
}

export interface PathStatementRequest {
  PacketHeaderStatement?: PacketHeaderStatementRequest;
  ResourceStatement?: ResourceStatementRequest;
}

export type PayerResponsibility = 'ServiceOwner';

export type PaymentOption = 'AllUpfront' | 'PartialUpfront' | 'NoUpfront';

export interface PciId {
  DeviceId?: string;
  VendorId?: string;
  SubsystemId?: string;
  SubsystemVendorId?: string;
}

export interface PeeringAttachmentStatus {
  Code?: string;
  Message?: string;
}

export interface PeeringConnectionOptions {
  AllowDnsResolutionFromRemoteVpc?: boolean;
  AllowEgressFromLocalClassicLinkToRemoteVpc?: boolean;
  AllowEgressFromLocalVpcToRemoteClassicLink?: boolean;
}

export interface PeeringConnectionOptionsRequest {
  AllowDnsResolutionFromRemoteVpc?: boolean;
  AllowEgressFromLocalClassicLinkToRemoteVpc?: boolean;
  AllowEgressFromLocalVpcToRemoteClassicLink?: boolean;
}

export interface PeeringTgwInfo {
  TransitGatewayId?: string;
  CoreNetworkId?: string;
  OwnerId?: string;
  Region?: string;
}

export interface PerformanceFactorReference {
  InstanceFamily?: string;
}

export interface PerformanceFactorReferenceRequest {
  InstanceFamily?: string;
}

export type PeriodType = 'five-minutes' | 'fifteen-minutes' | 'one-hour' | 'three-hours' | 'one-day' | 'one-week';

export type PermissionGroup = 'all';

export interface Phase1DHGroupNumbersListValue {
  Value?: number;
}

export interface Phase1DHGroupNumbersRequestListValue {
  Value?: number;
}

export interface Phase1EncryptionAlgorithmsListValue {
  Value?: string;
}

export interface Phase1EncryptionAlgorithmsRequestListValue {
  Value?: string;
}

export interface Phase1IntegrityAlgorithmsListValue {
  Value?: string;
}

export interface Phase1IntegrityAlgorithmsRequestListValue {
  Value?: string;
}

export interface Phase2DHGroupNumbersListValue {
  Value?: number;
}

export interface Phase2DHGroupNumbersRequestListValue {
  Value?: number;
}

export interface Phase2EncryptionAlgorithmsListValue {
  Value?: string;
}

export interface Phase2EncryptionAlgorithmsRequestListValue {
  Value?: string;
}

export interface Phase2IntegrityAlgorithmsListValue {
  Value?: string;
}

export interface Phase2IntegrityAlgorithmsRequestListValue {
  Value?: string;
}

export type PhcSupport = 'unsupported' | 'supported';

export interface Placement {
  AvailabilityZoneId?: string;
  Affinity?: string;
  GroupName?: string;
  PartitionNumber?: number;
  HostId?: string;
  Tenancy?: Tenancy;
  SpreadDomain?: string;
  HostResourceGroupArn?: string;
  GroupId?: string;
  AvailabilityZone?: string;
}

export interface PlacementGroup {
  GroupName?: string;
  State?: PlacementGroupState;
  Strategy?: PlacementStrategy;
  PartitionCount?: number;
  GroupId?: string;
  Tags?: Tag[];
  GroupArn?: string;
  SpreadLevel?: SpreadLevel;
  LinkedGroupId?: string;
  Operator?: OperatorResponse;
}

export interface PlacementGroupInfo {
  SupportedStrategies?: PlacementGroupStrategy[];
}

export type PlacementGroupState = 'pending' | 'available' | 'deleting' | 'deleted';

export type PlacementGroupStrategy = 'cluster' | 'partition' | 'spread';

export interface PlacementResponse {
  GroupName?: string;
}

export type PlacementStrategy = 'cluster' | 'spread' | 'partition';

export type PlatformValues = 'Windows';

export interface PoolCidrBlock {
  Cidr?: string;
}

export interface PortRange {
  From?: number;
  To?: number;
}

export interface PrefixList {
  Cidrs?: string[];
  PrefixListId?: string;
  PrefixListName?: string;
}

export interface PrefixListAssociation {
  ResourceId?: string;
  ResourceOwner?: string;
}

export interface PrefixListEntry {
  Cidr?: string;
  Description?: string;
}

export interface PrefixListId {
  Description?: string;
  PrefixListId?: string;
}

export type PrefixListState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'modify-in-progress' | 'modify-complete' | 'modify-failed' | 'restore-in-progress' | 'restore-complete' | 'restore-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed';

export interface PriceSchedule {
  Active?: boolean;
  CurrencyCode?: CurrencyCodeValues;
  Price?: number;
  Term?: number;
}

export interface PriceScheduleSpecification {
  Term?: number;
  Price?: number;
  CurrencyCode?: CurrencyCodeValues;
}

export interface PricingDetail {
  Count?: number;
  Price?: number;
}

export interface PrincipalIdFormat {
  Arn?: string;
  Statuses?: IdFormat[];
}

export type PrincipalType = 'All' | 'Service' | 'OrganizationUnit' | 'Account' | 'User' | 'Role';

export interface PrivateDnsDetails {
  PrivateDnsName?: string;
}

export interface PrivateDnsNameConfiguration {
  State?: DnsNameState;
  Type?: string;
  Value?: string;
  Name?: string;
}

export interface PrivateDnsNameOptionsOnLaunch {
  HostnameType?: HostnameType;
  EnableResourceNameDnsARecord?: boolean;
  EnableResourceNameDnsAAAARecord?: boolean;
}

export interface PrivateDnsNameOptionsRequest {
  HostnameType?: HostnameType;
  EnableResourceNameDnsARecord?: boolean;
  EnableResourceNameDnsAAAARecord?: boolean;
}

export interface PrivateDnsNameOptionsResponse {
  HostnameType?: HostnameType;
  EnableResourceNameDnsARecord?: boolean;
  EnableResourceNameDnsAAAARecord?: boolean;
}

export interface PrivateIpAddressSpecification {
  Primary?: boolean;
  PrivateIpAddress?: string;
}

export interface ProcessorInfo {
  SupportedArchitectures?: ArchitectureType[];
  SustainedClockSpeedInGhz?: number;
  SupportedFeatures?: SupportedAdditionalProcessorFeature[];
  Manufacturer?: string;
}

export interface ProductCode {
  ProductCodeId?: string;
  ProductCodeType?: ProductCodeValues;
}

export type ProductCodeValues = 'devpay' | 'marketplace';

export interface PropagatingVgw {
  GatewayId?: string;
}

export type Protocol = 'tcp' | 'udp';

export type ProtocolValue = 'gre';

export interface ProvisionByoipCidrRequest {
  Cidr: string;
  CidrAuthorizationContext?: CidrAuthorizationContext;
  PubliclyAdvertisable?: boolean;
  Description?: string;
  DryRun?: boolean;
  PoolTagSpecifications?: TagSpecification[];
  MultiRegion?: boolean;
  NetworkBorderGroup?: string;
}

export interface ProvisionByoipCidrResult {
  ByoipCidr?: ByoipCidr;
}

export interface ProvisionIpamByoasnRequest {
  DryRun?: boolean;
  IpamId: string;
  Asn: string;
  AsnAuthorizationContext: AsnAuthorizationContext;
}

export interface ProvisionIpamByoasnResult {
  Byoasn?: Byoasn;
}

export interface ProvisionIpamPoolCidrRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  Cidr?: string;
  CidrAuthorizationContext?: IpamCidrAuthorizationContext;
  NetmaskLength?: number;
  ClientToken?: string;
  VerificationMethod?: VerificationMethod;
  IpamExternalResourceVerificationTokenId?: string;
}

export interface ProvisionIpamPoolCidrResult {
  IpamPoolCidr?: IpamPoolCidr;
}

export interface ProvisionPublicIpv4PoolCidrRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  PoolId: string;
  NetmaskLength: number;
  NetworkBorderGroup?: string;
}

export interface ProvisionPublicIpv4PoolCidrResult {
  PoolId?: string;
  PoolAddressRange?: PublicIpv4PoolRange;
}

export interface ProvisionedBandwidth {
  ProvisionTime?: number;
  Provisioned?: string;
  RequestTime?: number;
  Requested?: string;
  Status?: string;
}

export interface PtrUpdateStatus {
  Value?: string;
  Status?: string;
  Reason?: string;
}

export interface PublicIpDnsNameOptions {
  DnsHostnameType?: string;
  PublicIpv4DnsName?: string;
  PublicIpv6DnsName?: string;
  PublicDualStackDnsName?: string;
}

export type PublicIpDnsOption = 'public-dual-stack-dns-name' | 'public-ipv4-dns-name' | 'public-ipv6-dns-name';

export interface PublicIpv4Pool {
  PoolId?: string;
  Description?: string;
  PoolAddressRanges?: PublicIpv4PoolRange[];
  TotalAddressCount?: number;
  TotalAvailableAddressCount?: number;
  NetworkBorderGroup?: string;
  Tags?: Tag[];
}

export interface PublicIpv4PoolRange {
  FirstAddress?: string;
  LastAddress?: string;
  AddressCount?: number;
  AvailableAddressCount?: number;
}

export interface Purchase {
  CurrencyCode?: CurrencyCodeValues;
  Duration?: number;
  HostIdSet?: string[];
  HostReservationId?: string;
  HourlyPrice?: string;
  InstanceFamily?: string;
  PaymentOption?: PaymentOption;
  UpfrontPrice?: string;
}

export interface PurchaseCapacityBlockExtensionRequest {
  CapacityBlockExtensionOfferingId: string;
  CapacityReservationId: string;
  DryRun?: boolean;
}

export interface PurchaseCapacityBlockExtensionResult {
  CapacityBlockExtensions?: CapacityBlockExtension[];
}

export interface PurchaseCapacityBlockRequest {
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
  CapacityBlockOfferingId: string;
  InstancePlatform: CapacityReservationInstancePlatform;
}

export interface PurchaseCapacityBlockResult {
  CapacityReservation?: CapacityReservation;
  CapacityBlocks?: CapacityBlock[];
}

export interface PurchaseHostReservationRequest {
  ClientToken?: string;
  CurrencyCode?: CurrencyCodeValues;
  HostIdSet: string[];
  LimitPrice?: string;
  OfferingId: string;
  TagSpecifications?: TagSpecification[];
}

export interface PurchaseHostReservationResult {
  ClientToken?: string;
  CurrencyCode?: CurrencyCodeValues;
  Purchase?: Purchase[];
  TotalHourlyPrice?: string;
  TotalUpfrontPrice?: string;
}

export interface PurchaseRequest {
  InstanceCount: number;
  PurchaseToken: string;
}

export interface PurchaseReservedInstancesOfferingRequest {
  InstanceCount: number;
  ReservedInstancesOfferingId: string;
  PurchaseTime?: number;
  DryRun?: boolean;
  LimitPrice?: ReservedInstanceLimitPrice;
}

export interface PurchaseReservedInstancesOfferingResult {
  ReservedInstancesId?: string;
}

export interface PurchaseScheduledInstancesRequest {
  ClientToken?: string;
  DryRun?: boolean;
  PurchaseRequests: PurchaseRequest[];
}

export interface PurchaseScheduledInstancesResult {
  ScheduledInstanceSet?: ScheduledInstance[];
}

export type RIProductDescription = 'Linux/UNIX' | 'Linux/UNIX (Amazon VPC)' | 'Windows' | 'Windows (Amazon VPC)';

export interface RebootInstancesRequest {
  InstanceIds: string[];
  DryRun?: boolean;
}

export type RebootMigrationSupport = 'unsupported' | 'supported';

export interface RecurringCharge {
  Amount?: number;
  Frequency?: RecurringChargeFrequency;
}

export type RecurringChargeFrequency = 'Hourly';

export interface ReferencedSecurityGroup {
  GroupId?: string;
  PeeringStatus?: string;
  UserId?: string;
  VpcId?: string;
  VpcPeeringConnectionId?: string;
}

export interface Region {
  OptInStatus?: string;
  Geography?: RegionGeography[];
  RegionName?: string;
  Endpoint?: string;
}

export interface RegionGeography {
  Name?: string;
}

export interface RegionalSummary {
  RegionName?: string;
  NumberOfMatchedAccounts?: number;
  NumberOfUnmatchedAccounts?: number;
}

export interface RegisterImageRequest {
  ImageLocation?: string;
  BillingProducts?: string[];
  BootMode?: BootModeValues;
  TpmSupport?: TpmSupportValues;
  UefiData?: string;
  ImdsSupport?: ImdsSupportValues;
  TagSpecifications?: TagSpecification[];
  DryRun?: boolean;
  Name: string;
  Description?: string;
  Architecture?: ArchitectureValues;
  KernelId?: string;
  RamdiskId?: string;
  RootDeviceName?: string;
  BlockDeviceMappings?: BlockDeviceMapping[];
  VirtualizationType?: string;
  SriovNetSupport?: string;
  EnaSupport?: boolean;
}

export interface RegisterImageResult {
  ImageId?: string;
}

export interface RegisterInstanceEventNotificationAttributesRequest {
  DryRun?: boolean;
  InstanceTagAttribute: RegisterInstanceTagAttributeRequest;
}

export interface RegisterInstanceEventNotificationAttributesResult {
  InstanceTagAttribute?: InstanceTagNotificationAttribute;
}

export interface RegisterInstanceTagAttributeRequest {
  IncludeAllTagsOfInstance?: boolean;
  InstanceTagKeys?: string[];
}

export interface RegisterTransitGatewayMulticastGroupMembersRequest {
  TransitGatewayMulticastDomainId: string;
  GroupIpAddress?: string;
  NetworkInterfaceIds: string[];
  DryRun?: boolean;
}

export interface RegisterTransitGatewayMulticastGroupMembersResult {
  RegisteredMulticastGroupMembers?: TransitGatewayMulticastRegisteredGroupMembers;
}

export interface RegisterTransitGatewayMulticastGroupSourcesRequest {
  TransitGatewayMulticastDomainId: string;
  GroupIpAddress?: string;
  NetworkInterfaceIds: string[];
  DryRun?: boolean;
}

export interface RegisterTransitGatewayMulticastGroupSourcesResult {
  RegisteredMulticastGroupSources?: TransitGatewayMulticastRegisteredGroupSources;
}

export interface RegisteredInstance {
  InstanceId?: string;
  SqlServerLicenseUsage?: SqlServerLicenseUsage;
  HaStatus?: HaStatus;
  ProcessingStatus?: string;
  LastUpdatedTime?: number;
  SqlServerCredentials?: string;
  Tags?: Tag[];
}

export interface RejectCapacityReservationBillingOwnershipRequest {
  DryRun?: boolean;
  CapacityReservationId: string;
}

export interface RejectCapacityReservationBillingOwnershipResult {
  Return?: boolean;
}

export interface RejectTransitGatewayClientVpnAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface RejectTransitGatewayClientVpnAttachmentResult {
  TransitGatewayClientVpnAttachment?: TransitGatewayClientVpnAttachment;
}

export interface RejectTransitGatewayMulticastDomainAssociationsRequest {
  TransitGatewayMulticastDomainId?: string;
  TransitGatewayAttachmentId?: string;
  SubnetIds?: string[];
  DryRun?: boolean;
}

export interface RejectTransitGatewayMulticastDomainAssociationsResult {
  Associations?: TransitGatewayMulticastDomainAssociations;
}

export interface RejectTransitGatewayPeeringAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface RejectTransitGatewayPeeringAttachmentResult {
  TransitGatewayPeeringAttachment?: TransitGatewayPeeringAttachment;
}

export interface RejectTransitGatewayVpcAttachmentRequest {
  TransitGatewayAttachmentId: string;
  DryRun?: boolean;
}

export interface RejectTransitGatewayVpcAttachmentResult {
  TransitGatewayVpcAttachment?: TransitGatewayVpcAttachment;
}

export interface RejectVpcEndpointConnectionsRequest {
  DryRun?: boolean;
  ServiceId: string;
  VpcEndpointIds: string[];
}

export interface RejectVpcEndpointConnectionsResult {
  Unsuccessful?: UnsuccessfulItem[];
}

export interface RejectVpcPeeringConnectionRequest {
  DryRun?: boolean;
  VpcPeeringConnectionId: string;
}

export interface RejectVpcPeeringConnectionResult {
  Return?: boolean;
}

export interface ReleaseAddressRequest {
  AllocationId?: string;
  PublicIp?: string;
  NetworkBorderGroup?: string;
  DryRun?: boolean;
}

export interface ReleaseHostsRequest {
  HostIds: string[];
}

export interface ReleaseHostsResult {
  Successful?: string[];
  Unsuccessful?: UnsuccessfulItem[];
}

export interface ReleaseIpamPoolAllocationRequest {
  DryRun?: boolean;
  IpamPoolId: string;
  Cidr: string;
  IpamPoolAllocationId: string;
}

export interface ReleaseIpamPoolAllocationResult {
  Success?: boolean;
}

export interface RemoveIpamOperatingRegion {
  RegionName?: string;
}

export interface RemoveIpamOrganizationalUnitExclusion {
  OrganizationsEntityPath?: string;
}

export interface RemovePrefixListEntry {
  Cidr: string;
}

export interface ReplaceIamInstanceProfileAssociationRequest {
  IamInstanceProfile: IamInstanceProfileSpecification;
  AssociationId: string;
}

export interface ReplaceIamInstanceProfileAssociationResult {
  IamInstanceProfileAssociation?: IamInstanceProfileAssociation;
}

export interface ReplaceImageCriteriaInAllowedImagesSettingsRequest {
  ImageCriteria?: ImageCriterionRequest[];
  DryRun?: boolean;
}

export interface ReplaceImageCriteriaInAllowedImagesSettingsResult {
  ReturnValue?: boolean;
}

export interface ReplaceNetworkAclAssociationRequest {
  DryRun?: boolean;
  AssociationId: string;
  NetworkAclId: string;
}

export interface ReplaceNetworkAclAssociationResult {
  NewAssociationId?: string;
}

export interface ReplaceNetworkAclEntryRequest {
  DryRun?: boolean;
  NetworkAclId: string;
  RuleNumber: number;
  Protocol: string;
  RuleAction: RuleAction;
  Egress: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  IcmpTypeCode?: IcmpTypeCode;
  PortRange?: PortRange;
}

export interface ReplaceRootVolumeTask {
  ReplaceRootVolumeTaskId?: string;
  InstanceId?: string;
  TaskState?: ReplaceRootVolumeTaskState;
  StartTime?: string;
  CompleteTime?: string;
  Tags?: Tag[];
  ImageId?: string;
  SnapshotId?: string;
  DeleteReplacedRootVolume?: boolean;
}

export type ReplaceRootVolumeTaskState = 'pending' | 'in-progress' | 'failing' | 'succeeded' | 'failed' | 'failed-detached';

export interface ReplaceRouteRequest {
  DestinationPrefixListId?: string;
  VpcEndpointId?: string;
  LocalTarget?: boolean;
  TransitGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  OdbNetworkArn?: string;
  DryRun?: boolean;
  RouteTableId: string;
  DestinationCidrBlock?: string;
  GatewayId?: string;
  DestinationIpv6CidrBlock?: string;
  EgressOnlyInternetGatewayId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  VpcPeeringConnectionId?: string;
  NatGatewayId?: string;
}

export interface ReplaceRouteTableAssociationRequest {
  DryRun?: boolean;
  AssociationId: string;
  RouteTableId: string;
}

export interface ReplaceRouteTableAssociationResult {
  NewAssociationId?: string;
  AssociationState?: RouteTableAssociationState;
}

export interface ReplaceTransitGatewayRouteRequest {
  DestinationCidrBlock: string;
  TransitGatewayRouteTableId: string;
  TransitGatewayAttachmentId?: string;
  Blackhole?: boolean;
  DryRun?: boolean;
}

export interface ReplaceTransitGatewayRouteResult {
  Route?: TransitGatewayRoute;
}

export interface ReplaceVpnTunnelRequest {
  VpnConnectionId: string;
  VpnTunnelOutsideIpAddress: string;
  ApplyPendingMaintenance?: boolean;
  DryRun?: boolean;
}

export interface ReplaceVpnTunnelResult {
  Return?: boolean;
}

export type ReplacementStrategy = 'launch' | 'launch-before-terminate';

export type ReportInstanceReasonCodes = 'instance-stuck-in-state' | 'unresponsive' | 'not-accepting-credentials' | 'password-not-available' | 'performance-network' | 'performance-instance-store' | 'performance-ebs-volume' | 'performance-other' | 'other';

export interface ReportInstanceStatusRequest {
  DryRun?: boolean;
  Instances: string[];
  Status: ReportStatusType;
  StartTime?: number;
  EndTime?: number;
  ReasonCodes: ReportInstanceReasonCodes[];
  Description?: string;
}

export type ReportState = 'running' | 'cancelled' | 'complete' | 'error';

export type ReportStatusType = 'ok' | 'impaired';

export interface RequestFilterPortRange {
  FromPort?: number;
  ToPort?: number;
}

export interface RequestIpamResourceTag {
  Key?: string;
  Value?: string;
}

export interface RequestLaunchTemplateData {
  KernelId?: string;
  EbsOptimized?: boolean;
  IamInstanceProfile?: LaunchTemplateIamInstanceProfileSpecificationRequest;
  BlockDeviceMappings?: LaunchTemplateBlockDeviceMappingRequest[];
  NetworkInterfaces?: LaunchTemplateInstanceNetworkInterfaceSpecificationRequest[];
  ImageId?: string;
  InstanceType?: InstanceType_;
  KeyName?: string;
  Monitoring?: LaunchTemplatesMonitoringRequest;
  Placement?: LaunchTemplatePlacementRequest;
  RamDiskId?: string;
  DisableApiTermination?: boolean;
  InstanceInitiatedShutdownBehavior?: ShutdownBehavior;
  UserData?: string;
  TagSpecifications?: LaunchTemplateTagSpecificationRequest[];
  ElasticGpuSpecifications?: ElasticGpuSpecification[];
  ElasticInferenceAccelerators?: LaunchTemplateElasticInferenceAccelerator[];
  SecurityGroupIds?: string[];
  SecurityGroups?: string[];
  InstanceMarketOptions?: LaunchTemplateInstanceMarketOptionsRequest;
  CreditSpecification?: CreditSpecificationRequest;
  CpuOptions?: LaunchTemplateCpuOptionsRequest;
  CapacityReservationSpecification?: LaunchTemplateCapacityReservationSpecificationRequest;
  LicenseSpecifications?: LaunchTemplateLicenseConfigurationRequest[];
  HibernationOptions?: LaunchTemplateHibernationOptionsRequest;
  MetadataOptions?: LaunchTemplateInstanceMetadataOptionsRequest;
  EnclaveOptions?: LaunchTemplateEnclaveOptionsRequest;
  InstanceRequirements?: InstanceRequirementsRequest;
  PrivateDnsNameOptions?: LaunchTemplatePrivateDnsNameOptionsRequest;
  MaintenanceOptions?: LaunchTemplateInstanceMaintenanceOptionsRequest;
  DisableApiStop?: boolean;
  Operator?: OperatorRequest;
  NetworkPerformanceOptions?: LaunchTemplateNetworkPerformanceOptionsRequest;
  SecondaryInterfaces?: LaunchTemplateInstanceSecondaryInterfaceSpecificationRequest[];
}

export interface RequestSpotFleetRequest {
  DryRun?: boolean;
  SpotFleetRequestConfig: SpotFleetRequestConfigData;
}

export interface RequestSpotFleetResponse {
  SpotFleetRequestId?: string;
}

export interface RequestSpotInstancesRequest {
  LaunchSpecification?: RequestSpotLaunchSpecification;
  TagSpecifications?: TagSpecification[];
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
  DryRun?: boolean;
  SpotPrice?: string;
  ClientToken?: string;
  InstanceCount?: number;
  Type?: SpotInstanceType;
  ValidFrom?: number;
  ValidUntil?: number;
  LaunchGroup?: string;
  AvailabilityZoneGroup?: string;
  BlockDurationMinutes?: number;
}

export interface RequestSpotInstancesResult {
  SpotInstanceRequests?: SpotInstanceRequest[];
}

export interface RequestSpotLaunchSpecification {
  SecurityGroupIds?: string[];
  SecurityGroups?: string[];
  AddressingType?: string;
  BlockDeviceMappings?: BlockDeviceMapping[];
  EbsOptimized?: boolean;
  IamInstanceProfile?: IamInstanceProfileSpecification;
  ImageId?: string;
  InstanceType?: InstanceType_;
  KernelId?: string;
  KeyName?: string;
  Monitoring?: RunInstancesMonitoringEnabled;
  NetworkInterfaces?: InstanceNetworkInterfaceSpecification[];
  Placement?: SpotPlacement;
  RamdiskId?: string;
  SubnetId?: string;
  UserData?: string;
}

export interface Reservation {
  ReservationId?: string;
  OwnerId?: string;
  RequesterId?: string;
  Groups?: GroupIdentifier[];
  Instances?: Instance[];
}

export type ReservationEndDateType = 'limited' | 'unlimited';

export interface ReservationFleetInstanceSpecification {
  InstanceType?: InstanceType_;
  InstancePlatform?: CapacityReservationInstancePlatform;
  Weight?: number;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  EbsOptimized?: boolean;
  Priority?: number;
}

export type ReservationState = 'active' | 'expired' | 'cancelled' | 'scheduled' | 'pending' | 'failed' | 'delayed' | 'unsupported' | 'payment-pending' | 'payment-failed' | 'retired';

export type ReservationType = 'capacity-block' | 'odcr';

export interface ReservationValue {
  HourlyPrice?: string;
  RemainingTotalValue?: string;
  RemainingUpfrontValue?: string;
}

export interface ReservedCapacityOptions {
  ReservationTypes?: FleetReservationType[];
}

export interface ReservedCapacityOptionsRequest {
  ReservationTypes?: FleetReservationType[];
}

export interface ReservedInstanceLimitPrice {
  Amount?: number;
  CurrencyCode?: CurrencyCodeValues;
}

export interface ReservedInstanceReservationValue {
  ReservationValue?: ReservationValue;
  ReservedInstanceId?: string;
}

export type ReservedInstanceState = 'payment-pending' | 'active' | 'payment-failed' | 'retired' | 'queued' | 'queued-deleted';

export interface ReservedInstances {
  CurrencyCode?: CurrencyCodeValues;
  InstanceTenancy?: Tenancy;
  OfferingClass?: OfferingClassType;
  OfferingType?: OfferingTypeValues;
  RecurringCharges?: RecurringCharge[];
  Scope?: scope;
  Tags?: Tag[];
  AvailabilityZoneId?: string;
  ReservedInstancesId?: string;
  InstanceType?: InstanceType_;
  AvailabilityZone?: string;
  Start?: number;
  End?: number;
  Duration?: number;
  UsagePrice?: number;
  FixedPrice?: number;
  InstanceCount?: number;
  ProductDescription?: RIProductDescription;
  State?: ReservedInstanceState;
}

export interface ReservedInstancesConfiguration {
  AvailabilityZone?: string;
  InstanceCount?: number;
  InstanceType?: InstanceType_;
  Platform?: string;
  Scope?: scope;
  AvailabilityZoneId?: string;
}

export interface ReservedInstancesId {
  ReservedInstancesId?: string;
}

export interface ReservedInstancesListing {
  ClientToken?: string;
  CreateDate?: number;
  InstanceCounts?: InstanceCount[];
  PriceSchedules?: PriceSchedule[];
  ReservedInstancesId?: string;
  ReservedInstancesListingId?: string;
  Status?: ListingStatus;
  StatusMessage?: string;
  Tags?: Tag[];
  UpdateDate?: number;
}

export interface ReservedInstancesModification {
  ClientToken?: string;
  CreateDate?: number;
  EffectiveDate?: number;
  ModificationResults?: ReservedInstancesModificationResult[];
  ReservedInstancesIds?: ReservedInstancesId[];
  ReservedInstancesModificationId?: string;
  Status?: string;
  StatusMessage?: string;
  UpdateDate?: number;
}

export interface ReservedInstancesModificationResult {
  ReservedInstancesId?: string;
  TargetConfiguration?: ReservedInstancesConfiguration;
}

export interface ReservedInstancesOffering {
  CurrencyCode?: CurrencyCodeValues;
  InstanceTenancy?: Tenancy;
  Marketplace?: boolean;
  OfferingClass?: OfferingClassType;
  OfferingType?: OfferingTypeValues;
  PricingDetails?: PricingDetail[];
  RecurringCharges?: RecurringCharge[];
  Scope?: scope;
  AvailabilityZoneId?: string;
  ReservedInstancesOfferingId?: string;
  InstanceType?: InstanceType_;
  AvailabilityZone?: string;
  Duration?: number;
  UsagePrice?: number;
  FixedPrice?: number;
  ProductDescription?: RIProductDescription;
}

export interface ResetAddressAttributeRequest {
  AllocationId: string;
  Attribute: AddressAttributeName;
  DryRun?: boolean;
}

export interface ResetAddressAttributeResult {
  Address?: AddressAttribute;
}

export interface ResetEbsDefaultKmsKeyIdRequest {
  DryRun?: boolean;
}

export interface ResetEbsDefaultKmsKeyIdResult {
  KmsKeyId?: string;
}

export type ResetFpgaImageAttributeName = 'loadPermission';

export interface ResetFpgaImageAttributeRequest {
  DryRun?: boolean;
  FpgaImageId: string;
  Attribute?: ResetFpgaImageAttributeName;
}

export interface ResetFpgaImageAttributeResult {
  Return?: boolean;
}

export type ResetImageAttributeName = 'launchPermission';

export interface ResetImageAttributeRequest {
  Attribute: ResetImageAttributeName;
  ImageId: string;
  DryRun?: boolean;
}

export interface ResetInstanceAttributeRequest {
  DryRun?: boolean;
  InstanceId: string;
  Attribute: InstanceAttributeName;
}

export interface ResetNetworkInterfaceAttributeRequest {
  DryRun?: boolean;
  NetworkInterfaceId: string;
  SourceDestCheck?: string;
}

export interface ResetSnapshotAttributeRequest {
  Attribute: SnapshotAttributeName;
  SnapshotId: string;
  DryRun?: boolean;
}

export interface ResourceStatement {
  Resources?: string[];
  ResourceTypes?: string[];
}

export interface ResourceStatementRequest {
  Resources?: string[];
  ResourceTypes?: string[];
}

export type ResourceType = 'capacity-reservation' | 'client-vpn-endpoint' | 'customer-gateway' | 'carrier-gateway' | 'coip-pool' | 'declarative-policies-report' | 'dedicated-host' | 'dhcp-options' | 'egress-only-internet-gateway' | 'elastic-ip' | 'elastic-gpu' | 'export-image-task' | 'export-instance-task' | 'fleet' | 'fpga-image' | 'host-reservation' | 'image' | 'image-usage-report' | 'import-image-task' | 'import-snapshot-task' | 'instance' | 'instance-event-window' | 'internet-gateway' | 'ipam' | 'ipam-pool' | 'ipam-scope' | 'ipv4pool-ec2' | 'ipv6pool-ec2' | 'key-pair' | 'launch-template' | 'local-gateway' | 'local-gateway-route-table' | 'local-gateway-virtual-interface' | 'local-gateway-virtual-interface-group' | 'local-gateway-route-table-vpc-association' | 'local-gateway-route-table-virtual-interface-group-association' | 'natgateway' | 'network-acl' | 'network-interface' | 'network-insights-analysis' | 'network-insights-path' | 'network-insights-access-scope' | 'network-insights-access-scope-analysis' | 'outpost-lag' | 'placement-group' | 'prefix-list' | 'replace-root-volume-task' | 'reserved-instances' | 'route-table' | 'security-group' | 'security-group-rule' | 'service-link-virtual-interface' | 'snapshot' | 'spot-fleet-request' | 'spot-instances-request' | 'subnet' | 'subnet-cidr-reservation' | 'traffic-mirror-filter' | 'traffic-mirror-session' | 'traffic-mirror-target' | 'transit-gateway' | 'transit-gateway-attachment' | 'transit-gateway-connect-peer' | 'transit-gateway-multicast-domain' | 'transit-gateway-policy-table' | 'transit-gateway-metering-policy' | 'transit-gateway-route-table' | 'transit-gateway-route-table-announcement' | 'volume' | 'vpc' | 'vpc-endpoint' | 'vpc-endpoint-connection' | 'vpc-endpoint-service' | 'vpc-endpoint-service-permission' | 'vpc-peering-connection' | 'vpn-connection' | 'vpn-gateway' | 'vpc-flow-log' | 'capacity-reservation-fleet' | 'traffic-mirror-filter-rule' | 'vpc-endpoint-connection-device-type' | 'verified-access-instance' | 'verified-access-group' | 'verified-access-endpoint' | 'verified-access-policy' | 'verified-access-trust-provider' | 'vpn-connection-device-type' | 'vpc-block-public-access-exclusion' | 'vpc-encryption-control' | 'route-server' | 'route-server-endpoint' | 'route-server-peer' | 'ipam-resource-discovery' | 'ipam-resource-discovery-association' | 'instance-connect-endpoint' | 'verified-access-endpoint-target' | 'ipam-external-resource-verification-token' | 'capacity-block' | 'mac-modification-task' | 'ipam-prefix-list-resolver' | 'ipam-policy' | 'ipam-prefix-list-resolver-target' | 'secondary-interface' | 'secondary-network' | 'secondary-subnet' | 'capacity-manager-data-export' | 'vpn-concentrator' | 'ipam-pool-allocation';

export interface ResourceTypeOption {
  OptionName?: ImageReferenceOptionName;
  OptionValues?: string[];
}

export interface ResourceTypeRequest {
  ResourceType?: ImageReferenceResourceType;
  ResourceTypeOptions?: ResourceTypeOption[];
}

export interface ResponseError {
  Code?: LaunchTemplateErrorCode;
  Message?: string;
}

export interface ResponseLaunchTemplateData {
  KernelId?: string;
  EbsOptimized?: boolean;
  IamInstanceProfile?: LaunchTemplateIamInstanceProfileSpecification;
  BlockDeviceMappings?: LaunchTemplateBlockDeviceMapping[];
  NetworkInterfaces?: LaunchTemplateInstanceNetworkInterfaceSpecification[];
  ImageId?: string;
  InstanceType?: InstanceType_;
  KeyName?: string;
  Monitoring?: LaunchTemplatesMonitoring;
  Placement?: LaunchTemplatePlacement;
  RamDiskId?: string;
  DisableApiTermination?: boolean;
  InstanceInitiatedShutdownBehavior?: ShutdownBehavior;
  UserData?: string;
  TagSpecifications?: LaunchTemplateTagSpecification[];
  ElasticGpuSpecifications?: ElasticGpuSpecificationResponse[];
  ElasticInferenceAccelerators?: LaunchTemplateElasticInferenceAcceleratorResponse[];
  SecurityGroupIds?: string[];
  SecurityGroups?: string[];
  InstanceMarketOptions?: LaunchTemplateInstanceMarketOptions;
  CreditSpecification?: CreditSpecification;
  CpuOptions?: LaunchTemplateCpuOptions;
  CapacityReservationSpecification?: LaunchTemplateCapacityReservationSpecificationResponse;
  LicenseSpecifications?: LaunchTemplateLicenseConfiguration[];
  HibernationOptions?: LaunchTemplateHibernationOptions;
  MetadataOptions?: LaunchTemplateInstanceMetadataOptions;
  EnclaveOptions?: LaunchTemplateEnclaveOptions;
  InstanceRequirements?: InstanceRequirements;
  PrivateDnsNameOptions?: LaunchTemplatePrivateDnsNameOptions;
  MaintenanceOptions?: LaunchTemplateInstanceMaintenanceOptions;
  DisableApiStop?: boolean;
  Operator?: OperatorResponse;
  NetworkPerformanceOptions?: LaunchTemplateNetworkPerformanceOptions;
  SecondaryInterfaces?: LaunchTemplateInstanceSecondaryInterfaceSpecification[];
}

export interface RestoreAddressToClassicRequest {
  DryRun?: boolean;
  PublicIp: string;
}

export interface RestoreAddressToClassicResult {
  PublicIp?: string;
  Status?: Status;
}

export interface RestoreImageFromRecycleBinRequest {
  ImageId: string;
  DryRun?: boolean;
}

export interface RestoreImageFromRecycleBinResult {
  Return?: boolean;
}

export interface RestoreManagedPrefixListVersionRequest {
  DryRun?: boolean;
  PrefixListId: string;
  PreviousVersion: number;
  CurrentVersion: number;
}

export interface RestoreManagedPrefixListVersionResult {
  PrefixList?: ManagedPrefixList;
}

export interface RestoreSnapshotFromRecycleBinRequest {
  SnapshotId: string;
  DryRun?: boolean;
}

export interface RestoreSnapshotFromRecycleBinResult {
  SnapshotId?: string;
  OutpostArn?: string;
  Description?: string;
  Encrypted?: boolean;
  OwnerId?: string;
  Progress?: string;
  StartTime?: number;
  State?: SnapshotState;
  VolumeId?: string;
  VolumeSize?: number;
  SseType?: SSEType;
}

export interface RestoreSnapshotTierRequest {
  SnapshotId: string;
  TemporaryRestoreDays?: number;
  PermanentRestore?: boolean;
  DryRun?: boolean;
}

export interface RestoreSnapshotTierResult {
  SnapshotId?: string;
  RestoreStartTime?: number;
  RestoreDuration?: number;
  IsPermanentRestore?: boolean;
}

export interface RestoreVolumeFromRecycleBinRequest {
  VolumeId: string;
  DryRun?: boolean;
}

export interface RestoreVolumeFromRecycleBinResult {
  Return?: boolean;
}

export interface RevokeClientVpnIngressRequest {
  ClientVpnEndpointId: string;
  TargetNetworkCidr: string;
  AccessGroupId?: string;
  RevokeAllGroups?: boolean;
  DryRun?: boolean;
}

export interface RevokeClientVpnIngressResult {
  Status?: ClientVpnAuthorizationRuleStatus;
}

export interface RevokeSecurityGroupEgressRequest {
  SecurityGroupRuleIds?: string[];
  DryRun?: boolean;
  GroupId: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  IpPermissions?: IpPermission[];
}

export interface RevokeSecurityGroupEgressResult {
  Return?: boolean;
  UnknownIpPermissions?: IpPermission[];
  RevokedSecurityGroupRules?: RevokedSecurityGroupRule[];
}

export interface RevokeSecurityGroupIngressRequest {
  CidrIp?: string;
  FromPort?: number;
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermission[];
  IpProtocol?: string;
  SourceSecurityGroupName?: string;
  SourceSecurityGroupOwnerId?: string;
  ToPort?: number;
  SecurityGroupRuleIds?: string[];
  DryRun?: boolean;
}

export interface RevokeSecurityGroupIngressResult {
  Return?: boolean;
  UnknownIpPermissions?: IpPermission[];
  RevokedSecurityGroupRules?: RevokedSecurityGroupRule[];
}

export interface RevokedSecurityGroupRule {
  SecurityGroupRuleId?: string;
  GroupId?: string;
  IsEgress?: boolean;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  Description?: string;
}

export type RootDeviceType = 'ebs' | 'instance-store';

export interface Route {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  EgressOnlyInternetGatewayId?: string;
  GatewayId?: string;
  InstanceId?: string;
  InstanceOwnerId?: string;
  NatGatewayId?: string;
  TransitGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  NetworkInterfaceId?: string;
  Origin?: RouteOrigin;
  State?: RouteState;
  VpcPeeringConnectionId?: string;
  CoreNetworkArn?: string;
  OdbNetworkArn?: string;
  IpAddress?: string;
}

export type RouteOrigin = 'CreateRouteTable' | 'CreateRoute' | 'EnableVgwRoutePropagation' | 'Advertisement';

export interface RouteServer {
  RouteServerId?: string;
  AmazonSideAsn?: number;
  State?: RouteServerState;
  Tags?: Tag[];
  PersistRoutesState?: RouteServerPersistRoutesState;
  PersistRoutesDuration?: number;
  SnsNotificationsEnabled?: boolean;
  SnsTopicArn?: string;
}

export interface RouteServerAssociation {
  RouteServerId?: string;
  VpcId?: string;
  State?: RouteServerAssociationState;
}

export type RouteServerAssociationState = 'associating' | 'associated' | 'disassociating';

export type RouteServerBfdState = 'up' | 'down';

export interface RouteServerBfdStatus {
  Status?: RouteServerBfdState;
}

export interface RouteServerBgpOptions {
  PeerAsn?: number;
  PeerLivenessDetection?: RouteServerPeerLivenessMode;
}

export interface RouteServerBgpOptionsRequest {
  PeerAsn: number;
  PeerLivenessDetection?: RouteServerPeerLivenessMode;
}

export type RouteServerBgpState = 'up' | 'down';

export interface RouteServerBgpStatus {
  Status?: RouteServerBgpState;
}

export interface RouteServerEndpoint {
  RouteServerId?: string;
  RouteServerEndpointId?: string;
  VpcId?: string;
  SubnetId?: string;
  EniId?: string;
  EniAddress?: string;
  State?: RouteServerEndpointState;
  FailureReason?: string;
  Tags?: Tag[];
}

export type RouteServerEndpointState = 'pending' | 'available' | 'deleting' | 'deleted' | 'failing' | 'failed' | 'delete-failed';

export interface RouteServerPeer {
  RouteServerPeerId?: string;
  RouteServerEndpointId?: string;
  RouteServerId?: string;
  VpcId?: string;
  SubnetId?: string;
  State?: RouteServerPeerState;
  FailureReason?: string;
  EndpointEniId?: string;
  EndpointEniAddress?: string;
  PeerAddress?: string;
  BgpOptions?: RouteServerBgpOptions;
  BgpStatus?: RouteServerBgpStatus;
  BfdStatus?: RouteServerBfdStatus;
  Tags?: Tag[];
}

export type RouteServerPeerLivenessMode = 'bfd' | 'bgp-keepalive';

export type RouteServerPeerState = 'pending' | 'available' | 'deleting' | 'deleted' | 'failing' | 'failed';

export type RouteServerPersistRoutesAction = 'enable' | 'disable' | 'reset';

export type RouteServerPersistRoutesState = 'enabling' | 'enabled' | 'resetting' | 'disabling' | 'disabled' | 'modifying';

export interface RouteServerPropagation {
  RouteServerId?: string;
  RouteTableId?: string;
  State?: RouteServerPropagationState;
}

export type RouteServerPropagationState = 'pending' | 'available' | 'deleting';

export interface RouteServerRoute {
  RouteServerEndpointId?: string;
  RouteServerPeerId?: string;
  RouteInstallationDetails?: RouteServerRouteInstallationDetail[];
  RouteStatus?: RouteServerRouteStatus;
  Prefix?: string;
  AsPaths?: string[];
  Med?: number;
  NextHopIp?: string;
}

export interface RouteServerRouteInstallationDetail {
  RouteTableId?: string;
  RouteInstallationStatus?: RouteServerRouteInstallationStatus;
  RouteInstallationStatusReason?: string;
}

export type RouteServerRouteInstallationStatus = 'installed' | 'rejected';

export type RouteServerRouteStatus = 'in-rib' | 'in-fib';

export type RouteServerState = 'pending' | 'available' | 'modifying' | 'deleting' | 'deleted';

export type RouteState = 'active' | 'blackhole' | 'filtered';

export interface RouteTable {
  Associations?: RouteTableAssociation[];
  PropagatingVgws?: PropagatingVgw[];
  RouteTableId?: string;
  Routes?: Route[];
  Tags?: Tag[];
  VpcId?: string;
  OwnerId?: string;
}

export interface RouteTableAssociation {
  Main?: boolean;
  RouteTableAssociationId?: string;
  RouteTableId?: string;
  SubnetId?: string;
  GatewayId?: string;
  PublicIpv4Pool?: string;
  AssociationState?: RouteTableAssociationState;
}

export interface RouteTableAssociationState {
  State?: RouteTableAssociationStateCode;
  StatusMessage?: string;
}

export type RouteTableAssociationStateCode = 'associating' | 'associated' | 'disassociating' | 'disassociated' | 'failed';

export type RuleAction = 'allow' | 'deny';

export interface RuleGroupRuleOptionsPair {
  RuleGroupArn?: string;
  RuleOptions?: RuleOption[];
}

export interface RuleGroupTypePair {
  RuleGroupArn?: string;
  RuleGroupType?: string;
}

export interface RuleOption {
  Keyword?: string;
  Settings?: string[];
}

export interface RunInstancesMonitoringEnabled {
  Enabled: boolean;
}

export interface RunInstancesRequest {
  BlockDeviceMappings?: BlockDeviceMapping[];
  ImageId?: string;
  InstanceType?: InstanceType_;
  Ipv6AddressCount?: number;
  Ipv6Addresses?: InstanceIpv6Address[];
  KernelId?: string;
  KeyName?: string;
  MaxCount: number;
  MinCount: number;
  Monitoring?: RunInstancesMonitoringEnabled;
  Placement?: Placement;
  RamdiskId?: string;
  SecurityGroupIds?: string[];
  SecurityGroups?: string[];
  SubnetId?: string;
  UserData?: string;
  ElasticGpuSpecification?: ElasticGpuSpecification[];
  ElasticInferenceAccelerators?: ElasticInferenceAccelerator[];
  TagSpecifications?: TagSpecification[];
  LaunchTemplate?: LaunchTemplateSpecification;
  InstanceMarketOptions?: InstanceMarketOptionsRequest;
  CreditSpecification?: CreditSpecificationRequest;
  CpuOptions?: CpuOptionsRequest;
  CapacityReservationSpecification?: CapacityReservationSpecification;
  HibernationOptions?: HibernationOptionsRequest;
  LicenseSpecifications?: LicenseConfigurationRequest[];
  MetadataOptions?: InstanceMetadataOptionsRequest;
  EnclaveOptions?: EnclaveOptionsRequest;
  PrivateDnsNameOptions?: PrivateDnsNameOptionsRequest;
  MaintenanceOptions?: InstanceMaintenanceOptionsRequest;
  DisableApiStop?: boolean;
  EnablePrimaryIpv6?: boolean;
  NetworkPerformanceOptions?: InstanceNetworkPerformanceOptionsRequest;
  Operator?: OperatorRequest;
  SecondaryInterfaces?: InstanceSecondaryInterfaceSpecificationRequest[];
  DryRun?: boolean;
  DisableApiTermination?: boolean;
  InstanceInitiatedShutdownBehavior?: ShutdownBehavior;
  PrivateIpAddress?: string;
  ClientToken?: string;
  AdditionalInfo?: string;
  NetworkInterfaces?: InstanceNetworkInterfaceSpecification[];
  IamInstanceProfile?: IamInstanceProfileSpecification;
  EbsOptimized?: boolean;
}

export interface RunScheduledInstancesRequest {
  ClientToken?: string;
  DryRun?: boolean;
  InstanceCount?: number;
  LaunchSpecification: ScheduledInstancesLaunchSpecification;
  ScheduledInstanceId: string;
}

export interface RunScheduledInstancesResult {
  InstanceIdSet?: string[];
}

export interface S3ObjectTag {
  Key?: string;
  Value?: string;
}

export interface S3Storage {
  AWSAccessKeyId?: string;
  Bucket?: string;
  Prefix?: string;
  UploadPolicy?: string;
  UploadPolicySignature?: string;
}

export type SSEType = 'sse-ebs' | 'sse-kms' | 'none';

export type Schedule = 'hourly';

export interface ScheduledInstance {
  AvailabilityZone?: string;
  CreateDate?: number;
  HourlyPrice?: string;
  InstanceCount?: number;
  InstanceType?: string;
  NetworkPlatform?: string;
  NextSlotStartTime?: number;
  Platform?: string;
  PreviousSlotEndTime?: number;
  Recurrence?: ScheduledInstanceRecurrence;
  ScheduledInstanceId?: string;
  SlotDurationInHours?: number;
  TermEndDate?: number;
  TermStartDate?: number;
  TotalScheduledInstanceHours?: number;
}

export interface ScheduledInstanceAvailability {
  AvailabilityZone?: string;
  AvailableInstanceCount?: number;
  FirstSlotStartTime?: number;
  HourlyPrice?: string;
  InstanceType?: string;
  MaxTermDurationInDays?: number;
  MinTermDurationInDays?: number;
  NetworkPlatform?: string;
  Platform?: string;
  PurchaseToken?: string;
  Recurrence?: ScheduledInstanceRecurrence;
  SlotDurationInHours?: number;
  TotalScheduledInstanceHours?: number;
}

export interface ScheduledInstanceRecurrence {
  Frequency?: string;
  Interval?: number;
  OccurrenceDaySet?: number[];
  OccurrenceRelativeToEnd?: boolean;
  OccurrenceUnit?: string;
}

export interface ScheduledInstanceRecurrenceRequest {
  Frequency?: string;
  Interval?: number;
  OccurrenceDays?: number[];
  OccurrenceRelativeToEnd?: boolean;
  OccurrenceUnit?: string;
}

export interface ScheduledInstancesBlockDeviceMapping {
  DeviceName?: string;
  Ebs?: ScheduledInstancesEbs;
  NoDevice?: string;
  VirtualName?: string;
}

export interface ScheduledInstancesEbs {
  DeleteOnTermination?: boolean;
  Encrypted?: boolean;
  Iops?: number;
  SnapshotId?: string;
  VolumeSize?: number;
  VolumeType?: string;
}

export interface ScheduledInstancesIamInstanceProfile {
  Arn?: string;
  Name?: string;
}

export interface ScheduledInstancesIpv6Address {
  Ipv6Address?: string;
}

export interface ScheduledInstancesLaunchSpecification {
  BlockDeviceMappings?: ScheduledInstancesBlockDeviceMapping[];
  EbsOptimized?: boolean;
  IamInstanceProfile?: ScheduledInstancesIamInstanceProfile;
  ImageId: string;
  InstanceType?: string;
  KernelId?: string;
  KeyName?: string;
  Monitoring?: ScheduledInstancesMonitoring;
  NetworkInterfaces?: ScheduledInstancesNetworkInterface[];
  Placement?: ScheduledInstancesPlacement;
  RamdiskId?: string;
  SecurityGroupIds?: string[];
  SubnetId?: string;
  UserData?: string;
}

export interface ScheduledInstancesMonitoring {
  Enabled?: boolean;
}

export interface ScheduledInstancesNetworkInterface {
  AssociatePublicIpAddress?: boolean;
  DeleteOnTermination?: boolean;
  Description?: string;
  DeviceIndex?: number;
  Groups?: string[];
  Ipv6AddressCount?: number;
  Ipv6Addresses?: ScheduledInstancesIpv6Address[];
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  PrivateIpAddressConfigs?: ScheduledInstancesPrivateIpAddressConfig[];
  SecondaryPrivateIpAddressCount?: number;
  SubnetId?: string;
}

export interface ScheduledInstancesPlacement {
  AvailabilityZone?: string;
  GroupName?: string;
}

export interface ScheduledInstancesPrivateIpAddressConfig {
  Primary?: boolean;
  PrivateIpAddress?: string;
}

export interface SearchLocalGatewayRoutesRequest {
  LocalGatewayRouteTableId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface SearchLocalGatewayRoutesResult {
  Routes?: LocalGatewayRoute[];
  NextToken?: string;
}

export interface SearchTransitGatewayMulticastGroupsRequest {
  TransitGatewayMulticastDomainId: string;
  Filters?: Filter[];
  MaxResults?: number;
  NextToken?: string;
  DryRun?: boolean;
}

export interface SearchTransitGatewayMulticastGroupsResult {
  MulticastGroups?: TransitGatewayMulticastGroup[];
  NextToken?: string;
}

export interface SearchTransitGatewayRoutesRequest {
  TransitGatewayRouteTableId: string;
  Filters: Filter[];
  MaxResults?: number;
  DryRun?: boolean;
  NextToken?: string;
}

export interface SearchTransitGatewayRoutesResult {
  Routes?: TransitGatewayRoute[];
  AdditionalRoutesAvailable?: boolean;
  NextToken?: string;
}

export interface SecondaryInterface {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  Attachment?: SecondaryInterfaceAttachment;
  MacAddress?: string;
  OwnerId?: string;
  PrivateIpv4Addresses?: SecondaryInterfaceIpv4Address[];
  SecondaryInterfaceId?: string;
  SecondaryInterfaceArn?: string;
  SecondaryInterfaceType?: SecondaryInterfaceType;
  SecondarySubnetId?: string;
  SecondaryNetworkId?: string;
  SecondaryNetworkType?: SecondaryNetworkType;
  SourceDestCheck?: boolean;
  Status?: SecondaryInterfaceStatus;
  Tags?: Tag[];
}

export interface SecondaryInterfaceAttachment {
  AttachmentId?: string;
  AttachTime?: number;
  DeleteOnTermination?: boolean;
  DeviceIndex?: number;
  InstanceId?: string;
  InstanceOwnerId?: string;
  NetworkCardIndex?: number;
  Status?: AttachmentStatus;
}

export interface SecondaryInterfaceIpv4Address {
  PrivateIpAddress?: string;
}

export interface SecondaryInterfacePrivateIpAddressSpecification {
  PrivateIpAddress?: string;
}

export interface SecondaryInterfacePrivateIpAddressSpecificationRequest {
  PrivateIpAddress?: string;
}

export type SecondaryInterfaceStatus = 'available' | 'in-use';

export type SecondaryInterfaceType = 'secondary';

export interface SecondaryNetwork {
  SecondaryNetworkId?: string;
  SecondaryNetworkArn?: string;
  OwnerId?: string;
  Type?: SecondaryNetworkType;
  State?: SecondaryNetworkState;
  StateReason?: string;
  Ipv4CidrBlockAssociations?: SecondaryNetworkIpv4CidrBlockAssociation[];
  Tags?: Tag[];
}

export type SecondaryNetworkCidrBlockAssociationState = 'associating' | 'associated' | 'association-failed' | 'disassociating' | 'disassociated' | 'disassociation-failed';

export interface SecondaryNetworkIpv4CidrBlockAssociation {
  AssociationId?: string;
  CidrBlock?: string;
  State?: SecondaryNetworkCidrBlockAssociationState;
  StateReason?: string;
}

export type SecondaryNetworkState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed';

export type SecondaryNetworkType = 'rdma';

export interface SecondarySubnet {
  SecondarySubnetId?: string;
  SecondarySubnetArn?: string;
  SecondaryNetworkId?: string;
  SecondaryNetworkType?: SecondaryNetworkType;
  OwnerId?: string;
  AvailabilityZoneId?: string;
  AvailabilityZone?: string;
  Ipv4CidrBlockAssociations?: SecondarySubnetIpv4CidrBlockAssociation[];
  State?: SecondarySubnetState;
  StateReason?: string;
  Tags?: Tag[];
}

export type SecondarySubnetCidrBlockAssociationState = 'associating' | 'associated' | 'association-failed' | 'disassociating' | 'disassociated' | 'disassociation-failed';

export interface SecondarySubnetIpv4CidrBlockAssociation {
  AssociationId?: string;
  CidrBlock?: string;
  State?: SecondarySubnetCidrBlockAssociationState;
  StateReason?: string;
}

export type SecondarySubnetState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'delete-in-progress' | 'delete-complete' | 'delete-failed';

export interface SecurityGroup {
  GroupId?: string;
  IpPermissionsEgress?: IpPermission[];
  Tags?: Tag[];
  VpcId?: string;
  SecurityGroupArn?: string;
  OwnerId?: string;
  GroupName?: string;
  Description?: string;
  IpPermissions?: IpPermission[];
}

export interface SecurityGroupForVpc {
  Description?: string;
  GroupName?: string;
  OwnerId?: string;
  GroupId?: string;
  Tags?: Tag[];
  PrimaryVpcId?: string;
}

export interface SecurityGroupIdentifier {
  GroupId?: string;
  GroupName?: string;
}

export interface SecurityGroupReference {
  GroupId?: string;
  ReferencingVpcId?: string;
  VpcPeeringConnectionId?: string;
  TransitGatewayId?: string;
}

export type SecurityGroupReferencingSupportValue = 'enable' | 'disable';

export interface SecurityGroupRule {
  SecurityGroupRuleId?: string;
  GroupId?: string;
  GroupOwnerId?: string;
  IsEgress?: boolean;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupInfo?: ReferencedSecurityGroup;
  Description?: string;
  Tags?: Tag[];
  SecurityGroupRuleArn?: string;
}

export interface SecurityGroupRuleDescription {
  SecurityGroupRuleId?: string;
  Description?: string;
}

export interface SecurityGroupRuleRequest {
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  Description?: string;
}

export interface SecurityGroupRuleUpdate {
  SecurityGroupRuleId: string;
  SecurityGroupRule?: SecurityGroupRuleRequest;
}

export interface SecurityGroupVpcAssociation {
  GroupId?: string;
  VpcId?: string;
  VpcOwnerId?: string;
  State?: SecurityGroupVpcAssociationState;
  StateReason?: string;
  GroupOwnerId?: string;
}

export type SecurityGroupVpcAssociationState = 'associating' | 'associated' | 'association-failed' | 'disassociating' | 'disassociated' | 'disassociation-failed';

export type SelfServicePortal = 'enabled' | 'disabled';

export interface SendDiagnosticInterruptRequest {
  InstanceId: string;
  DryRun?: boolean;
}

export interface ServiceConfiguration {
  ServiceType?: ServiceTypeDetail[];
  ServiceId?: string;
  ServiceName?: string;
  ServiceState?: ServiceState;
  AvailabilityZoneIds?: string[];
  AvailabilityZones?: string[];
  AcceptanceRequired?: boolean;
  ManagesVpcEndpoints?: boolean;
  NetworkLoadBalancerArns?: string[];
  GatewayLoadBalancerArns?: string[];
  SupportedIpAddressTypes?: ServiceConnectivityType[];
  BaseEndpointDnsNames?: string[];
  PrivateDnsName?: string;
  PrivateDnsNameConfiguration?: PrivateDnsNameConfiguration;
  PayerResponsibility?: PayerResponsibility;
  Tags?: Tag[];
  SupportedRegions?: SupportedRegionDetail[];
  RemoteAccessEnabled?: boolean;
}

export type ServiceConnectivityType = 'ipv4' | 'ipv6';

export interface ServiceDetail {
  ServiceName?: string;
  ServiceId?: string;
  ServiceType?: ServiceTypeDetail[];
  ServiceRegion?: string;
  AvailabilityZoneIds?: string[];
  AvailabilityZones?: string[];
  Owner?: string;
  BaseEndpointDnsNames?: string[];
  PrivateDnsName?: string;
  PrivateDnsNames?: PrivateDnsDetails[];
  VpcEndpointPolicySupported?: boolean;
  AcceptanceRequired?: boolean;
  ManagesVpcEndpoints?: boolean;
  PayerResponsibility?: PayerResponsibility;
  Tags?: Tag[];
  PrivateDnsNameVerificationState?: DnsNameState;
  SupportedIpAddressTypes?: ServiceConnectivityType[];
}

export interface ServiceLinkVirtualInterface {
  ServiceLinkVirtualInterfaceId?: string;
  ServiceLinkVirtualInterfaceArn?: string;
  OutpostId?: string;
  OutpostArn?: string;
  OwnerId?: string;
  LocalAddress?: string;
  PeerAddress?: string;
  PeerBgpAsn?: number;
  Vlan?: number;
  OutpostLagId?: string;
  Tags?: Tag[];
  ConfigurationState?: ServiceLinkVirtualInterfaceConfigurationState;
}

export type ServiceLinkVirtualInterfaceConfigurationState = 'pending' | 'available' | 'deleting' | 'deleted';

export type ServiceManaged = 'alb' | 'nlb' | 'rnat' | 'rds';

export type ServiceState = 'Pending' | 'Available' | 'Deleting' | 'Deleted' | 'Failed';

export type ServiceType = 'Interface' | 'Gateway' | 'GatewayLoadBalancer';

export interface ServiceTypeDetail {
  ServiceType?: ServiceType;
}

export type ShutdownBehavior = 'stop' | 'terminate';

export interface SlotDateTimeRangeRequest {
  EarliestTime: number;
  LatestTime: number;
}

export interface SlotStartTimeRangeRequest {
  EarliestTime?: number;
  LatestTime?: number;
}

export interface Snapshot {
  OwnerAlias?: string;
  OutpostArn?: string;
  Tags?: Tag[];
  StorageTier?: StorageTier;
  RestoreExpiryTime?: number;
  SseType?: SSEType;
  AvailabilityZone?: string;
  TransferType?: TransferType;
  CompletionDurationMinutes?: number;
  CompletionTime?: number;
  FullSnapshotSizeInBytes?: number;
  SnapshotId?: string;
  VolumeId?: string;
  State?: SnapshotState;
  StateMessage?: string;
  StartTime?: number;
  Progress?: string;
  OwnerId?: string;
  Description?: string;
  VolumeSize?: number;
  Encrypted?: boolean;
  KmsKeyId?: string;
  DataEncryptionKeyId?: string;
}

export type SnapshotAttributeName = 'productCodes' | 'createVolumePermission';

export type SnapshotBlockPublicAccessState = 'block-all-sharing' | 'block-new-sharing' | 'unblocked';

export interface SnapshotDetail {
  Description?: string;
  DeviceName?: string;
  DiskImageSize?: number;
  Format?: string;
  Progress?: string;
  SnapshotId?: string;
  Status?: string;
  StatusMessage?: string;
  Url?: string;
  UserBucket?: UserBucketDetails;
}

export interface SnapshotDiskContainer {
  Description?: string;
  Format?: string;
  Url?: string;
  UserBucket?: UserBucket;
}

export interface SnapshotInfo {
  Description?: string;
  Tags?: Tag[];
  Encrypted?: boolean;
  VolumeId?: string;
  State?: SnapshotState;
  VolumeSize?: number;
  StartTime?: number;
  Progress?: string;
  OwnerId?: string;
  SnapshotId?: string;
  OutpostArn?: string;
  SseType?: SSEType;
  AvailabilityZone?: string;
}

export type SnapshotLocationEnum = 'regional' | 'local';

export interface SnapshotRecycleBinInfo {
  SnapshotId?: string;
  RecycleBinEnterTime?: number;
  RecycleBinExitTime?: number;
  Description?: string;
  VolumeId?: string;
}

export type SnapshotReturnCodes = 'success' | 'skipped' | 'missing-permissions' | 'internal-error' | 'client-error';

export type SnapshotState = 'pending' | 'completed' | 'error' | 'recoverable' | 'recovering';

export interface SnapshotTaskDetail {
  Description?: string;
  DiskImageSize?: number;
  Encrypted?: boolean;
  Format?: string;
  KmsKeyId?: string;
  Progress?: string;
  SnapshotId?: string;
  Status?: string;
  StatusMessage?: string;
  Url?: string;
  UserBucket?: UserBucketDetails;
}

export interface SnapshotTierStatus {
  SnapshotId?: string;
  VolumeId?: string;
  Status?: SnapshotState;
  OwnerId?: string;
  Tags?: Tag[];
  StorageTier?: StorageTier;
  LastTieringStartTime?: number;
  LastTieringProgress?: number;
  LastTieringOperationStatus?: TieringOperationStatus;
  LastTieringOperationStatusDetail?: string;
  ArchivalCompleteTime?: number;
  RestoreExpiryTime?: number;
}

export type SpotAllocationStrategy = 'lowest-price' | 'diversified' | 'capacity-optimized' | 'capacity-optimized-prioritized' | 'price-capacity-optimized';

export interface SpotCapacityRebalance {
  ReplacementStrategy?: ReplacementStrategy;
  TerminationDelay?: number;
}

export interface SpotDatafeedSubscription {
  Bucket?: string;
  Fault?: SpotInstanceStateFault;
  OwnerId?: string;
  Prefix?: string;
  State?: DatafeedSubscriptionState;
}

export interface SpotFleetLaunchSpecification {
  AddressingType?: string;
  BlockDeviceMappings?: BlockDeviceMapping[];
  EbsOptimized?: boolean;
  IamInstanceProfile?: IamInstanceProfileSpecification;
  ImageId?: string;
  InstanceType?: InstanceType_;
  KernelId?: string;
  KeyName?: string;
  Monitoring?: SpotFleetMonitoring;
  NetworkInterfaces?: InstanceNetworkInterfaceSpecification[];
  Placement?: SpotPlacement;
  RamdiskId?: string;
  SpotPrice?: string;
  SubnetId?: string;
  UserData?: string;
  WeightedCapacity?: number;
  TagSpecifications?: SpotFleetTagSpecification[];
  InstanceRequirements?: InstanceRequirements;
  SecurityGroups?: GroupIdentifier[];
}

export interface SpotFleetMonitoring {
  Enabled?: boolean;
}

export interface SpotFleetRequestConfig {
  ActivityStatus?: ActivityStatus;
  CreateTime?: number;
  SpotFleetRequestConfig?: SpotFleetRequestConfigData;
  SpotFleetRequestId?: string;
  SpotFleetRequestState?: BatchState;
  Tags?: Tag[];
}

export interface SpotFleetRequestConfigData {
  AllocationStrategy?: AllocationStrategy;
  OnDemandAllocationStrategy?: OnDemandAllocationStrategy;
  SpotMaintenanceStrategies?: SpotMaintenanceStrategies;
  ClientToken?: string;
  ExcessCapacityTerminationPolicy?: ExcessCapacityTerminationPolicy;
  FulfilledCapacity?: number;
  OnDemandFulfilledCapacity?: number;
  IamFleetRole: string;
  LaunchSpecifications?: SpotFleetLaunchSpecification[];
  LaunchTemplateConfigs?: LaunchTemplateConfig[];
  SpotPrice?: string;
  TargetCapacity: number;
  OnDemandTargetCapacity?: number;
  OnDemandMaxTotalPrice?: string;
  SpotMaxTotalPrice?: string;
  TerminateInstancesWithExpiration?: boolean;
  Type?: FleetType;
  ValidFrom?: number;
  ValidUntil?: number;
  ReplaceUnhealthyInstances?: boolean;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
  LoadBalancersConfig?: LoadBalancersConfig;
  InstancePoolsToUseCount?: number;
  Context?: string;
  TargetCapacityUnitType?: TargetCapacityUnitType;
  TagSpecifications?: TagSpecification[];
}

export interface SpotFleetTagSpecification {
  ResourceType?: ResourceType;
  Tags?: Tag[];
}

export type SpotInstanceInterruptionBehavior = 'hibernate' | 'stop' | 'terminate';

export interface SpotInstanceRequest {
  ActualBlockHourlyPrice?: string;
  AvailabilityZoneGroup?: string;
  BlockDurationMinutes?: number;
  CreateTime?: number;
  Fault?: SpotInstanceStateFault;
  InstanceId?: string;
  LaunchGroup?: string;
  LaunchSpecification?: LaunchSpecification;
  LaunchedAvailabilityZone?: string;
  LaunchedAvailabilityZoneId?: string;
  ProductDescription?: RIProductDescription;
  SpotInstanceRequestId?: string;
  SpotPrice?: string;
  State?: SpotInstanceState;
  Status?: SpotInstanceStatus;
  Tags?: Tag[];
  Type?: SpotInstanceType;
  ValidFrom?: number;
  ValidUntil?: number;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
}

export type SpotInstanceState = 'open' | 'active' | 'closed' | 'cancelled' | 'failed' | 'disabled';

export interface SpotInstanceStateFault {
  Code?: string;
  Message?: string;
}

export interface SpotInstanceStatus {
  Code?: string;
  Message?: string;
  UpdateTime?: number;
}

export type SpotInstanceType = 'one-time' | 'persistent';

export interface SpotMaintenanceStrategies {
  CapacityRebalance?: SpotCapacityRebalance;
}

export interface SpotMarketOptions {
  MaxPrice?: string;
  SpotInstanceType?: SpotInstanceType;
  BlockDurationMinutes?: number;
  ValidUntil?: number;
  InstanceInterruptionBehavior?: InstanceInterruptionBehavior;
}

export interface SpotOptions {
  AllocationStrategy?: SpotAllocationStrategy;
  MaintenanceStrategies?: FleetSpotMaintenanceStrategies;
  InstanceInterruptionBehavior?: SpotInstanceInterruptionBehavior;
  InstancePoolsToUseCount?: number;
  SingleInstanceType?: boolean;
  SingleAvailabilityZone?: boolean;
  MinTargetCapacity?: number;
  MaxTotalPrice?: string;
}

export interface SpotOptionsRequest {
  AllocationStrategy?: SpotAllocationStrategy;
  MaintenanceStrategies?: FleetSpotMaintenanceStrategiesRequest;
  InstanceInterruptionBehavior?: SpotInstanceInterruptionBehavior;
  InstancePoolsToUseCount?: number;
  SingleInstanceType?: boolean;
  SingleAvailabilityZone?: boolean;
  MinTargetCapacity?: number;
  MaxTotalPrice?: string;
}

export interface SpotPlacement {
  AvailabilityZone?: string;
  GroupName?: string;
  Tenancy?: Tenancy;
  AvailabilityZoneId?: string;
}

export interface SpotPlacementScore {
  Region?: string;
  AvailabilityZoneId?: string;
  Score?: number;
}

export interface SpotPrice {
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  InstanceType?: InstanceType_;
  ProductDescription?: RIProductDescription;
  SpotPrice?: string;
  Timestamp?: number;
}

export type SpreadLevel = 'host' | 'rack';

export type SqlServerLicenseUsage = 'full' | 'waived';

export interface StaleIpPermission {
  FromPort?: number;
  IpProtocol?: string;
  IpRanges?: string[];
  PrefixListIds?: string[];
  ToPort?: number;
  UserIdGroupPairs?: UserIdGroupPair[];
}

export interface StaleSecurityGroup {
  Description?: string;
  GroupId?: string;
  GroupName?: string;
  StaleIpPermissions?: StaleIpPermission[];
  StaleIpPermissionsEgress?: StaleIpPermission[];
  VpcId?: string;
}

export interface StartDeclarativePoliciesReportRequest {
  DryRun?: boolean;
  S3Bucket: string;
  S3Prefix?: string;
  TargetId: string;
  TagSpecifications?: TagSpecification[];
}

export interface StartDeclarativePoliciesReportResult {
  ReportId?: string;
}

export interface StartInstancesRequest {
  InstanceIds: string[];
  AdditionalInfo?: string;
  DryRun?: boolean;
}

export interface StartInstancesResult {
  StartingInstances?: InstanceStateChange[];
}

export interface StartNetworkInsightsAccessScopeAnalysisRequest {
  NetworkInsightsAccessScopeId: string;
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
  ClientToken: string;
}

export interface StartNetworkInsightsAccessScopeAnalysisResult {
  NetworkInsightsAccessScopeAnalysis?: NetworkInsightsAccessScopeAnalysis;
}

export interface StartNetworkInsightsAnalysisRequest {
  NetworkInsightsPathId: string;
  AdditionalAccounts?: string[];
  FilterInArns?: string[];
  FilterOutArns?: string[];
  DryRun?: boolean;
  TagSpecifications?: TagSpecification[];
  ClientToken: string;
}

export interface StartNetworkInsightsAnalysisResult {
  NetworkInsightsAnalysis?: NetworkInsightsAnalysis;
}

export interface StartVpcEndpointServicePrivateDnsVerificationRequest {
  DryRun?: boolean;
  ServiceId: string;
}

export interface StartVpcEndpointServicePrivateDnsVerificationResult {
  ReturnValue?: boolean;
}

export type State = 'PendingAcceptance' | 'Pending' | 'Available' | 'Deleting' | 'Deleted' | 'Rejected' | 'Failed' | 'Expired' | 'Partial';

export interface StateReason {
  Code?: string;
  Message?: string;
}

export type StaticSourcesSupportValue = 'enable' | 'disable';

export type StatisticType = 'p50';

export type Status = 'MoveInProgress' | 'InVpc' | 'InClassic';

export type StatusName = 'reachability';

export type StatusType = 'passed' | 'failed' | 'insufficient-data' | 'initializing';

export interface StopInstancesRequest {
  InstanceIds: string[];
  Hibernate?: boolean;
  SkipOsShutdown?: boolean;
  DryRun?: boolean;
  Force?: boolean;
}

export interface StopInstancesResult {
  StoppingInstances?: InstanceStateChange[];
}

export interface Storage {
  S3?: S3Storage;
}

export interface StorageLocation {
  Bucket?: string;
  Key?: string;
}

export type StorageTier = 'archive' | 'standard';

export interface StoreImageTaskResult {
  AmiId?: string;
  TaskStartTime?: number;
  Bucket?: string;
  S3objectKey?: string;
  ProgressPercentage?: number;
  StoreTaskState?: string;
  StoreTaskFailureReason?: string;
}

export interface Subnet {
  AvailabilityZoneId?: string;
  EnableLniAtDeviceIndex?: number;
  MapCustomerOwnedIpOnLaunch?: boolean;
  CustomerOwnedIpv4Pool?: string;
  OwnerId?: string;
  AssignIpv6AddressOnCreation?: boolean;
  Ipv6CidrBlockAssociationSet?: SubnetIpv6CidrBlockAssociation[];
  Tags?: Tag[];
  SubnetArn?: string;
  OutpostArn?: string;
  EnableDns64?: boolean;
  Ipv6Native?: boolean;
  PrivateDnsNameOptionsOnLaunch?: PrivateDnsNameOptionsOnLaunch;
  BlockPublicAccessStates?: BlockPublicAccessStates;
  Type?: string;
  SubnetId?: string;
  State?: SubnetState;
  VpcId?: string;
  CidrBlock?: string;
  AvailableIpAddressCount?: number;
  AvailabilityZone?: string;
  DefaultForAz?: boolean;
  MapPublicIpOnLaunch?: boolean;
}

export interface SubnetAssociation {
  SubnetId?: string;
  State?: TransitGatewayMulitcastDomainAssociationState;
}

export interface SubnetCidrBlockState {
  State?: SubnetCidrBlockStateCode;
  StatusMessage?: string;
}

export type SubnetCidrBlockStateCode = 'associating' | 'associated' | 'disassociating' | 'disassociated' | 'failing' | 'failed';

export interface SubnetCidrReservation {
  SubnetCidrReservationId?: string;
  SubnetId?: string;
  Cidr?: string;
  ReservationType?: SubnetCidrReservationType;
  OwnerId?: string;
  Description?: string;
  Tags?: Tag[];
}

export type SubnetCidrReservationType = 'prefix' | 'explicit';

export interface SubnetConfiguration {
  SubnetId?: string;
  Ipv4?: string;
  Ipv6?: string;
}

export interface SubnetIpPrefixes {
  SubnetId?: string;
  IpPrefixes?: string[];
}

export interface SubnetIpv6CidrBlockAssociation {
  AssociationId?: string;
  Ipv6CidrBlock?: string;
  Ipv6CidrBlockState?: SubnetCidrBlockState;
  Ipv6AddressAttribute?: Ipv6AddressAttribute;
  IpSource?: IpSource;
}

export type SubnetState = 'pending' | 'available' | 'unavailable' | 'failed' | 'failed-insufficient-capacity';

export interface Subscription {
  Source?: string;
  Destination?: string;
  Metric?: MetricType;
  Statistic?: StatisticType;
  Period?: PeriodType;
}

export interface SuccessfulInstanceCreditSpecificationItem {
  InstanceId?: string;
}

export interface SuccessfulQueuedPurchaseDeletion {
  ReservedInstancesId?: string;
}

export type SummaryStatus = 'ok' | 'impaired' | 'insufficient-data' | 'not-applicable' | 'initializing';

export type SupportedAdditionalProcessorFeature = 'amd-sev-snp' | 'nested-virtualization';

export interface SupportedRegionDetail {
  Region?: string;
  ServiceState?: string;
}

export interface Tag {
  Key?: string;
  Value?: string;
}

export interface TagDescription {
  Key?: string;
  ResourceId?: string;
  ResourceType?: ResourceType;
  Value?: string;
}

export interface TagSpecification {
  ResourceType?: ResourceType;
  Tags?: Tag[];
}

export interface TargetCapacitySpecification {
  TotalTargetCapacity?: number;
  OnDemandTargetCapacity?: number;
  SpotTargetCapacity?: number;
  DefaultTargetCapacityType?: DefaultTargetCapacityType;
  TargetCapacityUnitType?: TargetCapacityUnitType;
}

export interface TargetCapacitySpecificationRequest {
  TotalTargetCapacity: number;
  OnDemandTargetCapacity?: number;
  SpotTargetCapacity?: number;
  DefaultTargetCapacityType?: DefaultTargetCapacityType;
  TargetCapacityUnitType?: TargetCapacityUnitType;
}

export type TargetCapacityUnitType = 'vcpu' | 'memory-mib' | 'units';

export interface TargetConfiguration {
  InstanceCount?: number;
  OfferingId?: string;
}

export interface TargetConfigurationRequest {
  InstanceCount?: number;
  OfferingId: string;
}

export interface TargetGroup {
  Arn?: string;
}

export interface TargetGroupsConfig {
  TargetGroups?: TargetGroup[];
}

export interface TargetNetwork {
  AssociationId?: string;
  VpcId?: string;
  TargetNetworkId?: string;
  ClientVpnEndpointId?: string;
  Status?: AssociationStatus;
  SecurityGroups?: string[];
  AvailabilityZones?: string[];
  AvailabilityZoneIds?: string[];
}

export interface TargetReservationValue {
  ReservationValue?: ReservationValue;
  TargetConfiguration?: TargetConfiguration;
}

export type TargetStorageTier = 'archive';

export type TelemetryStatus = 'UP' | 'DOWN';

export type Tenancy = 'default' | 'dedicated' | 'host';

export interface TerminateClientVpnConnectionsRequest {
  ClientVpnEndpointId: string;
  ConnectionId?: string;
  Username?: string;
  DryRun?: boolean;
}

export interface TerminateClientVpnConnectionsResult {
  ClientVpnEndpointId?: string;
  Username?: string;
  ConnectionStatuses?: TerminateConnectionStatus[];
}

export interface TerminateConnectionStatus {
  ConnectionId?: string;
  PreviousStatus?: ClientVpnConnectionStatus;
  CurrentStatus?: ClientVpnConnectionStatus;
}

export interface TerminateInstancesRequest {
  InstanceIds: string[];
  Force?: boolean;
  SkipOsShutdown?: boolean;
  DryRun?: boolean;
}

export interface TerminateInstancesResult {
  TerminatingInstances?: InstanceStateChange[];
}

export interface ThroughResourcesStatement {
  ResourceStatement?: ResourceStatement;
}

export interface ThroughResourcesStatementRequest {
  ResourceStatement?: ResourceStatementRequest;
}

export type TieringOperationStatus = 'archival-in-progress' | 'archival-completed' | 'archival-failed' | 'temporary-restore-in-progress' | 'temporary-restore-completed' | 'temporary-restore-failed' | 'permanent-restore-in-progress' | 'permanent-restore-completed' | 'permanent-restore-failed';

export type TokenState = 'valid' | 'expired';

export interface TotalLocalStorageGB {
  Min?: number;
  Max?: number;
}

export interface TotalLocalStorageGBRequest {
  Min?: number;
  Max?: number;
}

export type TpmSupportValues = 'v2.0';

export type TrafficDirection = 'ingress' | 'egress';

export type TrafficIpAddressType = 'ipv4' | 'ipv6' | 'dual-stack';

export interface TrafficMirrorFilter {
  TrafficMirrorFilterId?: string;
  IngressFilterRules?: TrafficMirrorFilterRule[];
  EgressFilterRules?: TrafficMirrorFilterRule[];
  NetworkServices?: TrafficMirrorNetworkService[];
  Description?: string;
  Tags?: Tag[];
}

export interface TrafficMirrorFilterRule {
  TrafficMirrorFilterRuleId?: string;
  TrafficMirrorFilterId?: string;
  TrafficDirection?: TrafficDirection;
  RuleNumber?: number;
  RuleAction?: TrafficMirrorRuleAction;
  Protocol?: number;
  DestinationPortRange?: TrafficMirrorPortRange;
  SourcePortRange?: TrafficMirrorPortRange;
  DestinationCidrBlock?: string;
  SourceCidrBlock?: string;
  Description?: string;
  Tags?: Tag[];
}

export type TrafficMirrorFilterRuleField = 'destination-port-range' | 'source-port-range' | 'protocol' | 'description';

export type TrafficMirrorNetworkService = 'amazon-dns';

export interface TrafficMirrorPortRange {
  FromPort?: number;
  ToPort?: number;
}

export interface TrafficMirrorPortRangeRequest {
  FromPort?: number;
  ToPort?: number;
}

export type TrafficMirrorRuleAction = 'accept' | 'reject';

export interface TrafficMirrorSession {
  TrafficMirrorSessionId?: string;
  TrafficMirrorTargetId?: string;
  TrafficMirrorFilterId?: string;
  NetworkInterfaceId?: string;
  OwnerId?: string;
  PacketLength?: number;
  SessionNumber?: number;
  VirtualNetworkId?: number;
  Description?: string;
  Tags?: Tag[];
}

export type TrafficMirrorSessionField = 'packet-length' | 'description' | 'virtual-network-id';

export interface TrafficMirrorTarget {
  TrafficMirrorTargetId?: string;
  NetworkInterfaceId?: string;
  NetworkLoadBalancerArn?: string;
  Type?: TrafficMirrorTargetType;
  Description?: string;
  OwnerId?: string;
  Tags?: Tag[];
  GatewayLoadBalancerEndpointId?: string;
}

export type TrafficMirrorTargetType = 'network-interface' | 'network-load-balancer' | 'gateway-load-balancer-endpoint';

export type TrafficType = 'ACCEPT' | 'REJECT' | 'ALL';

export type TransferType = 'time-based' | 'standard';

export interface TransitGateway {
  TransitGatewayId?: string;
  TransitGatewayArn?: string;
  State?: TransitGatewayState;
  OwnerId?: string;
  Description?: string;
  CreationTime?: number;
  Options?: TransitGatewayOptions;
  Tags?: Tag[];
}

export interface TransitGatewayAssociation {
  TransitGatewayRouteTableId?: string;
  TransitGatewayAttachmentId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  State?: TransitGatewayAssociationState;
}

export type TransitGatewayAssociationState = 'associating' | 'associated' | 'disassociating' | 'disassociated';

export interface TransitGatewayAttachment {
  TransitGatewayAttachmentId?: string;
  TransitGatewayId?: string;
  TransitGatewayOwnerId?: string;
  ResourceOwnerId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  ResourceId?: string;
  State?: TransitGatewayAttachmentState;
  Association?: TransitGatewayAttachmentAssociation;
  CreationTime?: number;
  Tags?: Tag[];
}

export interface TransitGatewayAttachmentAssociation {
  TransitGatewayRouteTableId?: string;
  State?: TransitGatewayAssociationState;
}

export interface TransitGatewayAttachmentBgpConfiguration {
  TransitGatewayAsn?: number;
  PeerAsn?: number;
  TransitGatewayAddress?: string;
  PeerAddress?: string;
  BgpStatus?: BgpStatus;
}

export interface TransitGatewayAttachmentPropagation {
  TransitGatewayRouteTableId?: string;
  State?: TransitGatewayPropagationState;
}

export type TransitGatewayAttachmentResourceType = 'vpc' | 'vpn' | 'vpn-concentrator' | 'direct-connect-gateway' | 'connect' | 'peering' | 'tgw-peering' | 'network-function' | 'client-vpn';

export type TransitGatewayAttachmentState = 'initiating' | 'initiatingRequest' | 'pendingAcceptance' | 'rollingBack' | 'pending' | 'available' | 'modifying' | 'deleting' | 'deleted' | 'failed' | 'rejected' | 'rejecting' | 'failing';

export type TransitGatewayAttachmentStatusType = 'pending-acceptance' | 'pending' | 'rejected' | 'available' | 'deleting' | 'deleted';

export interface TransitGatewayClientVpnAttachment {
  TransitGatewayAttachmentId?: string;
  TransitGatewayId?: string;
  ClientVpnEndpointId?: string;
  ClientVpnOwnerId?: string;
  State?: TransitGatewayAttachmentStatusType;
  CreationTime?: string;
}

export interface TransitGatewayConfigurationDescribeEndpointStructure {
  TransitGatewayId?: string;
  TransitGatewayAttachmentId?: string;
  AvailabilityZones?: string[];
  AvailabilityZoneIds?: string[];
}

export interface TransitGatewayConfigurationInputStructure {
  TransitGatewayId?: string;
  AvailabilityZones?: string[];
  AvailabilityZoneIds?: string[];
}

export interface TransitGatewayConnect {
  TransitGatewayAttachmentId?: string;
  TransportTransitGatewayAttachmentId?: string;
  TransitGatewayId?: string;
  State?: TransitGatewayAttachmentState;
  CreationTime?: number;
  Options?: TransitGatewayConnectOptions;
  Tags?: Tag[];
}

export interface TransitGatewayConnectOptions {
  Protocol?: ProtocolValue;
}

export interface TransitGatewayConnectPeer {
  TransitGatewayAttachmentId?: string;
  TransitGatewayConnectPeerId?: string;
  State?: TransitGatewayConnectPeerState;
  CreationTime?: number;
  ConnectPeerConfiguration?: TransitGatewayConnectPeerConfiguration;
  Tags?: Tag[];
}

export interface TransitGatewayConnectPeerConfiguration {
  TransitGatewayAddress?: string;
  PeerAddress?: string;
  InsideCidrBlocks?: string[];
  Protocol?: ProtocolValue;
  BgpConfigurations?: TransitGatewayAttachmentBgpConfiguration[];
}

export type TransitGatewayConnectPeerState = 'pending' | 'available' | 'deleting' | 'deleted';

export interface TransitGatewayConnectRequestBgpOptions {
  PeerAsn?: number;
}

export type TransitGatewayMeteringPayerType = 'source-attachment-owner' | 'destination-attachment-owner' | 'transit-gateway-owner';

export interface TransitGatewayMeteringPolicy {
  TransitGatewayMeteringPolicyId?: string;
  TransitGatewayId?: string;
  MiddleboxAttachmentIds?: string[];
  State?: TransitGatewayMeteringPolicyState;
  UpdateEffectiveAt?: number;
  Tags?: Tag[];
}

export interface TransitGatewayMeteringPolicyEntry {
  PolicyRuleNumber?: string;
  MeteredAccount?: TransitGatewayMeteringPayerType;
  State?: TransitGatewayMeteringPolicyEntryState;
  UpdatedAt?: number;
  UpdateEffectiveAt?: number;
  MeteringPolicyRule?: TransitGatewayMeteringPolicyRule;
}

export type TransitGatewayMeteringPolicyEntryState = 'available' | 'deleted';

export interface TransitGatewayMeteringPolicyRule {
  SourceTransitGatewayAttachmentId?: string;
  SourceTransitGatewayAttachmentType?: TransitGatewayAttachmentResourceType;
  SourceCidrBlock?: string;
  SourcePortRange?: string;
  DestinationTransitGatewayAttachmentId?: string;
  DestinationTransitGatewayAttachmentType?: TransitGatewayAttachmentResourceType;
  DestinationCidrBlock?: string;
  DestinationPortRange?: string;
  Protocol?: string;
}

export type TransitGatewayMeteringPolicyState = 'available' | 'deleted' | 'pending' | 'modifying' | 'deleting';

export type TransitGatewayMulitcastDomainAssociationState = 'pendingAcceptance' | 'associating' | 'associated' | 'disassociating' | 'disassociated' | 'rejected' | 'failed';

export interface TransitGatewayMulticastDeregisteredGroupMembers {
  TransitGatewayMulticastDomainId?: string;
  DeregisteredNetworkInterfaceIds?: string[];
  GroupIpAddress?: string;
}

export interface TransitGatewayMulticastDeregisteredGroupSources {
  TransitGatewayMulticastDomainId?: string;
  DeregisteredNetworkInterfaceIds?: string[];
  GroupIpAddress?: string;
}

export interface TransitGatewayMulticastDomain {
  TransitGatewayMulticastDomainId?: string;
  TransitGatewayId?: string;
  TransitGatewayMulticastDomainArn?: string;
  OwnerId?: string;
  Options?: TransitGatewayMulticastDomainOptions;
  State?: TransitGatewayMulticastDomainState;
  CreationTime?: number;
  Tags?: Tag[];
}

export interface TransitGatewayMulticastDomainAssociation {
  TransitGatewayAttachmentId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  ResourceOwnerId?: string;
  Subnet?: SubnetAssociation;
}

export interface TransitGatewayMulticastDomainAssociations {
  TransitGatewayMulticastDomainId?: string;
  TransitGatewayAttachmentId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  ResourceOwnerId?: string;
  Subnets?: SubnetAssociation[];
}

export interface TransitGatewayMulticastDomainOptions {
  Igmpv2Support?: Igmpv2SupportValue;
  StaticSourcesSupport?: StaticSourcesSupportValue;
  AutoAcceptSharedAssociations?: AutoAcceptSharedAssociationsValue;
}

export type TransitGatewayMulticastDomainState = 'pending' | 'available' | 'deleting' | 'deleted';

export interface TransitGatewayMulticastGroup {
  GroupIpAddress?: string;
  TransitGatewayAttachmentId?: string;
  SubnetId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  ResourceOwnerId?: string;
  NetworkInterfaceId?: string;
  GroupMember?: boolean;
  GroupSource?: boolean;
  MemberType?: MembershipType;
  SourceType?: MembershipType;
}

export interface TransitGatewayMulticastRegisteredGroupMembers {
  TransitGatewayMulticastDomainId?: string;
  RegisteredNetworkInterfaceIds?: string[];
  GroupIpAddress?: string;
}

export interface TransitGatewayMulticastRegisteredGroupSources {
  TransitGatewayMulticastDomainId?: string;
  RegisteredNetworkInterfaceIds?: string[];
  GroupIpAddress?: string;
}

export interface TransitGatewayOptions {
  AmazonSideAsn?: number;
  TransitGatewayCidrBlocks?: string[];
  AutoAcceptSharedAttachments?: AutoAcceptSharedAttachmentsValue;
  DefaultRouteTableAssociation?: DefaultRouteTableAssociationValue;
  AssociationDefaultRouteTableId?: string;
  DefaultRouteTablePropagation?: DefaultRouteTablePropagationValue;
  PropagationDefaultRouteTableId?: string;
  VpnEcmpSupport?: VpnEcmpSupportValue;
  DnsSupport?: DnsSupportValue;
  SecurityGroupReferencingSupport?: SecurityGroupReferencingSupportValue;
  MulticastSupport?: MulticastSupportValue;
  EncryptionSupport?: EncryptionSupport;
}

export interface TransitGatewayPeeringAttachment {
  TransitGatewayAttachmentId?: string;
  AccepterTransitGatewayAttachmentId?: string;
  RequesterTgwInfo?: PeeringTgwInfo;
  AccepterTgwInfo?: PeeringTgwInfo;
  Options?: TransitGatewayPeeringAttachmentOptions;
  Status?: PeeringAttachmentStatus;
  State?: TransitGatewayAttachmentState;
  CreationTime?: number;
  Tags?: Tag[];
}

export interface TransitGatewayPeeringAttachmentOptions {
  DynamicRouting?: DynamicRoutingValue;
}

export interface TransitGatewayPolicyRule {
  SourceCidrBlock?: string;
  SourcePortRange?: string;
  DestinationCidrBlock?: string;
  DestinationPortRange?: string;
  Protocol?: string;
  MetaData?: TransitGatewayPolicyRuleMetaData;
}

export interface TransitGatewayPolicyRuleMetaData {
  MetaDataKey?: string;
  MetaDataValue?: string;
}

export interface TransitGatewayPolicyTable {
  TransitGatewayPolicyTableId?: string;
  TransitGatewayId?: string;
  State?: TransitGatewayPolicyTableState;
  CreationTime?: number;
  Tags?: Tag[];
}

export interface TransitGatewayPolicyTableAssociation {
  TransitGatewayPolicyTableId?: string;
  TransitGatewayAttachmentId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  State?: TransitGatewayAssociationState;
}

export interface TransitGatewayPolicyTableEntry {
  PolicyRuleNumber?: string;
  PolicyRule?: TransitGatewayPolicyRule;
  TargetRouteTableId?: string;
}

export type TransitGatewayPolicyTableState = 'pending' | 'available' | 'deleting' | 'deleted';

export interface TransitGatewayPrefixListAttachment {
  TransitGatewayAttachmentId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  ResourceId?: string;
}

export interface TransitGatewayPrefixListReference {
  TransitGatewayRouteTableId?: string;
  PrefixListId?: string;
  PrefixListOwnerId?: string;
  State?: TransitGatewayPrefixListReferenceState;
  Blackhole?: boolean;
  TransitGatewayAttachment?: TransitGatewayPrefixListAttachment;
}

export type TransitGatewayPrefixListReferenceState = 'pending' | 'available' | 'modifying' | 'deleting';

export interface TransitGatewayPropagation {
  TransitGatewayAttachmentId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  TransitGatewayRouteTableId?: string;
  State?: TransitGatewayPropagationState;
  TransitGatewayRouteTableAnnouncementId?: string;
}

export type TransitGatewayPropagationState = 'enabling' | 'enabled' | 'disabling' | 'disabled';

export interface TransitGatewayRequestOptions {
  AmazonSideAsn?: number;
  AutoAcceptSharedAttachments?: AutoAcceptSharedAttachmentsValue;
  DefaultRouteTableAssociation?: DefaultRouteTableAssociationValue;
  DefaultRouteTablePropagation?: DefaultRouteTablePropagationValue;
  VpnEcmpSupport?: VpnEcmpSupportValue;
  DnsSupport?: DnsSupportValue;
  SecurityGroupReferencingSupport?: SecurityGroupReferencingSupportValue;
  MulticastSupport?: MulticastSupportValue;
  TransitGatewayCidrBlocks?: string[];
}

export interface TransitGatewayRoute {
  DestinationCidrBlock?: string;
  PrefixListId?: string;
  TransitGatewayRouteTableAnnouncementId?: string;
  TransitGatewayAttachments?: TransitGatewayRouteAttachment[];
  Type?: TransitGatewayRouteType;
  State?: TransitGatewayRouteState;
}

export interface TransitGatewayRouteAttachment {
  ResourceId?: string;
  TransitGatewayAttachmentId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
}

export type TransitGatewayRouteState = 'pending' | 'active' | 'blackhole' | 'deleting' | 'deleted';

export interface TransitGatewayRouteTable {
  TransitGatewayRouteTableId?: string;
  TransitGatewayId?: string;
  State?: TransitGatewayRouteTableState;
  DefaultAssociationRouteTable?: boolean;
  DefaultPropagationRouteTable?: boolean;
  CreationTime?: number;
  Tags?: Tag[];
}

export interface TransitGatewayRouteTableAnnouncement {
  TransitGatewayRouteTableAnnouncementId?: string;
  TransitGatewayId?: string;
  CoreNetworkId?: string;
  PeerTransitGatewayId?: string;
  PeerCoreNetworkId?: string;
  PeeringAttachmentId?: string;
  AnnouncementDirection?: TransitGatewayRouteTableAnnouncementDirection;
  TransitGatewayRouteTableId?: string;
  State?: TransitGatewayRouteTableAnnouncementState;
  CreationTime?: number;
  Tags?: Tag[];
}

export type TransitGatewayRouteTableAnnouncementDirection = 'outgoing' | 'incoming';

export type TransitGatewayRouteTableAnnouncementState = 'available' | 'pending' | 'failing' | 'failed' | 'deleting' | 'deleted';

export interface TransitGatewayRouteTableAssociation {
  TransitGatewayAttachmentId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  State?: TransitGatewayAssociationState;
}

export interface TransitGatewayRouteTablePropagation {
  TransitGatewayAttachmentId?: string;
  ResourceId?: string;
  ResourceType?: TransitGatewayAttachmentResourceType;
  State?: TransitGatewayPropagationState;
  TransitGatewayRouteTableAnnouncementId?: string;
}

export interface TransitGatewayRouteTableRoute {
  DestinationCidr?: string;
  State?: string;
  RouteOrigin?: string;
  PrefixListId?: string;
  AttachmentId?: string;
  ResourceId?: string;
  ResourceType?: string;
}

export type TransitGatewayRouteTableState = 'pending' | 'available' | 'deleting' | 'deleted';

export type TransitGatewayRouteType = 'static' | 'propagated';

export type TransitGatewayState = 'pending' | 'available' | 'modifying' | 'deleting' | 'deleted';

export interface TransitGatewayVpcAttachment {
  TransitGatewayAttachmentId?: string;
  TransitGatewayId?: string;
  VpcId?: string;
  VpcOwnerId?: string;
  State?: TransitGatewayAttachmentState;
  SubnetIds?: string[];
  CreationTime?: number;
  Options?: TransitGatewayVpcAttachmentOptions;
  Tags?: Tag[];
}

export interface TransitGatewayVpcAttachmentOptions {
  DnsSupport?: DnsSupportValue;
  SecurityGroupReferencingSupport?: SecurityGroupReferencingSupportValue;
  Ipv6Support?: Ipv6SupportValue;
  ApplianceModeSupport?: ApplianceModeSupportValue;
}

export type TransportProtocol = 'tcp' | 'udp';

export interface TrunkInterfaceAssociation {
  AssociationId?: string;
  BranchInterfaceId?: string;
  TrunkInterfaceId?: string;
  InterfaceProtocol?: InterfaceProtocolType;
  VlanId?: number;
  GreKey?: number;
  Tags?: Tag[];
}

export type TrustProviderType = 'user' | 'device';

export type TunnelInsideIpVersion = 'ipv4' | 'ipv6';

export interface TunnelOption {
  OutsideIpAddress?: string;
  TunnelInsideCidr?: string;
  TunnelInsideIpv6Cidr?: string;
  PreSharedKey?: string;
  Phase1LifetimeSeconds?: number;
  Phase2LifetimeSeconds?: number;
  RekeyMarginTimeSeconds?: number;
  RekeyFuzzPercentage?: number;
  ReplayWindowSize?: number;
  DpdTimeoutSeconds?: number;
  DpdTimeoutAction?: string;
  Phase1EncryptionAlgorithms?: Phase1EncryptionAlgorithmsListValue[];
  Phase2EncryptionAlgorithms?: Phase2EncryptionAlgorithmsListValue[];
  Phase1IntegrityAlgorithms?: Phase1IntegrityAlgorithmsListValue[];
  Phase2IntegrityAlgorithms?: Phase2IntegrityAlgorithmsListValue[];
  Phase1DHGroupNumbers?: Phase1DHGroupNumbersListValue[];
  Phase2DHGroupNumbers?: Phase2DHGroupNumbersListValue[];
  IkeVersions?: IKEVersionsListValue[];
  StartupAction?: string;
  LogOptions?: VpnTunnelLogOptions;
  EnableTunnelLifecycleControl?: boolean;
}

export interface UnassignIpv6AddressesRequest {
  Ipv6Prefixes?: string[];
  NetworkInterfaceId: string;
  Ipv6Addresses?: string[];
}

export interface UnassignIpv6AddressesResult {
  NetworkInterfaceId?: string;
  UnassignedIpv6Addresses?: string[];
  UnassignedIpv6Prefixes?: string[];
}

export interface UnassignPrivateIpAddressesRequest {
  Ipv4Prefixes?: string[];
  NetworkInterfaceId: string;
  PrivateIpAddresses?: string[];
}

export interface UnassignPrivateNatGatewayAddressRequest {
  NatGatewayId: string;
  PrivateIpAddresses: string[];
  MaxDrainDurationSeconds?: number;
  DryRun?: boolean;
}

export interface UnassignPrivateNatGatewayAddressResult {
  NatGatewayId?: string;
  NatGatewayAddresses?: NatGatewayAddress[];
}

export type UnlimitedSupportedInstanceFamily = 't2' | 't3' | 't3a' | 't4g';

export interface UnlockSnapshotRequest {
  SnapshotId: string;
  DryRun?: boolean;
}

export interface UnlockSnapshotResult {
  SnapshotId?: string;
}

export interface UnmonitorInstancesRequest {
  InstanceIds: string[];
  DryRun?: boolean;
}

export interface UnmonitorInstancesResult {
  InstanceMonitorings?: InstanceMonitoring[];
}

export type UnsuccessfulInstanceCreditSpecificationErrorCode = 'InvalidInstanceID.Malformed' | 'InvalidInstanceID.NotFound' | 'IncorrectInstanceState' | 'InstanceCreditSpecification.NotSupported';

export interface UnsuccessfulInstanceCreditSpecificationItem {
  InstanceId?: string;
  Error?: UnsuccessfulInstanceCreditSpecificationItemError;
}

export interface UnsuccessfulInstanceCreditSpecificationItemError {
  Code?: UnsuccessfulInstanceCreditSpecificationErrorCode;
  Message?: string;
}

export interface UnsuccessfulItem {
  Error?: UnsuccessfulItemError;
  ResourceId?: string;
}

export interface UnsuccessfulItemError {
  Code?: string;
  Message?: string;
}

export interface UpdateCapacityManagerMonitoredTagKeysRequest {
  ActivateTagKeys?: string[];
  DeactivateTagKeys?: string[];
  DryRun?: boolean;
  ClientToken?: string;
}

export interface UpdateCapacityManagerMonitoredTagKeysResult {
  CapacityManagerTagKeys?: CapacityManagerMonitoredTagKey[];
}

export interface UpdateCapacityManagerOrganizationsAccessRequest {
  OrganizationsAccess: boolean;
  DryRun?: boolean;
  ClientToken?: string;
}

export interface UpdateCapacityManagerOrganizationsAccessResult {
  CapacityManagerStatus?: CapacityManagerStatus;
  OrganizationsAccess?: boolean;
}

export interface UpdateInterruptibleCapacityReservationAllocationRequest {
  CapacityReservationId: string;
  TargetInstanceCount: number;
  DryRun?: boolean;
}

export interface UpdateInterruptibleCapacityReservationAllocationResult {
  InterruptibleCapacityReservationId?: string;
  SourceCapacityReservationId?: string;
  InstanceCount?: number;
  TargetInstanceCount?: number;
  Status?: InterruptibleCapacityReservationAllocationStatus;
  InterruptionType?: InterruptionType;
}

export interface UpdateSecurityGroupRuleDescriptionsEgressRequest {
  DryRun?: boolean;
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermission[];
  SecurityGroupRuleDescriptions?: SecurityGroupRuleDescription[];
}

export interface UpdateSecurityGroupRuleDescriptionsEgressResult {
  Return?: boolean;
}

export interface UpdateSecurityGroupRuleDescriptionsIngressRequest {
  DryRun?: boolean;
  GroupId?: string;
  GroupName?: string;
  IpPermissions?: IpPermission[];
  SecurityGroupRuleDescriptions?: SecurityGroupRuleDescription[];
}

export interface UpdateSecurityGroupRuleDescriptionsIngressResult {
  Return?: boolean;
}

export type UsageClassType = 'spot' | 'on-demand' | 'capacity-block';

export interface UserBucket {
  S3Bucket?: string;
  S3Key?: string;
}

export interface UserBucketDetails {
  S3Bucket?: string;
  S3Key?: string;
}

export interface UserData {
  Data?: string;
}

export interface UserIdGroupPair {
  Description?: string;
  UserId?: string;
  GroupName?: string;
  GroupId?: string;
  VpcId?: string;
  VpcPeeringConnectionId?: string;
  PeeringStatus?: string;
}

export type UserTrustProviderType = 'iam-identity-center' | 'oidc';

export interface VCpuCountRange {
  Min?: number;
  Max?: number;
}

export interface VCpuCountRangeRequest {
  Min: number;
  Max?: number;
}

export interface VCpuInfo {
  DefaultVCpus?: number;
  DefaultCores?: number;
  DefaultThreadsPerCore?: number;
  ValidCores?: number[];
  ValidThreadsPerCore?: number[];
}

export interface ValidationError {
  Code?: string;
  Message?: string;
}

export interface ValidationWarning {
  Errors?: ValidationError[];
}

export type VerificationMethod = 'remarks-x509' | 'dns-token';

export interface VerifiedAccessEndpoint {
  VerifiedAccessInstanceId?: string;
  VerifiedAccessGroupId?: string;
  VerifiedAccessEndpointId?: string;
  ApplicationDomain?: string;
  EndpointType?: VerifiedAccessEndpointType;
  AttachmentType?: VerifiedAccessEndpointAttachmentType;
  DomainCertificateArn?: string;
  EndpointDomain?: string;
  DeviceValidationDomain?: string;
  SecurityGroupIds?: string[];
  LoadBalancerOptions?: VerifiedAccessEndpointLoadBalancerOptions;
  NetworkInterfaceOptions?: VerifiedAccessEndpointEniOptions;
  Status?: VerifiedAccessEndpointStatus;
  Description?: string;
  CreationTime?: string;
  LastUpdatedTime?: string;
  DeletionTime?: string;
  Tags?: Tag[];
  SseSpecification?: VerifiedAccessSseSpecificationResponse;
  RdsOptions?: VerifiedAccessEndpointRdsOptions;
  CidrOptions?: VerifiedAccessEndpointCidrOptions;
}

export type VerifiedAccessEndpointAttachmentType = 'vpc';

export interface VerifiedAccessEndpointCidrOptions {
  Cidr?: string;
  PortRanges?: VerifiedAccessEndpointPortRange[];
  Protocol?: VerifiedAccessEndpointProtocol;
  SubnetIds?: string[];
}

export interface VerifiedAccessEndpointEniOptions {
  NetworkInterfaceId?: string;
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  PortRanges?: VerifiedAccessEndpointPortRange[];
}

export interface VerifiedAccessEndpointLoadBalancerOptions {
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  LoadBalancerArn?: string;
  SubnetIds?: string[];
  PortRanges?: VerifiedAccessEndpointPortRange[];
}

export interface VerifiedAccessEndpointPortRange {
  FromPort?: number;
  ToPort?: number;
}

export type VerifiedAccessEndpointProtocol = 'http' | 'https' | 'tcp';

export interface VerifiedAccessEndpointRdsOptions {
  Protocol?: VerifiedAccessEndpointProtocol;
  Port?: number;
  RdsDbInstanceArn?: string;
  RdsDbClusterArn?: string;
  RdsDbProxyArn?: string;
  RdsEndpoint?: string;
  SubnetIds?: string[];
}

export interface VerifiedAccessEndpointStatus {
  Code?: VerifiedAccessEndpointStatusCode;
  Message?: string;
}

export type VerifiedAccessEndpointStatusCode = 'pending' | 'active' | 'updating' | 'deleting' | 'deleted';

export interface VerifiedAccessEndpointTarget {
  VerifiedAccessEndpointId?: string;
  VerifiedAccessEndpointTargetIpAddress?: string;
  VerifiedAccessEndpointTargetDns?: string;
}

export type VerifiedAccessEndpointType = 'load-balancer' | 'network-interface' | 'rds' | 'cidr';

export interface VerifiedAccessGroup {
  VerifiedAccessGroupId?: string;
  VerifiedAccessInstanceId?: string;
  Description?: string;
  Owner?: string;
  VerifiedAccessGroupArn?: string;
  CreationTime?: string;
  LastUpdatedTime?: string;
  DeletionTime?: string;
  Tags?: Tag[];
  SseSpecification?: VerifiedAccessSseSpecificationResponse;
}

export interface VerifiedAccessInstance {
  VerifiedAccessInstanceId?: string;
  Description?: string;
  VerifiedAccessTrustProviders?: VerifiedAccessTrustProviderCondensed[];
  CreationTime?: string;
  LastUpdatedTime?: string;
  Tags?: Tag[];
  FipsEnabled?: boolean;
  CidrEndpointsCustomSubDomain?: VerifiedAccessInstanceCustomSubDomain;
}

export interface VerifiedAccessInstanceCustomSubDomain {
  SubDomain?: string;
  Nameservers?: string[];
}

export interface VerifiedAccessInstanceLoggingConfiguration {
  VerifiedAccessInstanceId?: string;
  AccessLogs?: VerifiedAccessLogs;
}

export interface VerifiedAccessInstanceOpenVpnClientConfiguration {
  Config?: string;
  Routes?: VerifiedAccessInstanceOpenVpnClientConfigurationRoute[];
}

export interface VerifiedAccessInstanceOpenVpnClientConfigurationRoute {
  Cidr?: string;
}

export interface VerifiedAccessInstanceUserTrustProviderClientConfiguration {
  Type?: UserTrustProviderType;
  Scopes?: string;
  Issuer?: string;
  AuthorizationEndpoint?: string;
  PublicSigningKeyEndpoint?: string;
  TokenEndpoint?: string;
  UserInfoEndpoint?: string;
  ClientId?: string;
  ClientSecret?: string;
  PkceEnabled?: boolean;
}

export interface VerifiedAccessLogCloudWatchLogsDestination {
  Enabled?: boolean;
  DeliveryStatus?: VerifiedAccessLogDeliveryStatus;
  LogGroup?: string;
}

export interface VerifiedAccessLogCloudWatchLogsDestinationOptions {
  Enabled: boolean;
  LogGroup?: string;
}

export interface VerifiedAccessLogDeliveryStatus {
  Code?: VerifiedAccessLogDeliveryStatusCode;
  Message?: string;
}

export type VerifiedAccessLogDeliveryStatusCode = 'success' | 'failed';

export interface VerifiedAccessLogKinesisDataFirehoseDestination {
  Enabled?: boolean;
  DeliveryStatus?: VerifiedAccessLogDeliveryStatus;
  DeliveryStream?: string;
}

export interface VerifiedAccessLogKinesisDataFirehoseDestinationOptions {
  Enabled: boolean;
  DeliveryStream?: string;
}

export interface VerifiedAccessLogOptions {
  S3?: VerifiedAccessLogS3DestinationOptions;
  CloudWatchLogs?: VerifiedAccessLogCloudWatchLogsDestinationOptions;
  KinesisDataFirehose?: VerifiedAccessLogKinesisDataFirehoseDestinationOptions;
  LogVersion?: string;
  IncludeTrustContext?: boolean;
}

export interface VerifiedAccessLogS3Destination {
  Enabled?: boolean;
  DeliveryStatus?: VerifiedAccessLogDeliveryStatus;
  BucketName?: string;
  Prefix?: string;
  BucketOwner?: string;
}

export interface VerifiedAccessLogS3DestinationOptions {
  Enabled: boolean;
  BucketName?: string;
  Prefix?: string;
  BucketOwner?: string;
}

export interface VerifiedAccessLogs {
  S3?: VerifiedAccessLogS3Destination;
  CloudWatchLogs?: VerifiedAccessLogCloudWatchLogsDestination;
  KinesisDataFirehose?: VerifiedAccessLogKinesisDataFirehoseDestination;
  LogVersion?: string;
  IncludeTrustContext?: boolean;
}

export interface VerifiedAccessSseSpecificationRequest {
  CustomerManagedKeyEnabled?: boolean;
  KmsKeyArn?: string;
}

export interface VerifiedAccessSseSpecificationResponse {
  CustomerManagedKeyEnabled?: boolean;
  KmsKeyArn?: string;
}

export interface VerifiedAccessTrustProvider {
  VerifiedAccessTrustProviderId?: string;
  Description?: string;
  TrustProviderType?: TrustProviderType;
  UserTrustProviderType?: UserTrustProviderType;
  DeviceTrustProviderType?: DeviceTrustProviderType;
  OidcOptions?: OidcOptions;
  DeviceOptions?: DeviceOptions;
  PolicyReferenceName?: string;
  CreationTime?: string;
  LastUpdatedTime?: string;
  Tags?: Tag[];
  SseSpecification?: VerifiedAccessSseSpecificationResponse;
  NativeApplicationOidcOptions?: NativeApplicationOidcOptions;
}

export interface VerifiedAccessTrustProviderCondensed {
  VerifiedAccessTrustProviderId?: string;
  Description?: string;
  TrustProviderType?: TrustProviderType;
  UserTrustProviderType?: UserTrustProviderType;
  DeviceTrustProviderType?: DeviceTrustProviderType;
}

export interface VgwTelemetry {
  AcceptedRouteCount?: number;
  LastStatusChange?: number;
  OutsideIpAddress?: string;
  Status?: TelemetryStatus;
  StatusMessage?: string;
  CertificateArn?: string;
}

export type VirtualizationType = 'hvm' | 'paravirtual';

export interface Volume {
  AvailabilityZoneId?: string;
  OutpostArn?: string;
  SourceVolumeId?: string;
  Iops?: number;
  Tags?: Tag[];
  VolumeType?: VolumeType;
  FastRestored?: boolean;
  MultiAttachEnabled?: boolean;
  Throughput?: number;
  SseType?: SSEType;
  Operator?: OperatorResponse;
  VolumeInitializationRate?: number;
  VolumeId?: string;
  Size?: number;
  SnapshotId?: string;
  AvailabilityZone?: string;
  State?: VolumeState;
  CreateTime?: number;
  Attachments?: VolumeAttachment[];
  Encrypted?: boolean;
  KmsKeyId?: string;
}

export interface VolumeAttachment {
  DeleteOnTermination?: boolean;
  AssociatedResource?: string;
  InstanceOwningService?: string;
  EbsCardIndex?: number;
  VolumeId?: string;
  InstanceId?: string;
  Device?: string;
  State?: VolumeAttachmentState;
  AttachTime?: number;
}

export type VolumeAttachmentState = 'attaching' | 'attached' | 'detaching' | 'detached' | 'busy';

export type VolumeAttributeName = 'autoEnableIO' | 'productCodes';

export interface VolumeDetail {
  Size: number;
}

export interface VolumeModification {
  VolumeId?: string;
  ModificationState?: VolumeModificationState;
  StatusMessage?: string;
  TargetSize?: number;
  TargetIops?: number;
  TargetVolumeType?: VolumeType;
  TargetThroughput?: number;
  TargetMultiAttachEnabled?: boolean;
  OriginalSize?: number;
  OriginalIops?: number;
  OriginalVolumeType?: VolumeType;
  OriginalThroughput?: number;
  OriginalMultiAttachEnabled?: boolean;
  Progress?: number;
  StartTime?: number;
  EndTime?: number;
  Operator?: OperatorResponse;
}

export type VolumeModificationState = 'modifying' | 'optimizing' | 'completed' | 'failed';

export interface VolumeRecycleBinInfo {
  VolumeId?: string;
  VolumeType?: VolumeType;
  State?: VolumeState;
  Size?: number;
  Iops?: number;
  Throughput?: number;
  OutpostArn?: string;
  AvailabilityZone?: string;
  AvailabilityZoneId?: string;
  SourceVolumeId?: string;
  SnapshotId?: string;
  Operator?: OperatorResponse;
  CreateTime?: number;
  RecycleBinEnterTime?: number;
  RecycleBinExitTime?: number;
}

export type VolumeState = 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';

export interface VolumeStatusAction {
  Code?: string;
  Description?: string;
  EventId?: string;
  EventType?: string;
}

export interface VolumeStatusAttachmentStatus {
  IoPerformance?: string;
  InstanceId?: string;
}

export interface VolumeStatusDetails {
  Name?: VolumeStatusName;
  Status?: string;
}

export interface VolumeStatusEvent {
  Description?: string;
  EventId?: string;
  EventType?: string;
  NotAfter?: number;
  NotBefore?: number;
  InstanceId?: string;
}

export interface VolumeStatusInfo {
  Details?: VolumeStatusDetails[];
  Status?: VolumeStatusInfoStatus;
}

export type VolumeStatusInfoStatus = 'ok' | 'impaired' | 'insufficient-data' | 'warning';

export interface VolumeStatusItem {
  Actions?: VolumeStatusAction[];
  AvailabilityZone?: string;
  OutpostArn?: string;
  Events?: VolumeStatusEvent[];
  VolumeId?: string;
  VolumeStatus?: VolumeStatusInfo;
  AttachmentStatuses?: VolumeStatusAttachmentStatus[];
  InitializationStatusDetails?: InitializationStatusDetails;
  AvailabilityZoneId?: string;
  Operator?: OperatorResponse;
}

export type VolumeStatusName = 'io-enabled' | 'io-performance' | 'initialization-state';

export type VolumeType = 'standard' | 'io1' | 'io2' | 'gp2' | 'sc1' | 'st1' | 'gp3';

export interface Vpc {
  OwnerId?: string;
  InstanceTenancy?: Tenancy;
  Ipv6CidrBlockAssociationSet?: VpcIpv6CidrBlockAssociation[];
  CidrBlockAssociationSet?: VpcCidrBlockAssociation[];
  IsDefault?: boolean;
  EncryptionControl?: VpcEncryptionControl;
  Tags?: Tag[];
  BlockPublicAccessStates?: BlockPublicAccessStates;
  VpcId?: string;
  State?: VpcState;
  CidrBlock?: string;
  DhcpOptionsId?: string;
}

export interface VpcAttachment {
  VpcId?: string;
  State?: AttachmentStatus;
}

export type VpcAttributeName = 'enableDnsSupport' | 'enableDnsHostnames' | 'enableNetworkAddressUsageMetrics';

export interface VpcBlockPublicAccessExclusion {
  ExclusionId?: string;
  InternetGatewayExclusionMode?: InternetGatewayExclusionMode;
  ResourceArn?: string;
  State?: VpcBlockPublicAccessExclusionState;
  Reason?: string;
  CreationTimestamp?: number;
  LastUpdateTimestamp?: number;
  DeletionTimestamp?: number;
  Tags?: Tag[];
}

export type VpcBlockPublicAccessExclusionState = 'create-in-progress' | 'create-complete' | 'create-failed' | 'update-in-progress' | 'update-complete' | 'update-failed' | 'delete-in-progress' | 'delete-complete' | 'disable-in-progress' | 'disable-complete';

export type VpcBlockPublicAccessExclusionsAllowed = 'allowed' | 'not-allowed';

export interface VpcBlockPublicAccessOptions {
  AwsAccountId?: string;
  AwsRegion?: string;
  State?: VpcBlockPublicAccessState;
  InternetGatewayBlockMode?: InternetGatewayBlockMode;
  Reason?: string;
  LastUpdateTimestamp?: number;
  ManagedBy?: ManagedBy;
  ExclusionsAllowed?: VpcBlockPublicAccessExclusionsAllowed;
}

export type VpcBlockPublicAccessState = 'default-state' | 'update-in-progress' | 'update-complete';

export interface VpcCidrBlockAssociation {
  AssociationId?: string;
  CidrBlock?: string;
  CidrBlockState?: VpcCidrBlockState;
}

export interface VpcCidrBlockState {
  State?: VpcCidrBlockStateCode;
  StatusMessage?: string;
}

export type VpcCidrBlockStateCode = 'associating' | 'associated' | 'disassociating' | 'disassociated' | 'failing' | 'failed';

export interface VpcClassicLink {
  ClassicLinkEnabled?: boolean;
  Tags?: Tag[];
  VpcId?: string;
}

export interface VpcEncryptionControl {
  VpcId?: string;
  VpcEncryptionControlId?: string;
  Mode?: VpcEncryptionControlMode;
  State?: VpcEncryptionControlState;
  StateMessage?: string;
  ResourceExclusions?: VpcEncryptionControlExclusions;
  Tags?: Tag[];
}

export interface VpcEncryptionControlConfiguration {
  Mode: VpcEncryptionControlMode;
  InternetGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  EgressOnlyInternetGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  NatGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  VirtualPrivateGatewayExclusion?: VpcEncryptionControlExclusionStateInput;
  VpcPeeringExclusion?: VpcEncryptionControlExclusionStateInput;
  LambdaExclusion?: VpcEncryptionControlExclusionStateInput;
  VpcLatticeExclusion?: VpcEncryptionControlExclusionStateInput;
  ElasticFileSystemExclusion?: VpcEncryptionControlExclusionStateInput;
}

export interface VpcEncryptionControlExclusion {
  State?: VpcEncryptionControlExclusionState;
  StateMessage?: string;
}

export type VpcEncryptionControlExclusionState = 'enabling' | 'enabled' | 'disabling' | 'disabled';

export type VpcEncryptionControlExclusionStateInput = 'enable' | 'disable';

export interface VpcEncryptionControlExclusions {
  InternetGateway?: VpcEncryptionControlExclusion;
  EgressOnlyInternetGateway?: VpcEncryptionControlExclusion;
  NatGateway?: VpcEncryptionControlExclusion;
  VirtualPrivateGateway?: VpcEncryptionControlExclusion;
  VpcPeering?: VpcEncryptionControlExclusion;
  Lambda?: VpcEncryptionControlExclusion;
  VpcLattice?: VpcEncryptionControlExclusion;
  ElasticFileSystem?: VpcEncryptionControlExclusion;
}

export type VpcEncryptionControlMode = 'monitor' | 'enforce';

export type VpcEncryptionControlState = 'enforce-in-progress' | 'monitor-in-progress' | 'enforce-failed' | 'monitor-failed' | 'deleting' | 'deleted' | 'available' | 'creating' | 'delete-failed';

export interface VpcEncryptionNonCompliantResource {
  Id?: string;
  Type?: string;
  Description?: string;
  IsExcludable?: boolean;
}

export interface VpcEndpoint {
  VpcEndpointId?: string;
  VpcEndpointType?: VpcEndpointType;
  VpcId?: string;
  ServiceName?: string;
  State?: State;
  PolicyDocument?: string;
  RouteTableIds?: string[];
  SubnetIds?: string[];
  Groups?: SecurityGroupIdentifier[];
  IpAddressType?: IpAddressType;
  DnsOptions?: DnsOptions;
  PrivateDnsEnabled?: boolean;
  RequesterManaged?: boolean;
  NetworkInterfaceIds?: string[];
  DnsEntries?: DnsEntry[];
  CreationTimestamp?: number;
  Tags?: Tag[];
  OwnerId?: string;
  LastError?: LastError;
  Ipv4Prefixes?: SubnetIpPrefixes[];
  Ipv6Prefixes?: SubnetIpPrefixes[];
  FailureReason?: string;
  ServiceNetworkArn?: string;
  ResourceConfigurationArn?: string;
  ServiceRegion?: string;
}

export interface VpcEndpointAssociation {
  Id?: string;
  VpcEndpointId?: string;
  ServiceNetworkArn?: string;
  ServiceNetworkName?: string;
  AssociatedResourceAccessibility?: string;
  FailureReason?: string;
  FailureCode?: string;
  DnsEntry?: DnsEntry;
  PrivateDnsEntry?: DnsEntry;
  AssociatedResourceArn?: string;
  ResourceConfigurationGroupArn?: string;
  Tags?: Tag[];
}

export interface VpcEndpointConnection {
  ServiceId?: string;
  VpcEndpointId?: string;
  VpcEndpointOwner?: string;
  VpcEndpointState?: State;
  CreationTimestamp?: number;
  DnsEntries?: DnsEntry[];
  NetworkLoadBalancerArns?: string[];
  GatewayLoadBalancerArns?: string[];
  IpAddressType?: IpAddressType;
  VpcEndpointConnectionId?: string;
  Tags?: Tag[];
  VpcEndpointRegion?: string;
}

export type VpcEndpointType = 'Interface' | 'Gateway' | 'GatewayLoadBalancer' | 'Resource' | 'ServiceNetwork';

export interface VpcIpv6CidrBlockAssociation {
  AssociationId?: string;
  Ipv6CidrBlock?: string;
  Ipv6CidrBlockState?: VpcCidrBlockState;
  NetworkBorderGroup?: string;
  Ipv6Pool?: string;
  Ipv6AddressAttribute?: Ipv6AddressAttribute;
  IpSource?: IpSource;
}

export interface VpcPeeringConnection {
  AccepterVpcInfo?: VpcPeeringConnectionVpcInfo;
  ExpirationTime?: number;
  RequesterVpcInfo?: VpcPeeringConnectionVpcInfo;
  Status?: VpcPeeringConnectionStateReason;
  Tags?: Tag[];
  VpcPeeringConnectionId?: string;
}

export interface VpcPeeringConnectionOptionsDescription {
  AllowDnsResolutionFromRemoteVpc?: boolean;
  AllowEgressFromLocalClassicLinkToRemoteVpc?: boolean;
  AllowEgressFromLocalVpcToRemoteClassicLink?: boolean;
}

export interface VpcPeeringConnectionStateReason {
  Code?: VpcPeeringConnectionStateReasonCode;
  Message?: string;
}

export type VpcPeeringConnectionStateReasonCode = 'initiating-request' | 'pending-acceptance' | 'active' | 'deleted' | 'rejected' | 'failed' | 'expired' | 'provisioning' | 'deleting';

export interface VpcPeeringConnectionVpcInfo {
  CidrBlock?: string;
  Ipv6CidrBlockSet?: Ipv6CidrBlock[];
  CidrBlockSet?: CidrBlock[];
  OwnerId?: string;
  PeeringOptions?: VpcPeeringConnectionOptionsDescription;
  VpcId?: string;
  Region?: string;
}

export type VpcState = 'pending' | 'available';

export type VpcTenancy = 'default';

export interface VpnConcentrator {
  VpnConcentratorId?: string;
  State?: string;
  TransitGatewayId?: string;
  TransitGatewayAttachmentId?: string;
  Type?: string;
  Tags?: Tag[];
}

export type VpnConcentratorType = 'ipsec.1';

export interface VpnConnection {
  Category?: string;
  TransitGatewayId?: string;
  VpnConcentratorId?: string;
  CoreNetworkArn?: string;
  CoreNetworkAttachmentArn?: string;
  GatewayAssociationState?: GatewayAssociationState;
  Options?: VpnConnectionOptions;
  Routes?: VpnStaticRoute[];
  Tags?: Tag[];
  VgwTelemetry?: VgwTelemetry[];
  PreSharedKeyArn?: string;
  VpnConnectionId?: string;
  State?: VpnState;
  CustomerGatewayConfiguration?: string;
  Type?: GatewayType;
  CustomerGatewayId?: string;
  VpnGatewayId?: string;
}

export interface VpnConnectionDeviceType {
  VpnConnectionDeviceTypeId?: string;
  Vendor?: string;
  Platform?: string;
  Software?: string;
}

export interface VpnConnectionOptions {
  EnableAcceleration?: boolean;
  StaticRoutesOnly?: boolean;
  LocalIpv4NetworkCidr?: string;
  RemoteIpv4NetworkCidr?: string;
  LocalIpv6NetworkCidr?: string;
  RemoteIpv6NetworkCidr?: string;
  OutsideIpAddressType?: string;
  TransportTransitGatewayAttachmentId?: string;
  TunnelInsideIpVersion?: TunnelInsideIpVersion;
  TunnelOptions?: TunnelOption[];
  TunnelBandwidth?: VpnTunnelBandwidth;
}

export interface VpnConnectionOptionsSpecification {
  EnableAcceleration?: boolean;
  TunnelInsideIpVersion?: TunnelInsideIpVersion;
  TunnelOptions?: VpnTunnelOptionsSpecification[];
  LocalIpv4NetworkCidr?: string;
  RemoteIpv4NetworkCidr?: string;
  LocalIpv6NetworkCidr?: string;
  RemoteIpv6NetworkCidr?: string;
  OutsideIpAddressType?: string;
  TransportTransitGatewayAttachmentId?: string;
  TunnelBandwidth?: VpnTunnelBandwidth;
  StaticRoutesOnly?: boolean;
}

export type VpnEcmpSupportValue = 'enable' | 'disable';

export interface VpnGateway {
  AmazonSideAsn?: number;
  Tags?: Tag[];
  VpnGatewayId?: string;
  State?: VpnState;
  Type?: GatewayType;
  AvailabilityZone?: string;
  VpcAttachments?: VpcAttachment[];
}

export type VpnProtocol = 'openvpn';

export type VpnState = 'pending' | 'available' | 'deleting' | 'deleted';

export interface VpnStaticRoute {
  DestinationCidrBlock?: string;
  Source?: VpnStaticRouteSource;
  State?: VpnState;
}

export type VpnStaticRouteSource = 'Static';

export type VpnTunnelBandwidth = 'standard' | 'large';

export interface VpnTunnelLogOptions {
  CloudWatchLogOptions?: CloudWatchLogOptions;
}

export interface VpnTunnelLogOptionsSpecification {
  CloudWatchLogOptions?: CloudWatchLogOptionsSpecification;
}

export interface VpnTunnelOptionsSpecification {
  TunnelInsideCidr?: string;
  TunnelInsideIpv6Cidr?: string;
  PreSharedKey?: string;
  Phase1LifetimeSeconds?: number;
  Phase2LifetimeSeconds?: number;
  RekeyMarginTimeSeconds?: number;
  RekeyFuzzPercentage?: number;
  ReplayWindowSize?: number;
  DPDTimeoutSeconds?: number;
  DPDTimeoutAction?: string;
  Phase1EncryptionAlgorithms?: Phase1EncryptionAlgorithmsRequestListValue[];
  Phase2EncryptionAlgorithms?: Phase2EncryptionAlgorithmsRequestListValue[];
  Phase1IntegrityAlgorithms?: Phase1IntegrityAlgorithmsRequestListValue[];
  Phase2IntegrityAlgorithms?: Phase2IntegrityAlgorithmsRequestListValue[];
  Phase1DHGroupNumbers?: Phase1DHGroupNumbersRequestListValue[];
  Phase2DHGroupNumbers?: Phase2DHGroupNumbersRequestListValue[];
  IKEVersions?: IKEVersionsRequestListValue[];
  StartupAction?: string;
  LogOptions?: VpnTunnelLogOptionsSpecification;
  EnableTunnelLifecycleControl?: boolean;
}

export type VpnTunnelProvisioningStatus = 'available' | 'pending' | 'failed';

export type WeekDay = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

export interface WithdrawByoipCidrRequest {
  Cidr: string;
  DryRun?: boolean;
}

export interface WithdrawByoipCidrResult {
  ByoipCidr?: ByoipCidr;
}

export type scope = 'Availability Zone' | 'Region';

export interface Ec2Operations {
  AcceptAddressTransfer: { input: AcceptAddressTransferRequest; output: AcceptAddressTransferResult };
  AcceptCapacityReservationBillingOwnership: { input: AcceptCapacityReservationBillingOwnershipRequest; output: AcceptCapacityReservationBillingOwnershipResult };
  AcceptReservedInstancesExchangeQuote: { input: AcceptReservedInstancesExchangeQuoteRequest; output: AcceptReservedInstancesExchangeQuoteResult };
  AcceptTransitGatewayClientVpnAttachment: { input: AcceptTransitGatewayClientVpnAttachmentRequest; output: AcceptTransitGatewayClientVpnAttachmentResult };
  AcceptTransitGatewayMulticastDomainAssociations: { input: AcceptTransitGatewayMulticastDomainAssociationsRequest; output: AcceptTransitGatewayMulticastDomainAssociationsResult };
  AcceptTransitGatewayPeeringAttachment: { input: AcceptTransitGatewayPeeringAttachmentRequest; output: AcceptTransitGatewayPeeringAttachmentResult };
  AcceptTransitGatewayVpcAttachment: { input: AcceptTransitGatewayVpcAttachmentRequest; output: AcceptTransitGatewayVpcAttachmentResult };
  AcceptVpcEndpointConnections: { input: AcceptVpcEndpointConnectionsRequest; output: AcceptVpcEndpointConnectionsResult };
  AcceptVpcPeeringConnection: { input: AcceptVpcPeeringConnectionRequest; output: AcceptVpcPeeringConnectionResult };
  AdvertiseByoipCidr: { input: AdvertiseByoipCidrRequest; output: AdvertiseByoipCidrResult };
  AllocateAddress: { input: AllocateAddressRequest; output: AllocateAddressResult };
  AllocateHosts: { input: AllocateHostsRequest; output: AllocateHostsResult };
  AllocateIpamPoolCidr: { input: AllocateIpamPoolCidrRequest; output: AllocateIpamPoolCidrResult };
  ApplySecurityGroupsToClientVpnTargetNetwork: { input: ApplySecurityGroupsToClientVpnTargetNetworkRequest; output: ApplySecurityGroupsToClientVpnTargetNetworkResult };
  AssignIpv6Addresses: { input: AssignIpv6AddressesRequest; output: AssignIpv6AddressesResult };
  AssignPrivateIpAddresses: { input: AssignPrivateIpAddressesRequest; output: AssignPrivateIpAddressesResult };
  AssignPrivateNatGatewayAddress: { input: AssignPrivateNatGatewayAddressRequest; output: AssignPrivateNatGatewayAddressResult };
  AssociateAddress: { input: AssociateAddressRequest; output: AssociateAddressResult };
  AssociateCapacityReservationBillingOwner: { input: AssociateCapacityReservationBillingOwnerRequest; output: AssociateCapacityReservationBillingOwnerResult };
  AssociateClientVpnTargetNetwork: { input: AssociateClientVpnTargetNetworkRequest; output: AssociateClientVpnTargetNetworkResult };
  AssociateDhcpOptions: { input: AssociateDhcpOptionsRequest; output: Empty };
  AssociateEnclaveCertificateIamRole: { input: AssociateEnclaveCertificateIamRoleRequest; output: AssociateEnclaveCertificateIamRoleResult };
  AssociateIamInstanceProfile: { input: AssociateIamInstanceProfileRequest; output: AssociateIamInstanceProfileResult };
  AssociateInstanceEventWindow: { input: AssociateInstanceEventWindowRequest; output: AssociateInstanceEventWindowResult };
  AssociateIpamByoasn: { input: AssociateIpamByoasnRequest; output: AssociateIpamByoasnResult };
  AssociateIpamResourceDiscovery: { input: AssociateIpamResourceDiscoveryRequest; output: AssociateIpamResourceDiscoveryResult };
  AssociateNatGatewayAddress: { input: AssociateNatGatewayAddressRequest; output: AssociateNatGatewayAddressResult };
  AssociateRouteServer: { input: AssociateRouteServerRequest; output: AssociateRouteServerResult };
  AssociateRouteTable: { input: AssociateRouteTableRequest; output: AssociateRouteTableResult };
  AssociateSecurityGroupVpc: { input: AssociateSecurityGroupVpcRequest; output: AssociateSecurityGroupVpcResult };
  AssociateSubnetCidrBlock: { input: AssociateSubnetCidrBlockRequest; output: AssociateSubnetCidrBlockResult };
  AssociateTransitGatewayMulticastDomain: { input: AssociateTransitGatewayMulticastDomainRequest; output: AssociateTransitGatewayMulticastDomainResult };
  AssociateTransitGatewayPolicyTable: { input: AssociateTransitGatewayPolicyTableRequest; output: AssociateTransitGatewayPolicyTableResult };
  AssociateTransitGatewayRouteTable: { input: AssociateTransitGatewayRouteTableRequest; output: AssociateTransitGatewayRouteTableResult };
  AssociateTrunkInterface: { input: AssociateTrunkInterfaceRequest; output: AssociateTrunkInterfaceResult };
  AssociateVpcCidrBlock: { input: AssociateVpcCidrBlockRequest; output: AssociateVpcCidrBlockResult };
  AttachClassicLinkVpc: { input: AttachClassicLinkVpcRequest; output: AttachClassicLinkVpcResult };
  AttachInternetGateway: { input: AttachInternetGatewayRequest; output: Empty };
  AttachNetworkInterface: { input: AttachNetworkInterfaceRequest; output: AttachNetworkInterfaceResult };
  AttachVerifiedAccessTrustProvider: { input: AttachVerifiedAccessTrustProviderRequest; output: AttachVerifiedAccessTrustProviderResult };
  AttachVolume: { input: AttachVolumeRequest; output: VolumeAttachment };
  AttachVpnGateway: { input: AttachVpnGatewayRequest; output: AttachVpnGatewayResult };
  AuthorizeClientVpnIngress: { input: AuthorizeClientVpnIngressRequest; output: AuthorizeClientVpnIngressResult };
  AuthorizeSecurityGroupEgress: { input: AuthorizeSecurityGroupEgressRequest; output: AuthorizeSecurityGroupEgressResult };
  AuthorizeSecurityGroupIngress: { input: AuthorizeSecurityGroupIngressRequest; output: AuthorizeSecurityGroupIngressResult };
  BundleInstance: { input: BundleInstanceRequest; output: BundleInstanceResult };
  CancelBundleTask: { input: CancelBundleTaskRequest; output: CancelBundleTaskResult };
  CancelCapacityReservation: { input: CancelCapacityReservationRequest; output: CancelCapacityReservationResult };
  CancelCapacityReservationFleets: { input: CancelCapacityReservationFleetsRequest; output: CancelCapacityReservationFleetsResult };
  CancelConversionTask: { input: CancelConversionRequest; output: Empty };
  CancelDeclarativePoliciesReport: { input: CancelDeclarativePoliciesReportRequest; output: CancelDeclarativePoliciesReportResult };
  CancelExportTask: { input: CancelExportTaskRequest; output: Empty };
  CancelImageLaunchPermission: { input: CancelImageLaunchPermissionRequest; output: CancelImageLaunchPermissionResult };
  CancelImportTask: { input: CancelImportTaskRequest; output: CancelImportTaskResult };
  CancelReservedInstancesListing: { input: CancelReservedInstancesListingRequest; output: CancelReservedInstancesListingResult };
  CancelSpotFleetRequests: { input: CancelSpotFleetRequestsRequest; output: CancelSpotFleetRequestsResponse };
  CancelSpotInstanceRequests: { input: CancelSpotInstanceRequestsRequest; output: CancelSpotInstanceRequestsResult };
  ConfirmProductInstance: { input: ConfirmProductInstanceRequest; output: ConfirmProductInstanceResult };
  CopyFpgaImage: { input: CopyFpgaImageRequest; output: CopyFpgaImageResult };
  CopyImage: { input: CopyImageRequest; output: CopyImageResult };
  CopySnapshot: { input: CopySnapshotRequest; output: CopySnapshotResult };
  CopyVolumes: { input: CopyVolumesRequest; output: CopyVolumesResult };
  CreateCapacityManagerDataExport: { input: CreateCapacityManagerDataExportRequest; output: CreateCapacityManagerDataExportResult };
  CreateCapacityReservation: { input: CreateCapacityReservationRequest; output: CreateCapacityReservationResult };
  CreateCapacityReservationBySplitting: { input: CreateCapacityReservationBySplittingRequest; output: CreateCapacityReservationBySplittingResult };
  CreateCapacityReservationFleet: { input: CreateCapacityReservationFleetRequest; output: CreateCapacityReservationFleetResult };
  CreateCarrierGateway: { input: CreateCarrierGatewayRequest; output: CreateCarrierGatewayResult };
  CreateClientVpnEndpoint: { input: CreateClientVpnEndpointRequest; output: CreateClientVpnEndpointResult };
  CreateClientVpnRoute: { input: CreateClientVpnRouteRequest; output: CreateClientVpnRouteResult };
  CreateCoipCidr: { input: CreateCoipCidrRequest; output: CreateCoipCidrResult };
  CreateCoipPool: { input: CreateCoipPoolRequest; output: CreateCoipPoolResult };
  CreateCustomerGateway: { input: CreateCustomerGatewayRequest; output: CreateCustomerGatewayResult };
  CreateDefaultSubnet: { input: CreateDefaultSubnetRequest; output: CreateDefaultSubnetResult };
  CreateDefaultVpc: { input: CreateDefaultVpcRequest; output: CreateDefaultVpcResult };
  CreateDelegateMacVolumeOwnershipTask: { input: CreateDelegateMacVolumeOwnershipTaskRequest; output: CreateDelegateMacVolumeOwnershipTaskResult };
  CreateDhcpOptions: { input: CreateDhcpOptionsRequest; output: CreateDhcpOptionsResult };
  CreateEgressOnlyInternetGateway: { input: CreateEgressOnlyInternetGatewayRequest; output: CreateEgressOnlyInternetGatewayResult };
  CreateFleet: { input: CreateFleetRequest; output: CreateFleetResult };
  CreateFlowLogs: { input: CreateFlowLogsRequest; output: CreateFlowLogsResult };
  CreateFpgaImage: { input: CreateFpgaImageRequest; output: CreateFpgaImageResult };
  CreateImage: { input: CreateImageRequest; output: CreateImageResult };
  CreateImageUsageReport: { input: CreateImageUsageReportRequest; output: CreateImageUsageReportResult };
  CreateInstanceConnectEndpoint: { input: CreateInstanceConnectEndpointRequest; output: CreateInstanceConnectEndpointResult };
  CreateInstanceEventWindow: { input: CreateInstanceEventWindowRequest; output: CreateInstanceEventWindowResult };
  CreateInstanceExportTask: { input: CreateInstanceExportTaskRequest; output: CreateInstanceExportTaskResult };
  CreateInternetGateway: { input: CreateInternetGatewayRequest; output: CreateInternetGatewayResult };
  CreateInterruptibleCapacityReservationAllocation: { input: CreateInterruptibleCapacityReservationAllocationRequest; output: CreateInterruptibleCapacityReservationAllocationResult };
  CreateIpam: { input: CreateIpamRequest; output: CreateIpamResult };
  CreateIpamExternalResourceVerificationToken: { input: CreateIpamExternalResourceVerificationTokenRequest; output: CreateIpamExternalResourceVerificationTokenResult };
  CreateIpamPolicy: { input: CreateIpamPolicyRequest; output: CreateIpamPolicyResult };
  CreateIpamPool: { input: CreateIpamPoolRequest; output: CreateIpamPoolResult };
  CreateIpamPrefixListResolver: { input: CreateIpamPrefixListResolverRequest; output: CreateIpamPrefixListResolverResult };
  CreateIpamPrefixListResolverTarget: { input: CreateIpamPrefixListResolverTargetRequest; output: CreateIpamPrefixListResolverTargetResult };
  CreateIpamResourceDiscovery: { input: CreateIpamResourceDiscoveryRequest; output: CreateIpamResourceDiscoveryResult };
  CreateIpamScope: { input: CreateIpamScopeRequest; output: CreateIpamScopeResult };
  CreateKeyPair: { input: CreateKeyPairRequest; output: KeyPair };
  CreateLaunchTemplate: { input: CreateLaunchTemplateRequest; output: CreateLaunchTemplateResult };
  CreateLaunchTemplateVersion: { input: CreateLaunchTemplateVersionRequest; output: CreateLaunchTemplateVersionResult };
  CreateLocalGatewayRoute: { input: CreateLocalGatewayRouteRequest; output: CreateLocalGatewayRouteResult };
  CreateLocalGatewayRouteTable: { input: CreateLocalGatewayRouteTableRequest; output: CreateLocalGatewayRouteTableResult };
  CreateLocalGatewayRouteTableVirtualInterfaceGroupAssociation: { input: CreateLocalGatewayRouteTableVirtualInterfaceGroupAssociationRequest; output: CreateLocalGatewayRouteTableVirtualInterfaceGroupAssociationResult };
  CreateLocalGatewayRouteTableVpcAssociation: { input: CreateLocalGatewayRouteTableVpcAssociationRequest; output: CreateLocalGatewayRouteTableVpcAssociationResult };
  CreateLocalGatewayVirtualInterface: { input: CreateLocalGatewayVirtualInterfaceRequest; output: CreateLocalGatewayVirtualInterfaceResult };
  CreateLocalGatewayVirtualInterfaceGroup: { input: CreateLocalGatewayVirtualInterfaceGroupRequest; output: CreateLocalGatewayVirtualInterfaceGroupResult };
  CreateMacSystemIntegrityProtectionModificationTask: { input: CreateMacSystemIntegrityProtectionModificationTaskRequest; output: CreateMacSystemIntegrityProtectionModificationTaskResult };
  CreateManagedPrefixList: { input: CreateManagedPrefixListRequest; output: CreateManagedPrefixListResult };
  CreateNatGateway: { input: CreateNatGatewayRequest; output: CreateNatGatewayResult };
  CreateNetworkAcl: { input: CreateNetworkAclRequest; output: CreateNetworkAclResult };
  CreateNetworkAclEntry: { input: CreateNetworkAclEntryRequest; output: Empty };
  CreateNetworkInsightsAccessScope: { input: CreateNetworkInsightsAccessScopeRequest; output: CreateNetworkInsightsAccessScopeResult };
  CreateNetworkInsightsPath: { input: CreateNetworkInsightsPathRequest; output: CreateNetworkInsightsPathResult };
  CreateNetworkInterface: { input: CreateNetworkInterfaceRequest; output: CreateNetworkInterfaceResult };
  CreateNetworkInterfacePermission: { input: CreateNetworkInterfacePermissionRequest; output: CreateNetworkInterfacePermissionResult };
  CreatePlacementGroup: { input: CreatePlacementGroupRequest; output: CreatePlacementGroupResult };
  CreatePublicIpv4Pool: { input: CreatePublicIpv4PoolRequest; output: CreatePublicIpv4PoolResult };
  CreateReplaceRootVolumeTask: { input: CreateReplaceRootVolumeTaskRequest; output: CreateReplaceRootVolumeTaskResult };
  CreateReservedInstancesListing: { input: CreateReservedInstancesListingRequest; output: CreateReservedInstancesListingResult };
  CreateRestoreImageTask: { input: CreateRestoreImageTaskRequest; output: CreateRestoreImageTaskResult };
  CreateRoute: { input: CreateRouteRequest; output: CreateRouteResult };
  CreateRouteServer: { input: CreateRouteServerRequest; output: CreateRouteServerResult };
  CreateRouteServerEndpoint: { input: CreateRouteServerEndpointRequest; output: CreateRouteServerEndpointResult };
  CreateRouteServerPeer: { input: CreateRouteServerPeerRequest; output: CreateRouteServerPeerResult };
  CreateRouteTable: { input: CreateRouteTableRequest; output: CreateRouteTableResult };
  CreateSecondaryNetwork: { input: CreateSecondaryNetworkRequest; output: CreateSecondaryNetworkResult };
  CreateSecondarySubnet: { input: CreateSecondarySubnetRequest; output: CreateSecondarySubnetResult };
  CreateSecurityGroup: { input: CreateSecurityGroupRequest; output: CreateSecurityGroupResult };
  CreateSnapshot: { input: CreateSnapshotRequest; output: Snapshot };
  CreateSnapshots: { input: CreateSnapshotsRequest; output: CreateSnapshotsResult };
  CreateSpotDatafeedSubscription: { input: CreateSpotDatafeedSubscriptionRequest; output: CreateSpotDatafeedSubscriptionResult };
  CreateStoreImageTask: { input: CreateStoreImageTaskRequest; output: CreateStoreImageTaskResult };
  CreateSubnet: { input: CreateSubnetRequest; output: CreateSubnetResult };
  CreateSubnetCidrReservation: { input: CreateSubnetCidrReservationRequest; output: CreateSubnetCidrReservationResult };
  CreateTags: { input: CreateTagsRequest; output: Empty };
  CreateTrafficMirrorFilter: { input: CreateTrafficMirrorFilterRequest; output: CreateTrafficMirrorFilterResult };
  CreateTrafficMirrorFilterRule: { input: CreateTrafficMirrorFilterRuleRequest; output: CreateTrafficMirrorFilterRuleResult };
  CreateTrafficMirrorSession: { input: CreateTrafficMirrorSessionRequest; output: CreateTrafficMirrorSessionResult };
  CreateTrafficMirrorTarget: { input: CreateTrafficMirrorTargetRequest; output: CreateTrafficMirrorTargetResult };
  CreateTransitGateway: { input: CreateTransitGatewayRequest; output: CreateTransitGatewayResult };
  CreateTransitGatewayConnect: { input: CreateTransitGatewayConnectRequest; output: CreateTransitGatewayConnectResult };
  CreateTransitGatewayConnectPeer: { input: CreateTransitGatewayConnectPeerRequest; output: CreateTransitGatewayConnectPeerResult };
  CreateTransitGatewayMeteringPolicy: { input: CreateTransitGatewayMeteringPolicyRequest; output: CreateTransitGatewayMeteringPolicyResult };
  CreateTransitGatewayMeteringPolicyEntry: { input: CreateTransitGatewayMeteringPolicyEntryRequest; output: CreateTransitGatewayMeteringPolicyEntryResult };
  CreateTransitGatewayMulticastDomain: { input: CreateTransitGatewayMulticastDomainRequest; output: CreateTransitGatewayMulticastDomainResult };
  CreateTransitGatewayPeeringAttachment: { input: CreateTransitGatewayPeeringAttachmentRequest; output: CreateTransitGatewayPeeringAttachmentResult };
  CreateTransitGatewayPolicyTable: { input: CreateTransitGatewayPolicyTableRequest; output: CreateTransitGatewayPolicyTableResult };
  CreateTransitGatewayPrefixListReference: { input: CreateTransitGatewayPrefixListReferenceRequest; output: CreateTransitGatewayPrefixListReferenceResult };
  CreateTransitGatewayRoute: { input: CreateTransitGatewayRouteRequest; output: CreateTransitGatewayRouteResult };
  CreateTransitGatewayRouteTable: { input: CreateTransitGatewayRouteTableRequest; output: CreateTransitGatewayRouteTableResult };
  CreateTransitGatewayRouteTableAnnouncement: { input: CreateTransitGatewayRouteTableAnnouncementRequest; output: CreateTransitGatewayRouteTableAnnouncementResult };
  CreateTransitGatewayVpcAttachment: { input: CreateTransitGatewayVpcAttachmentRequest; output: CreateTransitGatewayVpcAttachmentResult };
  CreateVerifiedAccessEndpoint: { input: CreateVerifiedAccessEndpointRequest; output: CreateVerifiedAccessEndpointResult };
  CreateVerifiedAccessGroup: { input: CreateVerifiedAccessGroupRequest; output: CreateVerifiedAccessGroupResult };
  CreateVerifiedAccessInstance: { input: CreateVerifiedAccessInstanceRequest; output: CreateVerifiedAccessInstanceResult };
  CreateVerifiedAccessTrustProvider: { input: CreateVerifiedAccessTrustProviderRequest; output: CreateVerifiedAccessTrustProviderResult };
  CreateVolume: { input: CreateVolumeRequest; output: Volume };
  CreateVpc: { input: CreateVpcRequest; output: CreateVpcResult };
  CreateVpcBlockPublicAccessExclusion: { input: CreateVpcBlockPublicAccessExclusionRequest; output: CreateVpcBlockPublicAccessExclusionResult };
  CreateVpcEncryptionControl: { input: CreateVpcEncryptionControlRequest; output: CreateVpcEncryptionControlResult };
  CreateVpcEndpoint: { input: CreateVpcEndpointRequest; output: CreateVpcEndpointResult };
  CreateVpcEndpointConnectionNotification: { input: CreateVpcEndpointConnectionNotificationRequest; output: CreateVpcEndpointConnectionNotificationResult };
  CreateVpcEndpointServiceConfiguration: { input: CreateVpcEndpointServiceConfigurationRequest; output: CreateVpcEndpointServiceConfigurationResult };
  CreateVpcPeeringConnection: { input: CreateVpcPeeringConnectionRequest; output: CreateVpcPeeringConnectionResult };
  CreateVpnConcentrator: { input: CreateVpnConcentratorRequest; output: CreateVpnConcentratorResult };
  CreateVpnConnection: { input: CreateVpnConnectionRequest; output: CreateVpnConnectionResult };
  CreateVpnConnectionRoute: { input: CreateVpnConnectionRouteRequest; output: Empty };
  CreateVpnGateway: { input: CreateVpnGatewayRequest; output: CreateVpnGatewayResult };
  DeleteCapacityManagerDataExport: { input: DeleteCapacityManagerDataExportRequest; output: DeleteCapacityManagerDataExportResult };
  DeleteCarrierGateway: { input: DeleteCarrierGatewayRequest; output: DeleteCarrierGatewayResult };
  DeleteClientVpnEndpoint: { input: DeleteClientVpnEndpointRequest; output: DeleteClientVpnEndpointResult };
  DeleteClientVpnRoute: { input: DeleteClientVpnRouteRequest; output: DeleteClientVpnRouteResult };
  DeleteCoipCidr: { input: DeleteCoipCidrRequest; output: DeleteCoipCidrResult };
  DeleteCoipPool: { input: DeleteCoipPoolRequest; output: DeleteCoipPoolResult };
  DeleteCustomerGateway: { input: DeleteCustomerGatewayRequest; output: Empty };
  DeleteDhcpOptions: { input: DeleteDhcpOptionsRequest; output: Empty };
  DeleteEgressOnlyInternetGateway: { input: DeleteEgressOnlyInternetGatewayRequest; output: DeleteEgressOnlyInternetGatewayResult };
  DeleteFleets: { input: DeleteFleetsRequest; output: DeleteFleetsResult };
  DeleteFlowLogs: { input: DeleteFlowLogsRequest; output: DeleteFlowLogsResult };
  DeleteFpgaImage: { input: DeleteFpgaImageRequest; output: DeleteFpgaImageResult };
  DeleteImageUsageReport: { input: DeleteImageUsageReportRequest; output: DeleteImageUsageReportResult };
  DeleteInstanceConnectEndpoint: { input: DeleteInstanceConnectEndpointRequest; output: DeleteInstanceConnectEndpointResult };
  DeleteInstanceEventWindow: { input: DeleteInstanceEventWindowRequest; output: DeleteInstanceEventWindowResult };
  DeleteInternetGateway: { input: DeleteInternetGatewayRequest; output: Empty };
  DeleteIpam: { input: DeleteIpamRequest; output: DeleteIpamResult };
  DeleteIpamExternalResourceVerificationToken: { input: DeleteIpamExternalResourceVerificationTokenRequest; output: DeleteIpamExternalResourceVerificationTokenResult };
  DeleteIpamPolicy: { input: DeleteIpamPolicyRequest; output: DeleteIpamPolicyResult };
  DeleteIpamPool: { input: DeleteIpamPoolRequest; output: DeleteIpamPoolResult };
  DeleteIpamPrefixListResolver: { input: DeleteIpamPrefixListResolverRequest; output: DeleteIpamPrefixListResolverResult };
  DeleteIpamPrefixListResolverTarget: { input: DeleteIpamPrefixListResolverTargetRequest; output: DeleteIpamPrefixListResolverTargetResult };
  DeleteIpamResourceDiscovery: { input: DeleteIpamResourceDiscoveryRequest; output: DeleteIpamResourceDiscoveryResult };
  DeleteIpamScope: { input: DeleteIpamScopeRequest; output: DeleteIpamScopeResult };
  DeleteKeyPair: { input: DeleteKeyPairRequest; output: DeleteKeyPairResult };
  DeleteLaunchTemplate: { input: DeleteLaunchTemplateRequest; output: DeleteLaunchTemplateResult };
  DeleteLaunchTemplateVersions: { input: DeleteLaunchTemplateVersionsRequest; output: DeleteLaunchTemplateVersionsResult };
  DeleteLocalGatewayRoute: { input: DeleteLocalGatewayRouteRequest; output: DeleteLocalGatewayRouteResult };
  DeleteLocalGatewayRouteTable: { input: DeleteLocalGatewayRouteTableRequest; output: DeleteLocalGatewayRouteTableResult };
  DeleteLocalGatewayRouteTableVirtualInterfaceGroupAssociation: { input: DeleteLocalGatewayRouteTableVirtualInterfaceGroupAssociationRequest; output: DeleteLocalGatewayRouteTableVirtualInterfaceGroupAssociationResult };
  DeleteLocalGatewayRouteTableVpcAssociation: { input: DeleteLocalGatewayRouteTableVpcAssociationRequest; output: DeleteLocalGatewayRouteTableVpcAssociationResult };
  DeleteLocalGatewayVirtualInterface: { input: DeleteLocalGatewayVirtualInterfaceRequest; output: DeleteLocalGatewayVirtualInterfaceResult };
  DeleteLocalGatewayVirtualInterfaceGroup: { input: DeleteLocalGatewayVirtualInterfaceGroupRequest; output: DeleteLocalGatewayVirtualInterfaceGroupResult };
  DeleteManagedPrefixList: { input: DeleteManagedPrefixListRequest; output: DeleteManagedPrefixListResult };
  DeleteNatGateway: { input: DeleteNatGatewayRequest; output: DeleteNatGatewayResult };
  DeleteNetworkAcl: { input: DeleteNetworkAclRequest; output: Empty };
  DeleteNetworkAclEntry: { input: DeleteNetworkAclEntryRequest; output: Empty };
  DeleteNetworkInsightsAccessScope: { input: DeleteNetworkInsightsAccessScopeRequest; output: DeleteNetworkInsightsAccessScopeResult };
  DeleteNetworkInsightsAccessScopeAnalysis: { input: DeleteNetworkInsightsAccessScopeAnalysisRequest; output: DeleteNetworkInsightsAccessScopeAnalysisResult };
  DeleteNetworkInsightsAnalysis: { input: DeleteNetworkInsightsAnalysisRequest; output: DeleteNetworkInsightsAnalysisResult };
  DeleteNetworkInsightsPath: { input: DeleteNetworkInsightsPathRequest; output: DeleteNetworkInsightsPathResult };
  DeleteNetworkInterface: { input: DeleteNetworkInterfaceRequest; output: Empty };
  DeleteNetworkInterfacePermission: { input: DeleteNetworkInterfacePermissionRequest; output: DeleteNetworkInterfacePermissionResult };
  DeletePlacementGroup: { input: DeletePlacementGroupRequest; output: Empty };
  DeletePublicIpv4Pool: { input: DeletePublicIpv4PoolRequest; output: DeletePublicIpv4PoolResult };
  DeleteQueuedReservedInstances: { input: DeleteQueuedReservedInstancesRequest; output: DeleteQueuedReservedInstancesResult };
  DeleteRoute: { input: DeleteRouteRequest; output: Empty };
  DeleteRouteServer: { input: DeleteRouteServerRequest; output: DeleteRouteServerResult };
  DeleteRouteServerEndpoint: { input: DeleteRouteServerEndpointRequest; output: DeleteRouteServerEndpointResult };
  DeleteRouteServerPeer: { input: DeleteRouteServerPeerRequest; output: DeleteRouteServerPeerResult };
  DeleteRouteTable: { input: DeleteRouteTableRequest; output: Empty };
  DeleteSecondaryNetwork: { input: DeleteSecondaryNetworkRequest; output: DeleteSecondaryNetworkResult };
  DeleteSecondarySubnet: { input: DeleteSecondarySubnetRequest; output: DeleteSecondarySubnetResult };
  DeleteSecurityGroup: { input: DeleteSecurityGroupRequest; output: DeleteSecurityGroupResult };
  DeleteSnapshot: { input: DeleteSnapshotRequest; output: Empty };
  DeleteSpotDatafeedSubscription: { input: DeleteSpotDatafeedSubscriptionRequest; output: Empty };
  DeleteSubnet: { input: DeleteSubnetRequest; output: Empty };
  DeleteSubnetCidrReservation: { input: DeleteSubnetCidrReservationRequest; output: DeleteSubnetCidrReservationResult };
  DeleteTags: { input: DeleteTagsRequest; output: Empty };
  DeleteTrafficMirrorFilter: { input: DeleteTrafficMirrorFilterRequest; output: DeleteTrafficMirrorFilterResult };
  DeleteTrafficMirrorFilterRule: { input: DeleteTrafficMirrorFilterRuleRequest; output: DeleteTrafficMirrorFilterRuleResult };
  DeleteTrafficMirrorSession: { input: DeleteTrafficMirrorSessionRequest; output: DeleteTrafficMirrorSessionResult };
  DeleteTrafficMirrorTarget: { input: DeleteTrafficMirrorTargetRequest; output: DeleteTrafficMirrorTargetResult };
  DeleteTransitGateway: { input: DeleteTransitGatewayRequest; output: DeleteTransitGatewayResult };
  DeleteTransitGatewayClientVpnAttachment: { input: DeleteTransitGatewayClientVpnAttachmentRequest; output: DeleteTransitGatewayClientVpnAttachmentResult };
  DeleteTransitGatewayConnect: { input: DeleteTransitGatewayConnectRequest; output: DeleteTransitGatewayConnectResult };
  DeleteTransitGatewayConnectPeer: { input: DeleteTransitGatewayConnectPeerRequest; output: DeleteTransitGatewayConnectPeerResult };
  DeleteTransitGatewayMeteringPolicy: { input: DeleteTransitGatewayMeteringPolicyRequest; output: DeleteTransitGatewayMeteringPolicyResult };
  DeleteTransitGatewayMeteringPolicyEntry: { input: DeleteTransitGatewayMeteringPolicyEntryRequest; output: DeleteTransitGatewayMeteringPolicyEntryResult };
  DeleteTransitGatewayMulticastDomain: { input: DeleteTransitGatewayMulticastDomainRequest; output: DeleteTransitGatewayMulticastDomainResult };
  DeleteTransitGatewayPeeringAttachment: { input: DeleteTransitGatewayPeeringAttachmentRequest; output: DeleteTransitGatewayPeeringAttachmentResult };
  DeleteTransitGatewayPolicyTable: { input: DeleteTransitGatewayPolicyTableRequest; output: DeleteTransitGatewayPolicyTableResult };
  DeleteTransitGatewayPrefixListReference: { input: DeleteTransitGatewayPrefixListReferenceRequest; output: DeleteTransitGatewayPrefixListReferenceResult };
  DeleteTransitGatewayRoute: { input: DeleteTransitGatewayRouteRequest; output: DeleteTransitGatewayRouteResult };
  DeleteTransitGatewayRouteTable: { input: DeleteTransitGatewayRouteTableRequest; output: DeleteTransitGatewayRouteTableResult };
  DeleteTransitGatewayRouteTableAnnouncement: { input: DeleteTransitGatewayRouteTableAnnouncementRequest; output: DeleteTransitGatewayRouteTableAnnouncementResult };
  DeleteTransitGatewayVpcAttachment: { input: DeleteTransitGatewayVpcAttachmentRequest; output: DeleteTransitGatewayVpcAttachmentResult };
  DeleteVerifiedAccessEndpoint: { input: DeleteVerifiedAccessEndpointRequest; output: DeleteVerifiedAccessEndpointResult };
  DeleteVerifiedAccessGroup: { input: DeleteVerifiedAccessGroupRequest; output: DeleteVerifiedAccessGroupResult };
  DeleteVerifiedAccessInstance: { input: DeleteVerifiedAccessInstanceRequest; output: DeleteVerifiedAccessInstanceResult };
  DeleteVerifiedAccessTrustProvider: { input: DeleteVerifiedAccessTrustProviderRequest; output: DeleteVerifiedAccessTrustProviderResult };
  DeleteVolume: { input: DeleteVolumeRequest; output: Empty };
  DeleteVpc: { input: DeleteVpcRequest; output: Empty };
  DeleteVpcBlockPublicAccessExclusion: { input: DeleteVpcBlockPublicAccessExclusionRequest; output: DeleteVpcBlockPublicAccessExclusionResult };
  DeleteVpcEncryptionControl: { input: DeleteVpcEncryptionControlRequest; output: DeleteVpcEncryptionControlResult };
  DeleteVpcEndpointConnectionNotifications: { input: DeleteVpcEndpointConnectionNotificationsRequest; output: DeleteVpcEndpointConnectionNotificationsResult };
  DeleteVpcEndpointServiceConfigurations: { input: DeleteVpcEndpointServiceConfigurationsRequest; output: DeleteVpcEndpointServiceConfigurationsResult };
  DeleteVpcEndpoints: { input: DeleteVpcEndpointsRequest; output: DeleteVpcEndpointsResult };
  DeleteVpcPeeringConnection: { input: DeleteVpcPeeringConnectionRequest; output: DeleteVpcPeeringConnectionResult };
  DeleteVpnConcentrator: { input: DeleteVpnConcentratorRequest; output: DeleteVpnConcentratorResult };
  DeleteVpnConnection: { input: DeleteVpnConnectionRequest; output: Empty };
  DeleteVpnConnectionRoute: { input: DeleteVpnConnectionRouteRequest; output: Empty };
  DeleteVpnGateway: { input: DeleteVpnGatewayRequest; output: Empty };
  DeprovisionByoipCidr: { input: DeprovisionByoipCidrRequest; output: DeprovisionByoipCidrResult };
  DeprovisionIpamByoasn: { input: DeprovisionIpamByoasnRequest; output: DeprovisionIpamByoasnResult };
  DeprovisionIpamPoolCidr: { input: DeprovisionIpamPoolCidrRequest; output: DeprovisionIpamPoolCidrResult };
  DeprovisionPublicIpv4PoolCidr: { input: DeprovisionPublicIpv4PoolCidrRequest; output: DeprovisionPublicIpv4PoolCidrResult };
  DeregisterImage: { input: DeregisterImageRequest; output: DeregisterImageResult };
  DeregisterInstanceEventNotificationAttributes: { input: DeregisterInstanceEventNotificationAttributesRequest; output: DeregisterInstanceEventNotificationAttributesResult };
  DeregisterTransitGatewayMulticastGroupMembers: { input: DeregisterTransitGatewayMulticastGroupMembersRequest; output: DeregisterTransitGatewayMulticastGroupMembersResult };
  DeregisterTransitGatewayMulticastGroupSources: { input: DeregisterTransitGatewayMulticastGroupSourcesRequest; output: DeregisterTransitGatewayMulticastGroupSourcesResult };
  DescribeAccountAttributes: { input: DescribeAccountAttributesRequest; output: DescribeAccountAttributesResult };
  DescribeAddressTransfers: { input: DescribeAddressTransfersRequest; output: DescribeAddressTransfersResult };
  DescribeAddresses: { input: DescribeAddressesRequest; output: DescribeAddressesResult };
  DescribeAddressesAttribute: { input: DescribeAddressesAttributeRequest; output: DescribeAddressesAttributeResult };
  DescribeAggregateIdFormat: { input: DescribeAggregateIdFormatRequest; output: DescribeAggregateIdFormatResult };
  DescribeAvailabilityZones: { input: DescribeAvailabilityZonesRequest; output: DescribeAvailabilityZonesResult };
  DescribeAwsNetworkPerformanceMetricSubscriptions: { input: DescribeAwsNetworkPerformanceMetricSubscriptionsRequest; output: DescribeAwsNetworkPerformanceMetricSubscriptionsResult };
  DescribeBundleTasks: { input: DescribeBundleTasksRequest; output: DescribeBundleTasksResult };
  DescribeByoipCidrs: { input: DescribeByoipCidrsRequest; output: DescribeByoipCidrsResult };
  DescribeCapacityBlockExtensionHistory: { input: DescribeCapacityBlockExtensionHistoryRequest; output: DescribeCapacityBlockExtensionHistoryResult };
  DescribeCapacityBlockExtensionOfferings: { input: DescribeCapacityBlockExtensionOfferingsRequest; output: DescribeCapacityBlockExtensionOfferingsResult };
  DescribeCapacityBlockOfferings: { input: DescribeCapacityBlockOfferingsRequest; output: DescribeCapacityBlockOfferingsResult };
  DescribeCapacityBlockStatus: { input: DescribeCapacityBlockStatusRequest; output: DescribeCapacityBlockStatusResult };
  DescribeCapacityBlocks: { input: DescribeCapacityBlocksRequest; output: DescribeCapacityBlocksResult };
  DescribeCapacityManagerDataExports: { input: DescribeCapacityManagerDataExportsRequest; output: DescribeCapacityManagerDataExportsResult };
  DescribeCapacityReservationBillingRequests: { input: DescribeCapacityReservationBillingRequestsRequest; output: DescribeCapacityReservationBillingRequestsResult };
  DescribeCapacityReservationFleets: { input: DescribeCapacityReservationFleetsRequest; output: DescribeCapacityReservationFleetsResult };
  DescribeCapacityReservationTopology: { input: DescribeCapacityReservationTopologyRequest; output: DescribeCapacityReservationTopologyResult };
  DescribeCapacityReservations: { input: DescribeCapacityReservationsRequest; output: DescribeCapacityReservationsResult };
  DescribeCarrierGateways: { input: DescribeCarrierGatewaysRequest; output: DescribeCarrierGatewaysResult };
  DescribeClassicLinkInstances: { input: DescribeClassicLinkInstancesRequest; output: DescribeClassicLinkInstancesResult };
  DescribeClientVpnAuthorizationRules: { input: DescribeClientVpnAuthorizationRulesRequest; output: DescribeClientVpnAuthorizationRulesResult };
  DescribeClientVpnConnections: { input: DescribeClientVpnConnectionsRequest; output: DescribeClientVpnConnectionsResult };
  DescribeClientVpnEndpoints: { input: DescribeClientVpnEndpointsRequest; output: DescribeClientVpnEndpointsResult };
  DescribeClientVpnRoutes: { input: DescribeClientVpnRoutesRequest; output: DescribeClientVpnRoutesResult };
  DescribeClientVpnTargetNetworks: { input: DescribeClientVpnTargetNetworksRequest; output: DescribeClientVpnTargetNetworksResult };
  DescribeCoipPools: { input: DescribeCoipPoolsRequest; output: DescribeCoipPoolsResult };
  DescribeConversionTasks: { input: DescribeConversionTasksRequest; output: DescribeConversionTasksResult };
  DescribeCustomerGateways: { input: DescribeCustomerGatewaysRequest; output: DescribeCustomerGatewaysResult };
  DescribeDeclarativePoliciesReports: { input: DescribeDeclarativePoliciesReportsRequest; output: DescribeDeclarativePoliciesReportsResult };
  DescribeDhcpOptions: { input: DescribeDhcpOptionsRequest; output: DescribeDhcpOptionsResult };
  DescribeEgressOnlyInternetGateways: { input: DescribeEgressOnlyInternetGatewaysRequest; output: DescribeEgressOnlyInternetGatewaysResult };
  DescribeElasticGpus: { input: DescribeElasticGpusRequest; output: DescribeElasticGpusResult };
  DescribeExportImageTasks: { input: DescribeExportImageTasksRequest; output: DescribeExportImageTasksResult };
  DescribeExportTasks: { input: DescribeExportTasksRequest; output: DescribeExportTasksResult };
  DescribeFastLaunchImages: { input: DescribeFastLaunchImagesRequest; output: DescribeFastLaunchImagesResult };
  DescribeFastSnapshotRestores: { input: DescribeFastSnapshotRestoresRequest; output: DescribeFastSnapshotRestoresResult };
  DescribeFleetHistory: { input: DescribeFleetHistoryRequest; output: DescribeFleetHistoryResult };
  DescribeFleetInstances: { input: DescribeFleetInstancesRequest; output: DescribeFleetInstancesResult };
  DescribeFleets: { input: DescribeFleetsRequest; output: DescribeFleetsResult };
  DescribeFlowLogs: { input: DescribeFlowLogsRequest; output: DescribeFlowLogsResult };
  DescribeFpgaImageAttribute: { input: DescribeFpgaImageAttributeRequest; output: DescribeFpgaImageAttributeResult };
  DescribeFpgaImages: { input: DescribeFpgaImagesRequest; output: DescribeFpgaImagesResult };
  DescribeHostReservationOfferings: { input: DescribeHostReservationOfferingsRequest; output: DescribeHostReservationOfferingsResult };
  DescribeHostReservations: { input: DescribeHostReservationsRequest; output: DescribeHostReservationsResult };
  DescribeHosts: { input: DescribeHostsRequest; output: DescribeHostsResult };
  DescribeIamInstanceProfileAssociations: { input: DescribeIamInstanceProfileAssociationsRequest; output: DescribeIamInstanceProfileAssociationsResult };
  DescribeIdFormat: { input: DescribeIdFormatRequest; output: DescribeIdFormatResult };
  DescribeIdentityIdFormat: { input: DescribeIdentityIdFormatRequest; output: DescribeIdentityIdFormatResult };
  DescribeImageAttribute: { input: DescribeImageAttributeRequest; output: ImageAttribute };
  DescribeImageReferences: { input: DescribeImageReferencesRequest; output: DescribeImageReferencesResult };
  DescribeImageUsageReportEntries: { input: DescribeImageUsageReportEntriesRequest; output: DescribeImageUsageReportEntriesResult };
  DescribeImageUsageReports: { input: DescribeImageUsageReportsRequest; output: DescribeImageUsageReportsResult };
  DescribeImages: { input: DescribeImagesRequest; output: DescribeImagesResult };
  DescribeImportImageTasks: { input: DescribeImportImageTasksRequest; output: DescribeImportImageTasksResult };
  DescribeImportSnapshotTasks: { input: DescribeImportSnapshotTasksRequest; output: DescribeImportSnapshotTasksResult };
  DescribeInstanceAttribute: { input: DescribeInstanceAttributeRequest; output: InstanceAttribute };
  DescribeInstanceConnectEndpoints: { input: DescribeInstanceConnectEndpointsRequest; output: DescribeInstanceConnectEndpointsResult };
  DescribeInstanceCreditSpecifications: { input: DescribeInstanceCreditSpecificationsRequest; output: DescribeInstanceCreditSpecificationsResult };
  DescribeInstanceEventNotificationAttributes: { input: DescribeInstanceEventNotificationAttributesRequest; output: DescribeInstanceEventNotificationAttributesResult };
  DescribeInstanceEventWindows: { input: DescribeInstanceEventWindowsRequest; output: DescribeInstanceEventWindowsResult };
  DescribeInstanceImageMetadata: { input: DescribeInstanceImageMetadataRequest; output: DescribeInstanceImageMetadataResult };
  DescribeInstanceSqlHaHistoryStates: { input: DescribeInstanceSqlHaHistoryStatesRequest; output: DescribeInstanceSqlHaHistoryStatesResult };
  DescribeInstanceSqlHaStates: { input: DescribeInstanceSqlHaStatesRequest; output: DescribeInstanceSqlHaStatesResult };
  DescribeInstanceStatus: { input: DescribeInstanceStatusRequest; output: DescribeInstanceStatusResult };
  DescribeInstanceTopology: { input: DescribeInstanceTopologyRequest; output: DescribeInstanceTopologyResult };
  DescribeInstanceTypeOfferings: { input: DescribeInstanceTypeOfferingsRequest; output: DescribeInstanceTypeOfferingsResult };
  DescribeInstanceTypes: { input: DescribeInstanceTypesRequest; output: DescribeInstanceTypesResult };
  DescribeInstances: { input: DescribeInstancesRequest; output: DescribeInstancesResult };
  DescribeInternetGateways: { input: DescribeInternetGatewaysRequest; output: DescribeInternetGatewaysResult };
  DescribeIpamByoasn: { input: DescribeIpamByoasnRequest; output: DescribeIpamByoasnResult };
  DescribeIpamExternalResourceVerificationTokens: { input: DescribeIpamExternalResourceVerificationTokensRequest; output: DescribeIpamExternalResourceVerificationTokensResult };
  DescribeIpamPolicies: { input: DescribeIpamPoliciesRequest; output: DescribeIpamPoliciesResult };
  DescribeIpamPoolAllocations: { input: DescribeIpamPoolAllocationsRequest; output: DescribeIpamPoolAllocationsResult };
  DescribeIpamPools: { input: DescribeIpamPoolsRequest; output: DescribeIpamPoolsResult };
  DescribeIpamPrefixListResolverTargets: { input: DescribeIpamPrefixListResolverTargetsRequest; output: DescribeIpamPrefixListResolverTargetsResult };
  DescribeIpamPrefixListResolvers: { input: DescribeIpamPrefixListResolversRequest; output: DescribeIpamPrefixListResolversResult };
  DescribeIpamResourceDiscoveries: { input: DescribeIpamResourceDiscoveriesRequest; output: DescribeIpamResourceDiscoveriesResult };
  DescribeIpamResourceDiscoveryAssociations: { input: DescribeIpamResourceDiscoveryAssociationsRequest; output: DescribeIpamResourceDiscoveryAssociationsResult };
  DescribeIpamScopes: { input: DescribeIpamScopesRequest; output: DescribeIpamScopesResult };
  DescribeIpams: { input: DescribeIpamsRequest; output: DescribeIpamsResult };
  DescribeIpv6Pools: { input: DescribeIpv6PoolsRequest; output: DescribeIpv6PoolsResult };
  DescribeKeyPairs: { input: DescribeKeyPairsRequest; output: DescribeKeyPairsResult };
  DescribeLaunchTemplateVersions: { input: DescribeLaunchTemplateVersionsRequest; output: DescribeLaunchTemplateVersionsResult };
  DescribeLaunchTemplates: { input: DescribeLaunchTemplatesRequest; output: DescribeLaunchTemplatesResult };
  DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociations: { input: DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociationsRequest; output: DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociationsResult };
  DescribeLocalGatewayRouteTableVpcAssociations: { input: DescribeLocalGatewayRouteTableVpcAssociationsRequest; output: DescribeLocalGatewayRouteTableVpcAssociationsResult };
  DescribeLocalGatewayRouteTables: { input: DescribeLocalGatewayRouteTablesRequest; output: DescribeLocalGatewayRouteTablesResult };
  DescribeLocalGatewayVirtualInterfaceGroups: { input: DescribeLocalGatewayVirtualInterfaceGroupsRequest; output: DescribeLocalGatewayVirtualInterfaceGroupsResult };
  DescribeLocalGatewayVirtualInterfaces: { input: DescribeLocalGatewayVirtualInterfacesRequest; output: DescribeLocalGatewayVirtualInterfacesResult };
  DescribeLocalGateways: { input: DescribeLocalGatewaysRequest; output: DescribeLocalGatewaysResult };
  DescribeLockedSnapshots: { input: DescribeLockedSnapshotsRequest; output: DescribeLockedSnapshotsResult };
  DescribeMacHosts: { input: DescribeMacHostsRequest; output: DescribeMacHostsResult };
  DescribeMacModificationTasks: { input: DescribeMacModificationTasksRequest; output: DescribeMacModificationTasksResult };
  DescribeManagedPrefixLists: { input: DescribeManagedPrefixListsRequest; output: DescribeManagedPrefixListsResult };
  DescribeMovingAddresses: { input: DescribeMovingAddressesRequest; output: DescribeMovingAddressesResult };
  DescribeNatGateways: { input: DescribeNatGatewaysRequest; output: DescribeNatGatewaysResult };
  DescribeNetworkAcls: { input: DescribeNetworkAclsRequest; output: DescribeNetworkAclsResult };
  DescribeNetworkInsightsAccessScopeAnalyses: { input: DescribeNetworkInsightsAccessScopeAnalysesRequest; output: DescribeNetworkInsightsAccessScopeAnalysesResult };
  DescribeNetworkInsightsAccessScopes: { input: DescribeNetworkInsightsAccessScopesRequest; output: DescribeNetworkInsightsAccessScopesResult };
  DescribeNetworkInsightsAnalyses: { input: DescribeNetworkInsightsAnalysesRequest; output: DescribeNetworkInsightsAnalysesResult };
  DescribeNetworkInsightsPaths: { input: DescribeNetworkInsightsPathsRequest; output: DescribeNetworkInsightsPathsResult };
  DescribeNetworkInterfaceAttribute: { input: DescribeNetworkInterfaceAttributeRequest; output: DescribeNetworkInterfaceAttributeResult };
  DescribeNetworkInterfacePermissions: { input: DescribeNetworkInterfacePermissionsRequest; output: DescribeNetworkInterfacePermissionsResult };
  DescribeNetworkInterfaces: { input: DescribeNetworkInterfacesRequest; output: DescribeNetworkInterfacesResult };
  DescribeOutpostLags: { input: DescribeOutpostLagsRequest; output: DescribeOutpostLagsResult };
  DescribePlacementGroups: { input: DescribePlacementGroupsRequest; output: DescribePlacementGroupsResult };
  DescribePrefixLists: { input: DescribePrefixListsRequest; output: DescribePrefixListsResult };
  DescribePrincipalIdFormat: { input: DescribePrincipalIdFormatRequest; output: DescribePrincipalIdFormatResult };
  DescribePublicIpv4Pools: { input: DescribePublicIpv4PoolsRequest; output: DescribePublicIpv4PoolsResult };
  DescribeRegions: { input: DescribeRegionsRequest; output: DescribeRegionsResult };
  DescribeReplaceRootVolumeTasks: { input: DescribeReplaceRootVolumeTasksRequest; output: DescribeReplaceRootVolumeTasksResult };
  DescribeReservedInstances: { input: DescribeReservedInstancesRequest; output: DescribeReservedInstancesResult };
  DescribeReservedInstancesListings: { input: DescribeReservedInstancesListingsRequest; output: DescribeReservedInstancesListingsResult };
  DescribeReservedInstancesModifications: { input: DescribeReservedInstancesModificationsRequest; output: DescribeReservedInstancesModificationsResult };
  DescribeReservedInstancesOfferings: { input: DescribeReservedInstancesOfferingsRequest; output: DescribeReservedInstancesOfferingsResult };
  DescribeRouteServerEndpoints: { input: DescribeRouteServerEndpointsRequest; output: DescribeRouteServerEndpointsResult };
  DescribeRouteServerPeers: { input: DescribeRouteServerPeersRequest; output: DescribeRouteServerPeersResult };
  DescribeRouteServers: { input: DescribeRouteServersRequest; output: DescribeRouteServersResult };
  DescribeRouteTables: { input: DescribeRouteTablesRequest; output: DescribeRouteTablesResult };
  DescribeScheduledInstanceAvailability: { input: DescribeScheduledInstanceAvailabilityRequest; output: DescribeScheduledInstanceAvailabilityResult };
  DescribeScheduledInstances: { input: DescribeScheduledInstancesRequest; output: DescribeScheduledInstancesResult };
  DescribeSecondaryInterfaces: { input: DescribeSecondaryInterfacesRequest; output: DescribeSecondaryInterfacesResult };
  DescribeSecondaryNetworks: { input: DescribeSecondaryNetworksRequest; output: DescribeSecondaryNetworksResult };
  DescribeSecondarySubnets: { input: DescribeSecondarySubnetsRequest; output: DescribeSecondarySubnetsResult };
  DescribeSecurityGroupReferences: { input: DescribeSecurityGroupReferencesRequest; output: DescribeSecurityGroupReferencesResult };
  DescribeSecurityGroupRules: { input: DescribeSecurityGroupRulesRequest; output: DescribeSecurityGroupRulesResult };
  DescribeSecurityGroupVpcAssociations: { input: DescribeSecurityGroupVpcAssociationsRequest; output: DescribeSecurityGroupVpcAssociationsResult };
  DescribeSecurityGroups: { input: DescribeSecurityGroupsRequest; output: DescribeSecurityGroupsResult };
  DescribeServiceLinkVirtualInterfaces: { input: DescribeServiceLinkVirtualInterfacesRequest; output: DescribeServiceLinkVirtualInterfacesResult };
  DescribeSnapshotAttribute: { input: DescribeSnapshotAttributeRequest; output: DescribeSnapshotAttributeResult };
  DescribeSnapshotTierStatus: { input: DescribeSnapshotTierStatusRequest; output: DescribeSnapshotTierStatusResult };
  DescribeSnapshots: { input: DescribeSnapshotsRequest; output: DescribeSnapshotsResult };
  DescribeSpotDatafeedSubscription: { input: DescribeSpotDatafeedSubscriptionRequest; output: DescribeSpotDatafeedSubscriptionResult };
  DescribeSpotFleetInstances: { input: DescribeSpotFleetInstancesRequest; output: DescribeSpotFleetInstancesResponse };
  DescribeSpotFleetRequestHistory: { input: DescribeSpotFleetRequestHistoryRequest; output: DescribeSpotFleetRequestHistoryResponse };
  DescribeSpotFleetRequests: { input: DescribeSpotFleetRequestsRequest; output: DescribeSpotFleetRequestsResponse };
  DescribeSpotInstanceRequests: { input: DescribeSpotInstanceRequestsRequest; output: DescribeSpotInstanceRequestsResult };
  DescribeSpotPriceHistory: { input: DescribeSpotPriceHistoryRequest; output: DescribeSpotPriceHistoryResult };
  DescribeStaleSecurityGroups: { input: DescribeStaleSecurityGroupsRequest; output: DescribeStaleSecurityGroupsResult };
  DescribeStoreImageTasks: { input: DescribeStoreImageTasksRequest; output: DescribeStoreImageTasksResult };
  DescribeSubnets: { input: DescribeSubnetsRequest; output: DescribeSubnetsResult };
  DescribeTags: { input: DescribeTagsRequest; output: DescribeTagsResult };
  DescribeTrafficMirrorFilterRules: { input: DescribeTrafficMirrorFilterRulesRequest; output: DescribeTrafficMirrorFilterRulesResult };
  DescribeTrafficMirrorFilters: { input: DescribeTrafficMirrorFiltersRequest; output: DescribeTrafficMirrorFiltersResult };
  DescribeTrafficMirrorSessions: { input: DescribeTrafficMirrorSessionsRequest; output: DescribeTrafficMirrorSessionsResult };
  DescribeTrafficMirrorTargets: { input: DescribeTrafficMirrorTargetsRequest; output: DescribeTrafficMirrorTargetsResult };
  DescribeTransitGatewayAttachments: { input: DescribeTransitGatewayAttachmentsRequest; output: DescribeTransitGatewayAttachmentsResult };
  DescribeTransitGatewayConnectPeers: { input: DescribeTransitGatewayConnectPeersRequest; output: DescribeTransitGatewayConnectPeersResult };
  DescribeTransitGatewayConnects: { input: DescribeTransitGatewayConnectsRequest; output: DescribeTransitGatewayConnectsResult };
  DescribeTransitGatewayMeteringPolicies: { input: DescribeTransitGatewayMeteringPoliciesRequest; output: DescribeTransitGatewayMeteringPoliciesResult };
  DescribeTransitGatewayMulticastDomains: { input: DescribeTransitGatewayMulticastDomainsRequest; output: DescribeTransitGatewayMulticastDomainsResult };
  DescribeTransitGatewayPeeringAttachments: { input: DescribeTransitGatewayPeeringAttachmentsRequest; output: DescribeTransitGatewayPeeringAttachmentsResult };
  DescribeTransitGatewayPolicyTables: { input: DescribeTransitGatewayPolicyTablesRequest; output: DescribeTransitGatewayPolicyTablesResult };
  DescribeTransitGatewayRouteTableAnnouncements: { input: DescribeTransitGatewayRouteTableAnnouncementsRequest; output: DescribeTransitGatewayRouteTableAnnouncementsResult };
  DescribeTransitGatewayRouteTables: { input: DescribeTransitGatewayRouteTablesRequest; output: DescribeTransitGatewayRouteTablesResult };
  DescribeTransitGatewayVpcAttachments: { input: DescribeTransitGatewayVpcAttachmentsRequest; output: DescribeTransitGatewayVpcAttachmentsResult };
  DescribeTransitGateways: { input: DescribeTransitGatewaysRequest; output: DescribeTransitGatewaysResult };
  DescribeTrunkInterfaceAssociations: { input: DescribeTrunkInterfaceAssociationsRequest; output: DescribeTrunkInterfaceAssociationsResult };
  DescribeVerifiedAccessEndpoints: { input: DescribeVerifiedAccessEndpointsRequest; output: DescribeVerifiedAccessEndpointsResult };
  DescribeVerifiedAccessGroups: { input: DescribeVerifiedAccessGroupsRequest; output: DescribeVerifiedAccessGroupsResult };
  DescribeVerifiedAccessInstanceLoggingConfigurations: { input: DescribeVerifiedAccessInstanceLoggingConfigurationsRequest; output: DescribeVerifiedAccessInstanceLoggingConfigurationsResult };
  DescribeVerifiedAccessInstances: { input: DescribeVerifiedAccessInstancesRequest; output: DescribeVerifiedAccessInstancesResult };
  DescribeVerifiedAccessTrustProviders: { input: DescribeVerifiedAccessTrustProvidersRequest; output: DescribeVerifiedAccessTrustProvidersResult };
  DescribeVolumeAttribute: { input: DescribeVolumeAttributeRequest; output: DescribeVolumeAttributeResult };
  DescribeVolumeStatus: { input: DescribeVolumeStatusRequest; output: DescribeVolumeStatusResult };
  DescribeVolumes: { input: DescribeVolumesRequest; output: DescribeVolumesResult };
  DescribeVolumesModifications: { input: DescribeVolumesModificationsRequest; output: DescribeVolumesModificationsResult };
  DescribeVpcAttribute: { input: DescribeVpcAttributeRequest; output: DescribeVpcAttributeResult };
  DescribeVpcBlockPublicAccessExclusions: { input: DescribeVpcBlockPublicAccessExclusionsRequest; output: DescribeVpcBlockPublicAccessExclusionsResult };
  DescribeVpcBlockPublicAccessOptions: { input: DescribeVpcBlockPublicAccessOptionsRequest; output: DescribeVpcBlockPublicAccessOptionsResult };
  DescribeVpcClassicLink: { input: DescribeVpcClassicLinkRequest; output: DescribeVpcClassicLinkResult };
  DescribeVpcClassicLinkDnsSupport: { input: DescribeVpcClassicLinkDnsSupportRequest; output: DescribeVpcClassicLinkDnsSupportResult };
  DescribeVpcEncryptionControls: { input: DescribeVpcEncryptionControlsRequest; output: DescribeVpcEncryptionControlsResult };
  DescribeVpcEndpointAssociations: { input: DescribeVpcEndpointAssociationsRequest; output: DescribeVpcEndpointAssociationsResult };
  DescribeVpcEndpointConnectionNotifications: { input: DescribeVpcEndpointConnectionNotificationsRequest; output: DescribeVpcEndpointConnectionNotificationsResult };
  DescribeVpcEndpointConnections: { input: DescribeVpcEndpointConnectionsRequest; output: DescribeVpcEndpointConnectionsResult };
  DescribeVpcEndpointServiceConfigurations: { input: DescribeVpcEndpointServiceConfigurationsRequest; output: DescribeVpcEndpointServiceConfigurationsResult };
  DescribeVpcEndpointServicePermissions: { input: DescribeVpcEndpointServicePermissionsRequest; output: DescribeVpcEndpointServicePermissionsResult };
  DescribeVpcEndpointServices: { input: DescribeVpcEndpointServicesRequest; output: DescribeVpcEndpointServicesResult };
  DescribeVpcEndpoints: { input: DescribeVpcEndpointsRequest; output: DescribeVpcEndpointsResult };
  DescribeVpcPeeringConnections: { input: DescribeVpcPeeringConnectionsRequest; output: DescribeVpcPeeringConnectionsResult };
  DescribeVpcs: { input: DescribeVpcsRequest; output: DescribeVpcsResult };
  DescribeVpnConcentrators: { input: DescribeVpnConcentratorsRequest; output: DescribeVpnConcentratorsResult };
  DescribeVpnConnections: { input: DescribeVpnConnectionsRequest; output: DescribeVpnConnectionsResult };
  DescribeVpnGateways: { input: DescribeVpnGatewaysRequest; output: DescribeVpnGatewaysResult };
  DetachClassicLinkVpc: { input: DetachClassicLinkVpcRequest; output: DetachClassicLinkVpcResult };
  DetachInternetGateway: { input: DetachInternetGatewayRequest; output: Empty };
  DetachNetworkInterface: { input: DetachNetworkInterfaceRequest; output: Empty };
  DetachVerifiedAccessTrustProvider: { input: DetachVerifiedAccessTrustProviderRequest; output: DetachVerifiedAccessTrustProviderResult };
  DetachVolume: { input: DetachVolumeRequest; output: VolumeAttachment };
  DetachVpnGateway: { input: DetachVpnGatewayRequest; output: Empty };
  DisableAddressTransfer: { input: DisableAddressTransferRequest; output: DisableAddressTransferResult };
  DisableAllowedImagesSettings: { input: DisableAllowedImagesSettingsRequest; output: DisableAllowedImagesSettingsResult };
  DisableAwsNetworkPerformanceMetricSubscription: { input: DisableAwsNetworkPerformanceMetricSubscriptionRequest; output: DisableAwsNetworkPerformanceMetricSubscriptionResult };
  DisableCapacityManager: { input: DisableCapacityManagerRequest; output: DisableCapacityManagerResult };
  DisableEbsEncryptionByDefault: { input: DisableEbsEncryptionByDefaultRequest; output: DisableEbsEncryptionByDefaultResult };
  DisableFastLaunch: { input: DisableFastLaunchRequest; output: DisableFastLaunchResult };
  DisableFastSnapshotRestores: { input: DisableFastSnapshotRestoresRequest; output: DisableFastSnapshotRestoresResult };
  DisableImage: { input: DisableImageRequest; output: DisableImageResult };
  DisableImageBlockPublicAccess: { input: DisableImageBlockPublicAccessRequest; output: DisableImageBlockPublicAccessResult };
  DisableImageDeprecation: { input: DisableImageDeprecationRequest; output: DisableImageDeprecationResult };
  DisableImageDeregistrationProtection: { input: DisableImageDeregistrationProtectionRequest; output: DisableImageDeregistrationProtectionResult };
  DisableInstanceSqlHaStandbyDetections: { input: DisableInstanceSqlHaStandbyDetectionsRequest; output: DisableInstanceSqlHaStandbyDetectionsResult };
  DisableIpamOrganizationAdminAccount: { input: DisableIpamOrganizationAdminAccountRequest; output: DisableIpamOrganizationAdminAccountResult };
  DisableIpamPolicy: { input: DisableIpamPolicyRequest; output: DisableIpamPolicyResult };
  DisableRouteServerPropagation: { input: DisableRouteServerPropagationRequest; output: DisableRouteServerPropagationResult };
  DisableSerialConsoleAccess: { input: DisableSerialConsoleAccessRequest; output: DisableSerialConsoleAccessResult };
  DisableSnapshotBlockPublicAccess: { input: DisableSnapshotBlockPublicAccessRequest; output: DisableSnapshotBlockPublicAccessResult };
  DisableTransitGatewayRouteTablePropagation: { input: DisableTransitGatewayRouteTablePropagationRequest; output: DisableTransitGatewayRouteTablePropagationResult };
  DisableVgwRoutePropagation: { input: DisableVgwRoutePropagationRequest; output: Empty };
  DisableVpcClassicLink: { input: DisableVpcClassicLinkRequest; output: DisableVpcClassicLinkResult };
  DisableVpcClassicLinkDnsSupport: { input: DisableVpcClassicLinkDnsSupportRequest; output: DisableVpcClassicLinkDnsSupportResult };
  DisassociateAddress: { input: DisassociateAddressRequest; output: Empty };
  DisassociateCapacityReservationBillingOwner: { input: DisassociateCapacityReservationBillingOwnerRequest; output: DisassociateCapacityReservationBillingOwnerResult };
  DisassociateClientVpnTargetNetwork: { input: DisassociateClientVpnTargetNetworkRequest; output: DisassociateClientVpnTargetNetworkResult };
  DisassociateEnclaveCertificateIamRole: { input: DisassociateEnclaveCertificateIamRoleRequest; output: DisassociateEnclaveCertificateIamRoleResult };
  DisassociateIamInstanceProfile: { input: DisassociateIamInstanceProfileRequest; output: DisassociateIamInstanceProfileResult };
  DisassociateInstanceEventWindow: { input: DisassociateInstanceEventWindowRequest; output: DisassociateInstanceEventWindowResult };
  DisassociateIpamByoasn: { input: DisassociateIpamByoasnRequest; output: DisassociateIpamByoasnResult };
  DisassociateIpamResourceDiscovery: { input: DisassociateIpamResourceDiscoveryRequest; output: DisassociateIpamResourceDiscoveryResult };
  DisassociateNatGatewayAddress: { input: DisassociateNatGatewayAddressRequest; output: DisassociateNatGatewayAddressResult };
  DisassociateRouteServer: { input: DisassociateRouteServerRequest; output: DisassociateRouteServerResult };
  DisassociateRouteTable: { input: DisassociateRouteTableRequest; output: Empty };
  DisassociateSecurityGroupVpc: { input: DisassociateSecurityGroupVpcRequest; output: DisassociateSecurityGroupVpcResult };
  DisassociateSubnetCidrBlock: { input: DisassociateSubnetCidrBlockRequest; output: DisassociateSubnetCidrBlockResult };
  DisassociateTransitGatewayMulticastDomain: { input: DisassociateTransitGatewayMulticastDomainRequest; output: DisassociateTransitGatewayMulticastDomainResult };
  DisassociateTransitGatewayPolicyTable: { input: DisassociateTransitGatewayPolicyTableRequest; output: DisassociateTransitGatewayPolicyTableResult };
  DisassociateTransitGatewayRouteTable: { input: DisassociateTransitGatewayRouteTableRequest; output: DisassociateTransitGatewayRouteTableResult };
  DisassociateTrunkInterface: { input: DisassociateTrunkInterfaceRequest; output: DisassociateTrunkInterfaceResult };
  DisassociateVpcCidrBlock: { input: DisassociateVpcCidrBlockRequest; output: DisassociateVpcCidrBlockResult };
  EnableAddressTransfer: { input: EnableAddressTransferRequest; output: EnableAddressTransferResult };
  EnableAllowedImagesSettings: { input: EnableAllowedImagesSettingsRequest; output: EnableAllowedImagesSettingsResult };
  EnableAwsNetworkPerformanceMetricSubscription: { input: EnableAwsNetworkPerformanceMetricSubscriptionRequest; output: EnableAwsNetworkPerformanceMetricSubscriptionResult };
  EnableCapacityManager: { input: EnableCapacityManagerRequest; output: EnableCapacityManagerResult };
  EnableEbsEncryptionByDefault: { input: EnableEbsEncryptionByDefaultRequest; output: EnableEbsEncryptionByDefaultResult };
  EnableFastLaunch: { input: EnableFastLaunchRequest; output: EnableFastLaunchResult };
  EnableFastSnapshotRestores: { input: EnableFastSnapshotRestoresRequest; output: EnableFastSnapshotRestoresResult };
  EnableImage: { input: EnableImageRequest; output: EnableImageResult };
  EnableImageBlockPublicAccess: { input: EnableImageBlockPublicAccessRequest; output: EnableImageBlockPublicAccessResult };
  EnableImageDeprecation: { input: EnableImageDeprecationRequest; output: EnableImageDeprecationResult };
  EnableImageDeregistrationProtection: { input: EnableImageDeregistrationProtectionRequest; output: EnableImageDeregistrationProtectionResult };
  EnableInstanceSqlHaStandbyDetections: { input: EnableInstanceSqlHaStandbyDetectionsRequest; output: EnableInstanceSqlHaStandbyDetectionsResult };
  EnableIpamOrganizationAdminAccount: { input: EnableIpamOrganizationAdminAccountRequest; output: EnableIpamOrganizationAdminAccountResult };
  EnableIpamPolicy: { input: EnableIpamPolicyRequest; output: EnableIpamPolicyResult };
  EnableReachabilityAnalyzerOrganizationSharing: { input: EnableReachabilityAnalyzerOrganizationSharingRequest; output: EnableReachabilityAnalyzerOrganizationSharingResult };
  EnableRouteServerPropagation: { input: EnableRouteServerPropagationRequest; output: EnableRouteServerPropagationResult };
  EnableSerialConsoleAccess: { input: EnableSerialConsoleAccessRequest; output: EnableSerialConsoleAccessResult };
  EnableSnapshotBlockPublicAccess: { input: EnableSnapshotBlockPublicAccessRequest; output: EnableSnapshotBlockPublicAccessResult };
  EnableTransitGatewayRouteTablePropagation: { input: EnableTransitGatewayRouteTablePropagationRequest; output: EnableTransitGatewayRouteTablePropagationResult };
  EnableVgwRoutePropagation: { input: EnableVgwRoutePropagationRequest; output: Empty };
  EnableVolumeIO: { input: EnableVolumeIORequest; output: Empty };
  EnableVpcClassicLink: { input: EnableVpcClassicLinkRequest; output: EnableVpcClassicLinkResult };
  EnableVpcClassicLinkDnsSupport: { input: EnableVpcClassicLinkDnsSupportRequest; output: EnableVpcClassicLinkDnsSupportResult };
  ExportClientVpnClientCertificateRevocationList: { input: ExportClientVpnClientCertificateRevocationListRequest; output: ExportClientVpnClientCertificateRevocationListResult };
  ExportClientVpnClientConfiguration: { input: ExportClientVpnClientConfigurationRequest; output: ExportClientVpnClientConfigurationResult };
  ExportImage: { input: ExportImageRequest; output: ExportImageResult };
  ExportTransitGatewayRoutes: { input: ExportTransitGatewayRoutesRequest; output: ExportTransitGatewayRoutesResult };
  ExportVerifiedAccessInstanceClientConfiguration: { input: ExportVerifiedAccessInstanceClientConfigurationRequest; output: ExportVerifiedAccessInstanceClientConfigurationResult };
  GetActiveVpnTunnelStatus: { input: GetActiveVpnTunnelStatusRequest; output: GetActiveVpnTunnelStatusResult };
  GetAllowedImagesSettings: { input: GetAllowedImagesSettingsRequest; output: GetAllowedImagesSettingsResult };
  GetAssociatedEnclaveCertificateIamRoles: { input: GetAssociatedEnclaveCertificateIamRolesRequest; output: GetAssociatedEnclaveCertificateIamRolesResult };
  GetAssociatedIpv6PoolCidrs: { input: GetAssociatedIpv6PoolCidrsRequest; output: GetAssociatedIpv6PoolCidrsResult };
  GetAwsNetworkPerformanceData: { input: GetAwsNetworkPerformanceDataRequest; output: GetAwsNetworkPerformanceDataResult };
  GetCapacityManagerAttributes: { input: GetCapacityManagerAttributesRequest; output: GetCapacityManagerAttributesResult };
  GetCapacityManagerMetricData: { input: GetCapacityManagerMetricDataRequest; output: GetCapacityManagerMetricDataResult };
  GetCapacityManagerMetricDimensions: { input: GetCapacityManagerMetricDimensionsRequest; output: GetCapacityManagerMetricDimensionsResult };
  GetCapacityManagerMonitoredTagKeys: { input: GetCapacityManagerMonitoredTagKeysRequest; output: GetCapacityManagerMonitoredTagKeysResult };
  GetCapacityReservationUsage: { input: GetCapacityReservationUsageRequest; output: GetCapacityReservationUsageResult };
  GetCoipPoolUsage: { input: GetCoipPoolUsageRequest; output: GetCoipPoolUsageResult };
  GetConsoleOutput: { input: GetConsoleOutputRequest; output: GetConsoleOutputResult };
  GetConsoleScreenshot: { input: GetConsoleScreenshotRequest; output: GetConsoleScreenshotResult };
  GetDeclarativePoliciesReportSummary: { input: GetDeclarativePoliciesReportSummaryRequest; output: GetDeclarativePoliciesReportSummaryResult };
  GetDefaultCreditSpecification: { input: GetDefaultCreditSpecificationRequest; output: GetDefaultCreditSpecificationResult };
  GetEbsDefaultKmsKeyId: { input: GetEbsDefaultKmsKeyIdRequest; output: GetEbsDefaultKmsKeyIdResult };
  GetEbsEncryptionByDefault: { input: GetEbsEncryptionByDefaultRequest; output: GetEbsEncryptionByDefaultResult };
  GetEnabledIpamPolicy: { input: GetEnabledIpamPolicyRequest; output: GetEnabledIpamPolicyResult };
  GetFlowLogsIntegrationTemplate: { input: GetFlowLogsIntegrationTemplateRequest; output: GetFlowLogsIntegrationTemplateResult };
  GetGroupsForCapacityReservation: { input: GetGroupsForCapacityReservationRequest; output: GetGroupsForCapacityReservationResult };
  GetHostReservationPurchasePreview: { input: GetHostReservationPurchasePreviewRequest; output: GetHostReservationPurchasePreviewResult };
  GetImageAncestry: { input: GetImageAncestryRequest; output: GetImageAncestryResult };
  GetImageBlockPublicAccessState: { input: GetImageBlockPublicAccessStateRequest; output: GetImageBlockPublicAccessStateResult };
  GetInstanceMetadataDefaults: { input: GetInstanceMetadataDefaultsRequest; output: GetInstanceMetadataDefaultsResult };
  GetInstanceTpmEkPub: { input: GetInstanceTpmEkPubRequest; output: GetInstanceTpmEkPubResult };
  GetInstanceTypesFromInstanceRequirements: { input: GetInstanceTypesFromInstanceRequirementsRequest; output: GetInstanceTypesFromInstanceRequirementsResult };
  GetInstanceUefiData: { input: GetInstanceUefiDataRequest; output: GetInstanceUefiDataResult };
  GetIpamAddressHistory: { input: GetIpamAddressHistoryRequest; output: GetIpamAddressHistoryResult };
  GetIpamDiscoveredAccounts: { input: GetIpamDiscoveredAccountsRequest; output: GetIpamDiscoveredAccountsResult };
  GetIpamDiscoveredPublicAddresses: { input: GetIpamDiscoveredPublicAddressesRequest; output: GetIpamDiscoveredPublicAddressesResult };
  GetIpamDiscoveredResourceCidrs: { input: GetIpamDiscoveredResourceCidrsRequest; output: GetIpamDiscoveredResourceCidrsResult };
  GetIpamPolicyAllocationRules: { input: GetIpamPolicyAllocationRulesRequest; output: GetIpamPolicyAllocationRulesResult };
  GetIpamPolicyOrganizationTargets: { input: GetIpamPolicyOrganizationTargetsRequest; output: GetIpamPolicyOrganizationTargetsResult };
  GetIpamPoolAllocations: { input: GetIpamPoolAllocationsRequest; output: GetIpamPoolAllocationsResult };
  GetIpamPoolCidrs: { input: GetIpamPoolCidrsRequest; output: GetIpamPoolCidrsResult };
  GetIpamPrefixListResolverRules: { input: GetIpamPrefixListResolverRulesRequest; output: GetIpamPrefixListResolverRulesResult };
  GetIpamPrefixListResolverVersionEntries: { input: GetIpamPrefixListResolverVersionEntriesRequest; output: GetIpamPrefixListResolverVersionEntriesResult };
  GetIpamPrefixListResolverVersions: { input: GetIpamPrefixListResolverVersionsRequest; output: GetIpamPrefixListResolverVersionsResult };
  GetIpamResourceCidrs: { input: GetIpamResourceCidrsRequest; output: GetIpamResourceCidrsResult };
  GetLaunchTemplateData: { input: GetLaunchTemplateDataRequest; output: GetLaunchTemplateDataResult };
  GetManagedPrefixListAssociations: { input: GetManagedPrefixListAssociationsRequest; output: GetManagedPrefixListAssociationsResult };
  GetManagedPrefixListEntries: { input: GetManagedPrefixListEntriesRequest; output: GetManagedPrefixListEntriesResult };
  GetManagedResourceVisibility: { input: GetManagedResourceVisibilityRequest; output: GetManagedResourceVisibilityResult };
  GetNetworkInsightsAccessScopeAnalysisFindings: { input: GetNetworkInsightsAccessScopeAnalysisFindingsRequest; output: GetNetworkInsightsAccessScopeAnalysisFindingsResult };
  GetNetworkInsightsAccessScopeContent: { input: GetNetworkInsightsAccessScopeContentRequest; output: GetNetworkInsightsAccessScopeContentResult };
  GetPasswordData: { input: GetPasswordDataRequest; output: GetPasswordDataResult };
  GetReservedInstancesExchangeQuote: { input: GetReservedInstancesExchangeQuoteRequest; output: GetReservedInstancesExchangeQuoteResult };
  GetRouteServerAssociations: { input: GetRouteServerAssociationsRequest; output: GetRouteServerAssociationsResult };
  GetRouteServerPropagations: { input: GetRouteServerPropagationsRequest; output: GetRouteServerPropagationsResult };
  GetRouteServerRoutingDatabase: { input: GetRouteServerRoutingDatabaseRequest; output: GetRouteServerRoutingDatabaseResult };
  GetSecurityGroupsForVpc: { input: GetSecurityGroupsForVpcRequest; output: GetSecurityGroupsForVpcResult };
  GetSerialConsoleAccessStatus: { input: GetSerialConsoleAccessStatusRequest; output: GetSerialConsoleAccessStatusResult };
  GetSnapshotBlockPublicAccessState: { input: GetSnapshotBlockPublicAccessStateRequest; output: GetSnapshotBlockPublicAccessStateResult };
  GetSpotPlacementScores: { input: GetSpotPlacementScoresRequest; output: GetSpotPlacementScoresResult };
  GetSubnetCidrReservations: { input: GetSubnetCidrReservationsRequest; output: GetSubnetCidrReservationsResult };
  GetTransitGatewayAttachmentPropagations: { input: GetTransitGatewayAttachmentPropagationsRequest; output: GetTransitGatewayAttachmentPropagationsResult };
  GetTransitGatewayMeteringPolicyEntries: { input: GetTransitGatewayMeteringPolicyEntriesRequest; output: GetTransitGatewayMeteringPolicyEntriesResult };
  GetTransitGatewayMulticastDomainAssociations: { input: GetTransitGatewayMulticastDomainAssociationsRequest; output: GetTransitGatewayMulticastDomainAssociationsResult };
  GetTransitGatewayPolicyTableAssociations: { input: GetTransitGatewayPolicyTableAssociationsRequest; output: GetTransitGatewayPolicyTableAssociationsResult };
  GetTransitGatewayPolicyTableEntries: { input: GetTransitGatewayPolicyTableEntriesRequest; output: GetTransitGatewayPolicyTableEntriesResult };
  GetTransitGatewayPrefixListReferences: { input: GetTransitGatewayPrefixListReferencesRequest; output: GetTransitGatewayPrefixListReferencesResult };
  GetTransitGatewayRouteTableAssociations: { input: GetTransitGatewayRouteTableAssociationsRequest; output: GetTransitGatewayRouteTableAssociationsResult };
  GetTransitGatewayRouteTablePropagations: { input: GetTransitGatewayRouteTablePropagationsRequest; output: GetTransitGatewayRouteTablePropagationsResult };
  GetVerifiedAccessEndpointPolicy: { input: GetVerifiedAccessEndpointPolicyRequest; output: GetVerifiedAccessEndpointPolicyResult };
  GetVerifiedAccessEndpointTargets: { input: GetVerifiedAccessEndpointTargetsRequest; output: GetVerifiedAccessEndpointTargetsResult };
  GetVerifiedAccessGroupPolicy: { input: GetVerifiedAccessGroupPolicyRequest; output: GetVerifiedAccessGroupPolicyResult };
  GetVpcResourcesBlockingEncryptionEnforcement: { input: GetVpcResourcesBlockingEncryptionEnforcementRequest; output: GetVpcResourcesBlockingEncryptionEnforcementResult };
  GetVpnConnectionDeviceSampleConfiguration: { input: GetVpnConnectionDeviceSampleConfigurationRequest; output: GetVpnConnectionDeviceSampleConfigurationResult };
  GetVpnConnectionDeviceTypes: { input: GetVpnConnectionDeviceTypesRequest; output: GetVpnConnectionDeviceTypesResult };
  GetVpnTunnelReplacementStatus: { input: GetVpnTunnelReplacementStatusRequest; output: GetVpnTunnelReplacementStatusResult };
  ImportClientVpnClientCertificateRevocationList: { input: ImportClientVpnClientCertificateRevocationListRequest; output: ImportClientVpnClientCertificateRevocationListResult };
  ImportImage: { input: ImportImageRequest; output: ImportImageResult };
  ImportInstance: { input: ImportInstanceRequest; output: ImportInstanceResult };
  ImportKeyPair: { input: ImportKeyPairRequest; output: ImportKeyPairResult };
  ImportSnapshot: { input: ImportSnapshotRequest; output: ImportSnapshotResult };
  ImportVolume: { input: ImportVolumeRequest; output: ImportVolumeResult };
  ListImagesInRecycleBin: { input: ListImagesInRecycleBinRequest; output: ListImagesInRecycleBinResult };
  ListSnapshotsInRecycleBin: { input: ListSnapshotsInRecycleBinRequest; output: ListSnapshotsInRecycleBinResult };
  ListVolumesInRecycleBin: { input: ListVolumesInRecycleBinRequest; output: ListVolumesInRecycleBinResult };
  LockSnapshot: { input: LockSnapshotRequest; output: LockSnapshotResult };
  ModifyAddressAttribute: { input: ModifyAddressAttributeRequest; output: ModifyAddressAttributeResult };
  ModifyAvailabilityZoneGroup: { input: ModifyAvailabilityZoneGroupRequest; output: ModifyAvailabilityZoneGroupResult };
  ModifyCapacityReservation: { input: ModifyCapacityReservationRequest; output: ModifyCapacityReservationResult };
  ModifyCapacityReservationFleet: { input: ModifyCapacityReservationFleetRequest; output: ModifyCapacityReservationFleetResult };
  ModifyClientVpnEndpoint: { input: ModifyClientVpnEndpointRequest; output: ModifyClientVpnEndpointResult };
  ModifyDefaultCreditSpecification: { input: ModifyDefaultCreditSpecificationRequest; output: ModifyDefaultCreditSpecificationResult };
  ModifyEbsDefaultKmsKeyId: { input: ModifyEbsDefaultKmsKeyIdRequest; output: ModifyEbsDefaultKmsKeyIdResult };
  ModifyFleet: { input: ModifyFleetRequest; output: ModifyFleetResult };
  ModifyFpgaImageAttribute: { input: ModifyFpgaImageAttributeRequest; output: ModifyFpgaImageAttributeResult };
  ModifyHosts: { input: ModifyHostsRequest; output: ModifyHostsResult };
  ModifyIdFormat: { input: ModifyIdFormatRequest; output: Empty };
  ModifyIdentityIdFormat: { input: ModifyIdentityIdFormatRequest; output: Empty };
  ModifyImageAttribute: { input: ModifyImageAttributeRequest; output: Empty };
  ModifyInstanceAttribute: { input: ModifyInstanceAttributeRequest; output: Empty };
  ModifyInstanceCapacityReservationAttributes: { input: ModifyInstanceCapacityReservationAttributesRequest; output: ModifyInstanceCapacityReservationAttributesResult };
  ModifyInstanceConnectEndpoint: { input: ModifyInstanceConnectEndpointRequest; output: ModifyInstanceConnectEndpointResult };
  ModifyInstanceCpuOptions: { input: ModifyInstanceCpuOptionsRequest; output: ModifyInstanceCpuOptionsResult };
  ModifyInstanceCreditSpecification: { input: ModifyInstanceCreditSpecificationRequest; output: ModifyInstanceCreditSpecificationResult };
  ModifyInstanceEventStartTime: { input: ModifyInstanceEventStartTimeRequest; output: ModifyInstanceEventStartTimeResult };
  ModifyInstanceEventWindow: { input: ModifyInstanceEventWindowRequest; output: ModifyInstanceEventWindowResult };
  ModifyInstanceMaintenanceOptions: { input: ModifyInstanceMaintenanceOptionsRequest; output: ModifyInstanceMaintenanceOptionsResult };
  ModifyInstanceMetadataDefaults: { input: ModifyInstanceMetadataDefaultsRequest; output: ModifyInstanceMetadataDefaultsResult };
  ModifyInstanceMetadataOptions: { input: ModifyInstanceMetadataOptionsRequest; output: ModifyInstanceMetadataOptionsResult };
  ModifyInstanceNetworkPerformanceOptions: { input: ModifyInstanceNetworkPerformanceRequest; output: ModifyInstanceNetworkPerformanceResult };
  ModifyInstancePlacement: { input: ModifyInstancePlacementRequest; output: ModifyInstancePlacementResult };
  ModifyIpam: { input: ModifyIpamRequest; output: ModifyIpamResult };
  ModifyIpamPolicyAllocationRules: { input: ModifyIpamPolicyAllocationRulesRequest; output: ModifyIpamPolicyAllocationRulesResult };
  ModifyIpamPool: { input: ModifyIpamPoolRequest; output: ModifyIpamPoolResult };
  ModifyIpamPoolAllocation: { input: ModifyIpamPoolAllocationRequest; output: ModifyIpamPoolAllocationResult };
  ModifyIpamPrefixListResolver: { input: ModifyIpamPrefixListResolverRequest; output: ModifyIpamPrefixListResolverResult };
  ModifyIpamPrefixListResolverTarget: { input: ModifyIpamPrefixListResolverTargetRequest; output: ModifyIpamPrefixListResolverTargetResult };
  ModifyIpamResourceCidr: { input: ModifyIpamResourceCidrRequest; output: ModifyIpamResourceCidrResult };
  ModifyIpamResourceDiscovery: { input: ModifyIpamResourceDiscoveryRequest; output: ModifyIpamResourceDiscoveryResult };
  ModifyIpamScope: { input: ModifyIpamScopeRequest; output: ModifyIpamScopeResult };
  ModifyLaunchTemplate: { input: ModifyLaunchTemplateRequest; output: ModifyLaunchTemplateResult };
  ModifyLocalGatewayRoute: { input: ModifyLocalGatewayRouteRequest; output: ModifyLocalGatewayRouteResult };
  ModifyManagedPrefixList: { input: ModifyManagedPrefixListRequest; output: ModifyManagedPrefixListResult };
  ModifyManagedResourceVisibility: { input: ModifyManagedResourceVisibilityRequest; output: ModifyManagedResourceVisibilityResult };
  ModifyNetworkInterfaceAttribute: { input: ModifyNetworkInterfaceAttributeRequest; output: Empty };
  ModifyPrivateDnsNameOptions: { input: ModifyPrivateDnsNameOptionsRequest; output: ModifyPrivateDnsNameOptionsResult };
  ModifyPublicIpDnsNameOptions: { input: ModifyPublicIpDnsNameOptionsRequest; output: ModifyPublicIpDnsNameOptionsResult };
  ModifyReservedInstances: { input: ModifyReservedInstancesRequest; output: ModifyReservedInstancesResult };
  ModifyRouteServer: { input: ModifyRouteServerRequest; output: ModifyRouteServerResult };
  ModifySecurityGroupRules: { input: ModifySecurityGroupRulesRequest; output: ModifySecurityGroupRulesResult };
  ModifySnapshotAttribute: { input: ModifySnapshotAttributeRequest; output: Empty };
  ModifySnapshotTier: { input: ModifySnapshotTierRequest; output: ModifySnapshotTierResult };
  ModifySpotFleetRequest: { input: ModifySpotFleetRequestRequest; output: ModifySpotFleetRequestResponse };
  ModifySubnetAttribute: { input: ModifySubnetAttributeRequest; output: Empty };
  ModifyTrafficMirrorFilterNetworkServices: { input: ModifyTrafficMirrorFilterNetworkServicesRequest; output: ModifyTrafficMirrorFilterNetworkServicesResult };
  ModifyTrafficMirrorFilterRule: { input: ModifyTrafficMirrorFilterRuleRequest; output: ModifyTrafficMirrorFilterRuleResult };
  ModifyTrafficMirrorSession: { input: ModifyTrafficMirrorSessionRequest; output: ModifyTrafficMirrorSessionResult };
  ModifyTransitGateway: { input: ModifyTransitGatewayRequest; output: ModifyTransitGatewayResult };
  ModifyTransitGatewayMeteringPolicy: { input: ModifyTransitGatewayMeteringPolicyRequest; output: ModifyTransitGatewayMeteringPolicyResult };
  ModifyTransitGatewayPrefixListReference: { input: ModifyTransitGatewayPrefixListReferenceRequest; output: ModifyTransitGatewayPrefixListReferenceResult };
  ModifyTransitGatewayVpcAttachment: { input: ModifyTransitGatewayVpcAttachmentRequest; output: ModifyTransitGatewayVpcAttachmentResult };
  ModifyVerifiedAccessEndpoint: { input: ModifyVerifiedAccessEndpointRequest; output: ModifyVerifiedAccessEndpointResult };
  ModifyVerifiedAccessEndpointPolicy: { input: ModifyVerifiedAccessEndpointPolicyRequest; output: ModifyVerifiedAccessEndpointPolicyResult };
  ModifyVerifiedAccessGroup: { input: ModifyVerifiedAccessGroupRequest; output: ModifyVerifiedAccessGroupResult };
  ModifyVerifiedAccessGroupPolicy: { input: ModifyVerifiedAccessGroupPolicyRequest; output: ModifyVerifiedAccessGroupPolicyResult };
  ModifyVerifiedAccessInstance: { input: ModifyVerifiedAccessInstanceRequest; output: ModifyVerifiedAccessInstanceResult };
  ModifyVerifiedAccessInstanceLoggingConfiguration: { input: ModifyVerifiedAccessInstanceLoggingConfigurationRequest; output: ModifyVerifiedAccessInstanceLoggingConfigurationResult };
  ModifyVerifiedAccessTrustProvider: { input: ModifyVerifiedAccessTrustProviderRequest; output: ModifyVerifiedAccessTrustProviderResult };
  ModifyVolume: { input: ModifyVolumeRequest; output: ModifyVolumeResult };
  ModifyVolumeAttribute: { input: ModifyVolumeAttributeRequest; output: Empty };
  ModifyVpcAttribute: { input: ModifyVpcAttributeRequest; output: Empty };
  ModifyVpcBlockPublicAccessExclusion: { input: ModifyVpcBlockPublicAccessExclusionRequest; output: ModifyVpcBlockPublicAccessExclusionResult };
  ModifyVpcBlockPublicAccessOptions: { input: ModifyVpcBlockPublicAccessOptionsRequest; output: ModifyVpcBlockPublicAccessOptionsResult };
  ModifyVpcEncryptionControl: { input: ModifyVpcEncryptionControlRequest; output: ModifyVpcEncryptionControlResult };
  ModifyVpcEndpoint: { input: ModifyVpcEndpointRequest; output: ModifyVpcEndpointResult };
  ModifyVpcEndpointConnectionNotification: { input: ModifyVpcEndpointConnectionNotificationRequest; output: ModifyVpcEndpointConnectionNotificationResult };
  ModifyVpcEndpointServiceConfiguration: { input: ModifyVpcEndpointServiceConfigurationRequest; output: ModifyVpcEndpointServiceConfigurationResult };
  ModifyVpcEndpointServicePayerResponsibility: { input: ModifyVpcEndpointServicePayerResponsibilityRequest; output: ModifyVpcEndpointServicePayerResponsibilityResult };
  ModifyVpcEndpointServicePermissions: { input: ModifyVpcEndpointServicePermissionsRequest; output: ModifyVpcEndpointServicePermissionsResult };
  ModifyVpcPeeringConnectionOptions: { input: ModifyVpcPeeringConnectionOptionsRequest; output: ModifyVpcPeeringConnectionOptionsResult };
  ModifyVpcTenancy: { input: ModifyVpcTenancyRequest; output: ModifyVpcTenancyResult };
  ModifyVpnConnection: { input: ModifyVpnConnectionRequest; output: ModifyVpnConnectionResult };
  ModifyVpnConnectionOptions: { input: ModifyVpnConnectionOptionsRequest; output: ModifyVpnConnectionOptionsResult };
  ModifyVpnTunnelCertificate: { input: ModifyVpnTunnelCertificateRequest; output: ModifyVpnTunnelCertificateResult };
  ModifyVpnTunnelOptions: { input: ModifyVpnTunnelOptionsRequest; output: ModifyVpnTunnelOptionsResult };
  MonitorInstances: { input: MonitorInstancesRequest; output: MonitorInstancesResult };
  MoveAddressToVpc: { input: MoveAddressToVpcRequest; output: MoveAddressToVpcResult };
  MoveByoipCidrToIpam: { input: MoveByoipCidrToIpamRequest; output: MoveByoipCidrToIpamResult };
  MoveCapacityReservationInstances: { input: MoveCapacityReservationInstancesRequest; output: MoveCapacityReservationInstancesResult };
  ProvisionByoipCidr: { input: ProvisionByoipCidrRequest; output: ProvisionByoipCidrResult };
  ProvisionIpamByoasn: { input: ProvisionIpamByoasnRequest; output: ProvisionIpamByoasnResult };
  ProvisionIpamPoolCidr: { input: ProvisionIpamPoolCidrRequest; output: ProvisionIpamPoolCidrResult };
  ProvisionPublicIpv4PoolCidr: { input: ProvisionPublicIpv4PoolCidrRequest; output: ProvisionPublicIpv4PoolCidrResult };
  PurchaseCapacityBlock: { input: PurchaseCapacityBlockRequest; output: PurchaseCapacityBlockResult };
  PurchaseCapacityBlockExtension: { input: PurchaseCapacityBlockExtensionRequest; output: PurchaseCapacityBlockExtensionResult };
  PurchaseHostReservation: { input: PurchaseHostReservationRequest; output: PurchaseHostReservationResult };
  PurchaseReservedInstancesOffering: { input: PurchaseReservedInstancesOfferingRequest; output: PurchaseReservedInstancesOfferingResult };
  PurchaseScheduledInstances: { input: PurchaseScheduledInstancesRequest; output: PurchaseScheduledInstancesResult };
  RebootInstances: { input: RebootInstancesRequest; output: Empty };
  RegisterImage: { input: RegisterImageRequest; output: RegisterImageResult };
  RegisterInstanceEventNotificationAttributes: { input: RegisterInstanceEventNotificationAttributesRequest; output: RegisterInstanceEventNotificationAttributesResult };
  RegisterTransitGatewayMulticastGroupMembers: { input: RegisterTransitGatewayMulticastGroupMembersRequest; output: RegisterTransitGatewayMulticastGroupMembersResult };
  RegisterTransitGatewayMulticastGroupSources: { input: RegisterTransitGatewayMulticastGroupSourcesRequest; output: RegisterTransitGatewayMulticastGroupSourcesResult };
  RejectCapacityReservationBillingOwnership: { input: RejectCapacityReservationBillingOwnershipRequest; output: RejectCapacityReservationBillingOwnershipResult };
  RejectTransitGatewayClientVpnAttachment: { input: RejectTransitGatewayClientVpnAttachmentRequest; output: RejectTransitGatewayClientVpnAttachmentResult };
  RejectTransitGatewayMulticastDomainAssociations: { input: RejectTransitGatewayMulticastDomainAssociationsRequest; output: RejectTransitGatewayMulticastDomainAssociationsResult };
  RejectTransitGatewayPeeringAttachment: { input: RejectTransitGatewayPeeringAttachmentRequest; output: RejectTransitGatewayPeeringAttachmentResult };
  RejectTransitGatewayVpcAttachment: { input: RejectTransitGatewayVpcAttachmentRequest; output: RejectTransitGatewayVpcAttachmentResult };
  RejectVpcEndpointConnections: { input: RejectVpcEndpointConnectionsRequest; output: RejectVpcEndpointConnectionsResult };
  RejectVpcPeeringConnection: { input: RejectVpcPeeringConnectionRequest; output: RejectVpcPeeringConnectionResult };
  ReleaseAddress: { input: ReleaseAddressRequest; output: Empty };
  ReleaseHosts: { input: ReleaseHostsRequest; output: ReleaseHostsResult };
  ReleaseIpamPoolAllocation: { input: ReleaseIpamPoolAllocationRequest; output: ReleaseIpamPoolAllocationResult };
  ReplaceIamInstanceProfileAssociation: { input: ReplaceIamInstanceProfileAssociationRequest; output: ReplaceIamInstanceProfileAssociationResult };
  ReplaceImageCriteriaInAllowedImagesSettings: { input: ReplaceImageCriteriaInAllowedImagesSettingsRequest; output: ReplaceImageCriteriaInAllowedImagesSettingsResult };
  ReplaceNetworkAclAssociation: { input: ReplaceNetworkAclAssociationRequest; output: ReplaceNetworkAclAssociationResult };
  ReplaceNetworkAclEntry: { input: ReplaceNetworkAclEntryRequest; output: Empty };
  ReplaceRoute: { input: ReplaceRouteRequest; output: Empty };
  ReplaceRouteTableAssociation: { input: ReplaceRouteTableAssociationRequest; output: ReplaceRouteTableAssociationResult };
  ReplaceTransitGatewayRoute: { input: ReplaceTransitGatewayRouteRequest; output: ReplaceTransitGatewayRouteResult };
  ReplaceVpnTunnel: { input: ReplaceVpnTunnelRequest; output: ReplaceVpnTunnelResult };
  ReportInstanceStatus: { input: ReportInstanceStatusRequest; output: Empty };
  RequestSpotFleet: { input: RequestSpotFleetRequest; output: RequestSpotFleetResponse };
  RequestSpotInstances: { input: RequestSpotInstancesRequest; output: RequestSpotInstancesResult };
  ResetAddressAttribute: { input: ResetAddressAttributeRequest; output: ResetAddressAttributeResult };
  ResetEbsDefaultKmsKeyId: { input: ResetEbsDefaultKmsKeyIdRequest; output: ResetEbsDefaultKmsKeyIdResult };
  ResetFpgaImageAttribute: { input: ResetFpgaImageAttributeRequest; output: ResetFpgaImageAttributeResult };
  ResetImageAttribute: { input: ResetImageAttributeRequest; output: Empty };
  ResetInstanceAttribute: { input: ResetInstanceAttributeRequest; output: Empty };
  ResetNetworkInterfaceAttribute: { input: ResetNetworkInterfaceAttributeRequest; output: Empty };
  ResetSnapshotAttribute: { input: ResetSnapshotAttributeRequest; output: Empty };
  RestoreAddressToClassic: { input: RestoreAddressToClassicRequest; output: RestoreAddressToClassicResult };
  RestoreImageFromRecycleBin: { input: RestoreImageFromRecycleBinRequest; output: RestoreImageFromRecycleBinResult };
  RestoreManagedPrefixListVersion: { input: RestoreManagedPrefixListVersionRequest; output: RestoreManagedPrefixListVersionResult };
  RestoreSnapshotFromRecycleBin: { input: RestoreSnapshotFromRecycleBinRequest; output: RestoreSnapshotFromRecycleBinResult };
  RestoreSnapshotTier: { input: RestoreSnapshotTierRequest; output: RestoreSnapshotTierResult };
  RestoreVolumeFromRecycleBin: { input: RestoreVolumeFromRecycleBinRequest; output: RestoreVolumeFromRecycleBinResult };
  RevokeClientVpnIngress: { input: RevokeClientVpnIngressRequest; output: RevokeClientVpnIngressResult };
  RevokeSecurityGroupEgress: { input: RevokeSecurityGroupEgressRequest; output: RevokeSecurityGroupEgressResult };
  RevokeSecurityGroupIngress: { input: RevokeSecurityGroupIngressRequest; output: RevokeSecurityGroupIngressResult };
  RunInstances: { input: RunInstancesRequest; output: Reservation };
  RunScheduledInstances: { input: RunScheduledInstancesRequest; output: RunScheduledInstancesResult };
  SearchLocalGatewayRoutes: { input: SearchLocalGatewayRoutesRequest; output: SearchLocalGatewayRoutesResult };
  SearchTransitGatewayMulticastGroups: { input: SearchTransitGatewayMulticastGroupsRequest; output: SearchTransitGatewayMulticastGroupsResult };
  SearchTransitGatewayRoutes: { input: SearchTransitGatewayRoutesRequest; output: SearchTransitGatewayRoutesResult };
  SendDiagnosticInterrupt: { input: SendDiagnosticInterruptRequest; output: Empty };
  StartDeclarativePoliciesReport: { input: StartDeclarativePoliciesReportRequest; output: StartDeclarativePoliciesReportResult };
  StartInstances: { input: StartInstancesRequest; output: StartInstancesResult };
  StartNetworkInsightsAccessScopeAnalysis: { input: StartNetworkInsightsAccessScopeAnalysisRequest; output: StartNetworkInsightsAccessScopeAnalysisResult };
  StartNetworkInsightsAnalysis: { input: StartNetworkInsightsAnalysisRequest; output: StartNetworkInsightsAnalysisResult };
  StartVpcEndpointServicePrivateDnsVerification: { input: StartVpcEndpointServicePrivateDnsVerificationRequest; output: StartVpcEndpointServicePrivateDnsVerificationResult };
  StopInstances: { input: StopInstancesRequest; output: StopInstancesResult };
  TerminateClientVpnConnections: { input: TerminateClientVpnConnectionsRequest; output: TerminateClientVpnConnectionsResult };
  TerminateInstances: { input: TerminateInstancesRequest; output: TerminateInstancesResult };
  UnassignIpv6Addresses: { input: UnassignIpv6AddressesRequest; output: UnassignIpv6AddressesResult };
  UnassignPrivateIpAddresses: { input: UnassignPrivateIpAddressesRequest; output: Empty };
  UnassignPrivateNatGatewayAddress: { input: UnassignPrivateNatGatewayAddressRequest; output: UnassignPrivateNatGatewayAddressResult };
  UnlockSnapshot: { input: UnlockSnapshotRequest; output: UnlockSnapshotResult };
  UnmonitorInstances: { input: UnmonitorInstancesRequest; output: UnmonitorInstancesResult };
  UpdateCapacityManagerMonitoredTagKeys: { input: UpdateCapacityManagerMonitoredTagKeysRequest; output: UpdateCapacityManagerMonitoredTagKeysResult };
  UpdateCapacityManagerOrganizationsAccess: { input: UpdateCapacityManagerOrganizationsAccessRequest; output: UpdateCapacityManagerOrganizationsAccessResult };
  UpdateInterruptibleCapacityReservationAllocation: { input: UpdateInterruptibleCapacityReservationAllocationRequest; output: UpdateInterruptibleCapacityReservationAllocationResult };
  UpdateSecurityGroupRuleDescriptionsEgress: { input: UpdateSecurityGroupRuleDescriptionsEgressRequest; output: UpdateSecurityGroupRuleDescriptionsEgressResult };
  UpdateSecurityGroupRuleDescriptionsIngress: { input: UpdateSecurityGroupRuleDescriptionsIngressRequest; output: UpdateSecurityGroupRuleDescriptionsIngressResult };
  WithdrawByoipCidr: { input: WithdrawByoipCidrRequest; output: WithdrawByoipCidrResult };
}

export type Ec2ErrorCode =
  never;

export const ec2ErrorCodes = [
] as const;

export const ec2OperationNames = [
  'AcceptAddressTransfer',
  'AcceptCapacityReservationBillingOwnership',
  'AcceptReservedInstancesExchangeQuote',
  'AcceptTransitGatewayClientVpnAttachment',
  'AcceptTransitGatewayMulticastDomainAssociations',
  'AcceptTransitGatewayPeeringAttachment',
  'AcceptTransitGatewayVpcAttachment',
  'AcceptVpcEndpointConnections',
  'AcceptVpcPeeringConnection',
  'AdvertiseByoipCidr',
  'AllocateAddress',
  'AllocateHosts',
  'AllocateIpamPoolCidr',
  'ApplySecurityGroupsToClientVpnTargetNetwork',
  'AssignIpv6Addresses',
  'AssignPrivateIpAddresses',
  'AssignPrivateNatGatewayAddress',
  'AssociateAddress',
  'AssociateCapacityReservationBillingOwner',
  'AssociateClientVpnTargetNetwork',
  'AssociateDhcpOptions',
  'AssociateEnclaveCertificateIamRole',
  'AssociateIamInstanceProfile',
  'AssociateInstanceEventWindow',
  'AssociateIpamByoasn',
  'AssociateIpamResourceDiscovery',
  'AssociateNatGatewayAddress',
  'AssociateRouteServer',
  'AssociateRouteTable',
  'AssociateSecurityGroupVpc',
  'AssociateSubnetCidrBlock',
  'AssociateTransitGatewayMulticastDomain',
  'AssociateTransitGatewayPolicyTable',
  'AssociateTransitGatewayRouteTable',
  'AssociateTrunkInterface',
  'AssociateVpcCidrBlock',
  'AttachClassicLinkVpc',
  'AttachInternetGateway',
  'AttachNetworkInterface',
  'AttachVerifiedAccessTrustProvider',
  'AttachVolume',
  'AttachVpnGateway',
  'AuthorizeClientVpnIngress',
  'AuthorizeSecurityGroupEgress',
  'AuthorizeSecurityGroupIngress',
  'BundleInstance',
  'CancelBundleTask',
  'CancelCapacityReservation',
  'CancelCapacityReservationFleets',
  'CancelConversionTask',
  'CancelDeclarativePoliciesReport',
  'CancelExportTask',
  'CancelImageLaunchPermission',
  'CancelImportTask',
  'CancelReservedInstancesListing',
  'CancelSpotFleetRequests',
  'CancelSpotInstanceRequests',
  'ConfirmProductInstance',
  'CopyFpgaImage',
  'CopyImage',
  'CopySnapshot',
  'CopyVolumes',
  'CreateCapacityManagerDataExport',
  'CreateCapacityReservation',
  'CreateCapacityReservationBySplitting',
  'CreateCapacityReservationFleet',
  'CreateCarrierGateway',
  'CreateClientVpnEndpoint',
  'CreateClientVpnRoute',
  'CreateCoipCidr',
  'CreateCoipPool',
  'CreateCustomerGateway',
  'CreateDefaultSubnet',
  'CreateDefaultVpc',
  'CreateDelegateMacVolumeOwnershipTask',
  'CreateDhcpOptions',
  'CreateEgressOnlyInternetGateway',
  'CreateFleet',
  'CreateFlowLogs',
  'CreateFpgaImage',
  'CreateImage',
  'CreateImageUsageReport',
  'CreateInstanceConnectEndpoint',
  'CreateInstanceEventWindow',
  'CreateInstanceExportTask',
  'CreateInternetGateway',
  'CreateInterruptibleCapacityReservationAllocation',
  'CreateIpam',
  'CreateIpamExternalResourceVerificationToken',
  'CreateIpamPolicy',
  'CreateIpamPool',
  'CreateIpamPrefixListResolver',
  'CreateIpamPrefixListResolverTarget',
  'CreateIpamResourceDiscovery',
  'CreateIpamScope',
  'CreateKeyPair',
  'CreateLaunchTemplate',
  'CreateLaunchTemplateVersion',
  'CreateLocalGatewayRoute',
  'CreateLocalGatewayRouteTable',
  'CreateLocalGatewayRouteTableVirtualInterfaceGroupAssociation',
  'CreateLocalGatewayRouteTableVpcAssociation',
  'CreateLocalGatewayVirtualInterface',
  'CreateLocalGatewayVirtualInterfaceGroup',
  'CreateMacSystemIntegrityProtectionModificationTask',
  'CreateManagedPrefixList',
  'CreateNatGateway',
  'CreateNetworkAcl',
  'CreateNetworkAclEntry',
  'CreateNetworkInsightsAccessScope',
  'CreateNetworkInsightsPath',
  'CreateNetworkInterface',
  'CreateNetworkInterfacePermission',
  'CreatePlacementGroup',
  'CreatePublicIpv4Pool',
  'CreateReplaceRootVolumeTask',
  'CreateReservedInstancesListing',
  'CreateRestoreImageTask',
  'CreateRoute',
  'CreateRouteServer',
  'CreateRouteServerEndpoint',
  'CreateRouteServerPeer',
  'CreateRouteTable',
  'CreateSecondaryNetwork',
  'CreateSecondarySubnet',
  'CreateSecurityGroup',
  'CreateSnapshot',
  'CreateSnapshots',
  'CreateSpotDatafeedSubscription',
  'CreateStoreImageTask',
  'CreateSubnet',
  'CreateSubnetCidrReservation',
  'CreateTags',
  'CreateTrafficMirrorFilter',
  'CreateTrafficMirrorFilterRule',
  'CreateTrafficMirrorSession',
  'CreateTrafficMirrorTarget',
  'CreateTransitGateway',
  'CreateTransitGatewayConnect',
  'CreateTransitGatewayConnectPeer',
  'CreateTransitGatewayMeteringPolicy',
  'CreateTransitGatewayMeteringPolicyEntry',
  'CreateTransitGatewayMulticastDomain',
  'CreateTransitGatewayPeeringAttachment',
  'CreateTransitGatewayPolicyTable',
  'CreateTransitGatewayPrefixListReference',
  'CreateTransitGatewayRoute',
  'CreateTransitGatewayRouteTable',
  'CreateTransitGatewayRouteTableAnnouncement',
  'CreateTransitGatewayVpcAttachment',
  'CreateVerifiedAccessEndpoint',
  'CreateVerifiedAccessGroup',
  'CreateVerifiedAccessInstance',
  'CreateVerifiedAccessTrustProvider',
  'CreateVolume',
  'CreateVpc',
  'CreateVpcBlockPublicAccessExclusion',
  'CreateVpcEncryptionControl',
  'CreateVpcEndpoint',
  'CreateVpcEndpointConnectionNotification',
  'CreateVpcEndpointServiceConfiguration',
  'CreateVpcPeeringConnection',
  'CreateVpnConcentrator',
  'CreateVpnConnection',
  'CreateVpnConnectionRoute',
  'CreateVpnGateway',
  'DeleteCapacityManagerDataExport',
  'DeleteCarrierGateway',
  'DeleteClientVpnEndpoint',
  'DeleteClientVpnRoute',
  'DeleteCoipCidr',
  'DeleteCoipPool',
  'DeleteCustomerGateway',
  'DeleteDhcpOptions',
  'DeleteEgressOnlyInternetGateway',
  'DeleteFleets',
  'DeleteFlowLogs',
  'DeleteFpgaImage',
  'DeleteImageUsageReport',
  'DeleteInstanceConnectEndpoint',
  'DeleteInstanceEventWindow',
  'DeleteInternetGateway',
  'DeleteIpam',
  'DeleteIpamExternalResourceVerificationToken',
  'DeleteIpamPolicy',
  'DeleteIpamPool',
  'DeleteIpamPrefixListResolver',
  'DeleteIpamPrefixListResolverTarget',
  'DeleteIpamResourceDiscovery',
  'DeleteIpamScope',
  'DeleteKeyPair',
  'DeleteLaunchTemplate',
  'DeleteLaunchTemplateVersions',
  'DeleteLocalGatewayRoute',
  'DeleteLocalGatewayRouteTable',
  'DeleteLocalGatewayRouteTableVirtualInterfaceGroupAssociation',
  'DeleteLocalGatewayRouteTableVpcAssociation',
  'DeleteLocalGatewayVirtualInterface',
  'DeleteLocalGatewayVirtualInterfaceGroup',
  'DeleteManagedPrefixList',
  'DeleteNatGateway',
  'DeleteNetworkAcl',
  'DeleteNetworkAclEntry',
  'DeleteNetworkInsightsAccessScope',
  'DeleteNetworkInsightsAccessScopeAnalysis',
  'DeleteNetworkInsightsAnalysis',
  'DeleteNetworkInsightsPath',
  'DeleteNetworkInterface',
  'DeleteNetworkInterfacePermission',
  'DeletePlacementGroup',
  'DeletePublicIpv4Pool',
  'DeleteQueuedReservedInstances',
  'DeleteRoute',
  'DeleteRouteServer',
  'DeleteRouteServerEndpoint',
  'DeleteRouteServerPeer',
  'DeleteRouteTable',
  'DeleteSecondaryNetwork',
  'DeleteSecondarySubnet',
  'DeleteSecurityGroup',
  'DeleteSnapshot',
  'DeleteSpotDatafeedSubscription',
  'DeleteSubnet',
  'DeleteSubnetCidrReservation',
  'DeleteTags',
  'DeleteTrafficMirrorFilter',
  'DeleteTrafficMirrorFilterRule',
  'DeleteTrafficMirrorSession',
  'DeleteTrafficMirrorTarget',
  'DeleteTransitGateway',
  'DeleteTransitGatewayClientVpnAttachment',
  'DeleteTransitGatewayConnect',
  'DeleteTransitGatewayConnectPeer',
  'DeleteTransitGatewayMeteringPolicy',
  'DeleteTransitGatewayMeteringPolicyEntry',
  'DeleteTransitGatewayMulticastDomain',
  'DeleteTransitGatewayPeeringAttachment',
  'DeleteTransitGatewayPolicyTable',
  'DeleteTransitGatewayPrefixListReference',
  'DeleteTransitGatewayRoute',
  'DeleteTransitGatewayRouteTable',
  'DeleteTransitGatewayRouteTableAnnouncement',
  'DeleteTransitGatewayVpcAttachment',
  'DeleteVerifiedAccessEndpoint',
  'DeleteVerifiedAccessGroup',
  'DeleteVerifiedAccessInstance',
  'DeleteVerifiedAccessTrustProvider',
  'DeleteVolume',
  'DeleteVpc',
  'DeleteVpcBlockPublicAccessExclusion',
  'DeleteVpcEncryptionControl',
  'DeleteVpcEndpointConnectionNotifications',
  'DeleteVpcEndpointServiceConfigurations',
  'DeleteVpcEndpoints',
  'DeleteVpcPeeringConnection',
  'DeleteVpnConcentrator',
  'DeleteVpnConnection',
  'DeleteVpnConnectionRoute',
  'DeleteVpnGateway',
  'DeprovisionByoipCidr',
  'DeprovisionIpamByoasn',
  'DeprovisionIpamPoolCidr',
  'DeprovisionPublicIpv4PoolCidr',
  'DeregisterImage',
  'DeregisterInstanceEventNotificationAttributes',
  'DeregisterTransitGatewayMulticastGroupMembers',
  'DeregisterTransitGatewayMulticastGroupSources',
  'DescribeAccountAttributes',
  'DescribeAddressTransfers',
  'DescribeAddresses',
  'DescribeAddressesAttribute',
  'DescribeAggregateIdFormat',
  'DescribeAvailabilityZones',
  'DescribeAwsNetworkPerformanceMetricSubscriptions',
  'DescribeBundleTasks',
  'DescribeByoipCidrs',
  'DescribeCapacityBlockExtensionHistory',
  'DescribeCapacityBlockExtensionOfferings',
  'DescribeCapacityBlockOfferings',
  'DescribeCapacityBlockStatus',
  'DescribeCapacityBlocks',
  'DescribeCapacityManagerDataExports',
  'DescribeCapacityReservationBillingRequests',
  'DescribeCapacityReservationFleets',
  'DescribeCapacityReservationTopology',
  'DescribeCapacityReservations',
  'DescribeCarrierGateways',
  'DescribeClassicLinkInstances',
  'DescribeClientVpnAuthorizationRules',
  'DescribeClientVpnConnections',
  'DescribeClientVpnEndpoints',
  'DescribeClientVpnRoutes',
  'DescribeClientVpnTargetNetworks',
  'DescribeCoipPools',
  'DescribeConversionTasks',
  'DescribeCustomerGateways',
  'DescribeDeclarativePoliciesReports',
  'DescribeDhcpOptions',
  'DescribeEgressOnlyInternetGateways',
  'DescribeElasticGpus',
  'DescribeExportImageTasks',
  'DescribeExportTasks',
  'DescribeFastLaunchImages',
  'DescribeFastSnapshotRestores',
  'DescribeFleetHistory',
  'DescribeFleetInstances',
  'DescribeFleets',
  'DescribeFlowLogs',
  'DescribeFpgaImageAttribute',
  'DescribeFpgaImages',
  'DescribeHostReservationOfferings',
  'DescribeHostReservations',
  'DescribeHosts',
  'DescribeIamInstanceProfileAssociations',
  'DescribeIdFormat',
  'DescribeIdentityIdFormat',
  'DescribeImageAttribute',
  'DescribeImageReferences',
  'DescribeImageUsageReportEntries',
  'DescribeImageUsageReports',
  'DescribeImages',
  'DescribeImportImageTasks',
  'DescribeImportSnapshotTasks',
  'DescribeInstanceAttribute',
  'DescribeInstanceConnectEndpoints',
  'DescribeInstanceCreditSpecifications',
  'DescribeInstanceEventNotificationAttributes',
  'DescribeInstanceEventWindows',
  'DescribeInstanceImageMetadata',
  'DescribeInstanceSqlHaHistoryStates',
  'DescribeInstanceSqlHaStates',
  'DescribeInstanceStatus',
  'DescribeInstanceTopology',
  'DescribeInstanceTypeOfferings',
  'DescribeInstanceTypes',
  'DescribeInstances',
  'DescribeInternetGateways',
  'DescribeIpamByoasn',
  'DescribeIpamExternalResourceVerificationTokens',
  'DescribeIpamPolicies',
  'DescribeIpamPoolAllocations',
  'DescribeIpamPools',
  'DescribeIpamPrefixListResolverTargets',
  'DescribeIpamPrefixListResolvers',
  'DescribeIpamResourceDiscoveries',
  'DescribeIpamResourceDiscoveryAssociations',
  'DescribeIpamScopes',
  'DescribeIpams',
  'DescribeIpv6Pools',
  'DescribeKeyPairs',
  'DescribeLaunchTemplateVersions',
  'DescribeLaunchTemplates',
  'DescribeLocalGatewayRouteTableVirtualInterfaceGroupAssociations',
  'DescribeLocalGatewayRouteTableVpcAssociations',
  'DescribeLocalGatewayRouteTables',
  'DescribeLocalGatewayVirtualInterfaceGroups',
  'DescribeLocalGatewayVirtualInterfaces',
  'DescribeLocalGateways',
  'DescribeLockedSnapshots',
  'DescribeMacHosts',
  'DescribeMacModificationTasks',
  'DescribeManagedPrefixLists',
  'DescribeMovingAddresses',
  'DescribeNatGateways',
  'DescribeNetworkAcls',
  'DescribeNetworkInsightsAccessScopeAnalyses',
  'DescribeNetworkInsightsAccessScopes',
  'DescribeNetworkInsightsAnalyses',
  'DescribeNetworkInsightsPaths',
  'DescribeNetworkInterfaceAttribute',
  'DescribeNetworkInterfacePermissions',
  'DescribeNetworkInterfaces',
  'DescribeOutpostLags',
  'DescribePlacementGroups',
  'DescribePrefixLists',
  'DescribePrincipalIdFormat',
  'DescribePublicIpv4Pools',
  'DescribeRegions',
  'DescribeReplaceRootVolumeTasks',
  'DescribeReservedInstances',
  'DescribeReservedInstancesListings',
  'DescribeReservedInstancesModifications',
  'DescribeReservedInstancesOfferings',
  'DescribeRouteServerEndpoints',
  'DescribeRouteServerPeers',
  'DescribeRouteServers',
  'DescribeRouteTables',
  'DescribeScheduledInstanceAvailability',
  'DescribeScheduledInstances',
  'DescribeSecondaryInterfaces',
  'DescribeSecondaryNetworks',
  'DescribeSecondarySubnets',
  'DescribeSecurityGroupReferences',
  'DescribeSecurityGroupRules',
  'DescribeSecurityGroupVpcAssociations',
  'DescribeSecurityGroups',
  'DescribeServiceLinkVirtualInterfaces',
  'DescribeSnapshotAttribute',
  'DescribeSnapshotTierStatus',
  'DescribeSnapshots',
  'DescribeSpotDatafeedSubscription',
  'DescribeSpotFleetInstances',
  'DescribeSpotFleetRequestHistory',
  'DescribeSpotFleetRequests',
  'DescribeSpotInstanceRequests',
  'DescribeSpotPriceHistory',
  'DescribeStaleSecurityGroups',
  'DescribeStoreImageTasks',
  'DescribeSubnets',
  'DescribeTags',
  'DescribeTrafficMirrorFilterRules',
  'DescribeTrafficMirrorFilters',
  'DescribeTrafficMirrorSessions',
  'DescribeTrafficMirrorTargets',
  'DescribeTransitGatewayAttachments',
  'DescribeTransitGatewayConnectPeers',
  'DescribeTransitGatewayConnects',
  'DescribeTransitGatewayMeteringPolicies',
  'DescribeTransitGatewayMulticastDomains',
  'DescribeTransitGatewayPeeringAttachments',
  'DescribeTransitGatewayPolicyTables',
  'DescribeTransitGatewayRouteTableAnnouncements',
  'DescribeTransitGatewayRouteTables',
  'DescribeTransitGatewayVpcAttachments',
  'DescribeTransitGateways',
  'DescribeTrunkInterfaceAssociations',
  'DescribeVerifiedAccessEndpoints',
  'DescribeVerifiedAccessGroups',
  'DescribeVerifiedAccessInstanceLoggingConfigurations',
  'DescribeVerifiedAccessInstances',
  'DescribeVerifiedAccessTrustProviders',
  'DescribeVolumeAttribute',
  'DescribeVolumeStatus',
  'DescribeVolumes',
  'DescribeVolumesModifications',
  'DescribeVpcAttribute',
  'DescribeVpcBlockPublicAccessExclusions',
  'DescribeVpcBlockPublicAccessOptions',
  'DescribeVpcClassicLink',
  'DescribeVpcClassicLinkDnsSupport',
  'DescribeVpcEncryptionControls',
  'DescribeVpcEndpointAssociations',
  'DescribeVpcEndpointConnectionNotifications',
  'DescribeVpcEndpointConnections',
  'DescribeVpcEndpointServiceConfigurations',
  'DescribeVpcEndpointServicePermissions',
  'DescribeVpcEndpointServices',
  'DescribeVpcEndpoints',
  'DescribeVpcPeeringConnections',
  'DescribeVpcs',
  'DescribeVpnConcentrators',
  'DescribeVpnConnections',
  'DescribeVpnGateways',
  'DetachClassicLinkVpc',
  'DetachInternetGateway',
  'DetachNetworkInterface',
  'DetachVerifiedAccessTrustProvider',
  'DetachVolume',
  'DetachVpnGateway',
  'DisableAddressTransfer',
  'DisableAllowedImagesSettings',
  'DisableAwsNetworkPerformanceMetricSubscription',
  'DisableCapacityManager',
  'DisableEbsEncryptionByDefault',
  'DisableFastLaunch',
  'DisableFastSnapshotRestores',
  'DisableImage',
  'DisableImageBlockPublicAccess',
  'DisableImageDeprecation',
  'DisableImageDeregistrationProtection',
  'DisableInstanceSqlHaStandbyDetections',
  'DisableIpamOrganizationAdminAccount',
  'DisableIpamPolicy',
  'DisableRouteServerPropagation',
  'DisableSerialConsoleAccess',
  'DisableSnapshotBlockPublicAccess',
  'DisableTransitGatewayRouteTablePropagation',
  'DisableVgwRoutePropagation',
  'DisableVpcClassicLink',
  'DisableVpcClassicLinkDnsSupport',
  'DisassociateAddress',
  'DisassociateCapacityReservationBillingOwner',
  'DisassociateClientVpnTargetNetwork',
  'DisassociateEnclaveCertificateIamRole',
  'DisassociateIamInstanceProfile',
  'DisassociateInstanceEventWindow',
  'DisassociateIpamByoasn',
  'DisassociateIpamResourceDiscovery',
  'DisassociateNatGatewayAddress',
  'DisassociateRouteServer',
  'DisassociateRouteTable',
  'DisassociateSecurityGroupVpc',
  'DisassociateSubnetCidrBlock',
  'DisassociateTransitGatewayMulticastDomain',
  'DisassociateTransitGatewayPolicyTable',
  'DisassociateTransitGatewayRouteTable',
  'DisassociateTrunkInterface',
  'DisassociateVpcCidrBlock',
  'EnableAddressTransfer',
  'EnableAllowedImagesSettings',
  'EnableAwsNetworkPerformanceMetricSubscription',
  'EnableCapacityManager',
  'EnableEbsEncryptionByDefault',
  'EnableFastLaunch',
  'EnableFastSnapshotRestores',
  'EnableImage',
  'EnableImageBlockPublicAccess',
  'EnableImageDeprecation',
  'EnableImageDeregistrationProtection',
  'EnableInstanceSqlHaStandbyDetections',
  'EnableIpamOrganizationAdminAccount',
  'EnableIpamPolicy',
  'EnableReachabilityAnalyzerOrganizationSharing',
  'EnableRouteServerPropagation',
  'EnableSerialConsoleAccess',
  'EnableSnapshotBlockPublicAccess',
  'EnableTransitGatewayRouteTablePropagation',
  'EnableVgwRoutePropagation',
  'EnableVolumeIO',
  'EnableVpcClassicLink',
  'EnableVpcClassicLinkDnsSupport',
  'ExportClientVpnClientCertificateRevocationList',
  'ExportClientVpnClientConfiguration',
  'ExportImage',
  'ExportTransitGatewayRoutes',
  'ExportVerifiedAccessInstanceClientConfiguration',
  'GetActiveVpnTunnelStatus',
  'GetAllowedImagesSettings',
  'GetAssociatedEnclaveCertificateIamRoles',
  'GetAssociatedIpv6PoolCidrs',
  'GetAwsNetworkPerformanceData',
  'GetCapacityManagerAttributes',
  'GetCapacityManagerMetricData',
  'GetCapacityManagerMetricDimensions',
  'GetCapacityManagerMonitoredTagKeys',
  'GetCapacityReservationUsage',
  'GetCoipPoolUsage',
  'GetConsoleOutput',
  'GetConsoleScreenshot',
  'GetDeclarativePoliciesReportSummary',
  'GetDefaultCreditSpecification',
  'GetEbsDefaultKmsKeyId',
  'GetEbsEncryptionByDefault',
  'GetEnabledIpamPolicy',
  'GetFlowLogsIntegrationTemplate',
  'GetGroupsForCapacityReservation',
  'GetHostReservationPurchasePreview',
  'GetImageAncestry',
  'GetImageBlockPublicAccessState',
  'GetInstanceMetadataDefaults',
  'GetInstanceTpmEkPub',
  'GetInstanceTypesFromInstanceRequirements',
  'GetInstanceUefiData',
  'GetIpamAddressHistory',
  'GetIpamDiscoveredAccounts',
  'GetIpamDiscoveredPublicAddresses',
  'GetIpamDiscoveredResourceCidrs',
  'GetIpamPolicyAllocationRules',
  'GetIpamPolicyOrganizationTargets',
  'GetIpamPoolAllocations',
  'GetIpamPoolCidrs',
  'GetIpamPrefixListResolverRules',
  'GetIpamPrefixListResolverVersionEntries',
  'GetIpamPrefixListResolverVersions',
  'GetIpamResourceCidrs',
  'GetLaunchTemplateData',
  'GetManagedPrefixListAssociations',
  'GetManagedPrefixListEntries',
  'GetManagedResourceVisibility',
  'GetNetworkInsightsAccessScopeAnalysisFindings',
  'GetNetworkInsightsAccessScopeContent',
  'GetPasswordData',
  'GetReservedInstancesExchangeQuote',
  'GetRouteServerAssociations',
  'GetRouteServerPropagations',
  'GetRouteServerRoutingDatabase',
  'GetSecurityGroupsForVpc',
  'GetSerialConsoleAccessStatus',
  'GetSnapshotBlockPublicAccessState',
  'GetSpotPlacementScores',
  'GetSubnetCidrReservations',
  'GetTransitGatewayAttachmentPropagations',
  'GetTransitGatewayMeteringPolicyEntries',
  'GetTransitGatewayMulticastDomainAssociations',
  'GetTransitGatewayPolicyTableAssociations',
  'GetTransitGatewayPolicyTableEntries',
  'GetTransitGatewayPrefixListReferences',
  'GetTransitGatewayRouteTableAssociations',
  'GetTransitGatewayRouteTablePropagations',
  'GetVerifiedAccessEndpointPolicy',
  'GetVerifiedAccessEndpointTargets',
  'GetVerifiedAccessGroupPolicy',
  'GetVpcResourcesBlockingEncryptionEnforcement',
  'GetVpnConnectionDeviceSampleConfiguration',
  'GetVpnConnectionDeviceTypes',
  'GetVpnTunnelReplacementStatus',
  'ImportClientVpnClientCertificateRevocationList',
  'ImportImage',
  'ImportInstance',
  'ImportKeyPair',
  'ImportSnapshot',
  'ImportVolume',
  'ListImagesInRecycleBin',
  'ListSnapshotsInRecycleBin',
  'ListVolumesInRecycleBin',
  'LockSnapshot',
  'ModifyAddressAttribute',
  'ModifyAvailabilityZoneGroup',
  'ModifyCapacityReservation',
  'ModifyCapacityReservationFleet',
  'ModifyClientVpnEndpoint',
  'ModifyDefaultCreditSpecification',
  'ModifyEbsDefaultKmsKeyId',
  'ModifyFleet',
  'ModifyFpgaImageAttribute',
  'ModifyHosts',
  'ModifyIdFormat',
  'ModifyIdentityIdFormat',
  'ModifyImageAttribute',
  'ModifyInstanceAttribute',
  'ModifyInstanceCapacityReservationAttributes',
  'ModifyInstanceConnectEndpoint',
  'ModifyInstanceCpuOptions',
  'ModifyInstanceCreditSpecification',
  'ModifyInstanceEventStartTime',
  'ModifyInstanceEventWindow',
  'ModifyInstanceMaintenanceOptions',
  'ModifyInstanceMetadataDefaults',
  'ModifyInstanceMetadataOptions',
  'ModifyInstanceNetworkPerformanceOptions',
  'ModifyInstancePlacement',
  'ModifyIpam',
  'ModifyIpamPolicyAllocationRules',
  'ModifyIpamPool',
  'ModifyIpamPoolAllocation',
  'ModifyIpamPrefixListResolver',
  'ModifyIpamPrefixListResolverTarget',
  'ModifyIpamResourceCidr',
  'ModifyIpamResourceDiscovery',
  'ModifyIpamScope',
  'ModifyLaunchTemplate',
  'ModifyLocalGatewayRoute',
  'ModifyManagedPrefixList',
  'ModifyManagedResourceVisibility',
  'ModifyNetworkInterfaceAttribute',
  'ModifyPrivateDnsNameOptions',
  'ModifyPublicIpDnsNameOptions',
  'ModifyReservedInstances',
  'ModifyRouteServer',
  'ModifySecurityGroupRules',
  'ModifySnapshotAttribute',
  'ModifySnapshotTier',
  'ModifySpotFleetRequest',
  'ModifySubnetAttribute',
  'ModifyTrafficMirrorFilterNetworkServices',
  'ModifyTrafficMirrorFilterRule',
  'ModifyTrafficMirrorSession',
  'ModifyTransitGateway',
  'ModifyTransitGatewayMeteringPolicy',
  'ModifyTransitGatewayPrefixListReference',
  'ModifyTransitGatewayVpcAttachment',
  'ModifyVerifiedAccessEndpoint',
  'ModifyVerifiedAccessEndpointPolicy',
  'ModifyVerifiedAccessGroup',
  'ModifyVerifiedAccessGroupPolicy',
  'ModifyVerifiedAccessInstance',
  'ModifyVerifiedAccessInstanceLoggingConfiguration',
  'ModifyVerifiedAccessTrustProvider',
  'ModifyVolume',
  'ModifyVolumeAttribute',
  'ModifyVpcAttribute',
  'ModifyVpcBlockPublicAccessExclusion',
  'ModifyVpcBlockPublicAccessOptions',
  'ModifyVpcEncryptionControl',
  'ModifyVpcEndpoint',
  'ModifyVpcEndpointConnectionNotification',
  'ModifyVpcEndpointServiceConfiguration',
  'ModifyVpcEndpointServicePayerResponsibility',
  'ModifyVpcEndpointServicePermissions',
  'ModifyVpcPeeringConnectionOptions',
  'ModifyVpcTenancy',
  'ModifyVpnConnection',
  'ModifyVpnConnectionOptions',
  'ModifyVpnTunnelCertificate',
  'ModifyVpnTunnelOptions',
  'MonitorInstances',
  'MoveAddressToVpc',
  'MoveByoipCidrToIpam',
  'MoveCapacityReservationInstances',
  'ProvisionByoipCidr',
  'ProvisionIpamByoasn',
  'ProvisionIpamPoolCidr',
  'ProvisionPublicIpv4PoolCidr',
  'PurchaseCapacityBlock',
  'PurchaseCapacityBlockExtension',
  'PurchaseHostReservation',
  'PurchaseReservedInstancesOffering',
  'PurchaseScheduledInstances',
  'RebootInstances',
  'RegisterImage',
  'RegisterInstanceEventNotificationAttributes',
  'RegisterTransitGatewayMulticastGroupMembers',
  'RegisterTransitGatewayMulticastGroupSources',
  'RejectCapacityReservationBillingOwnership',
  'RejectTransitGatewayClientVpnAttachment',
  'RejectTransitGatewayMulticastDomainAssociations',
  'RejectTransitGatewayPeeringAttachment',
  'RejectTransitGatewayVpcAttachment',
  'RejectVpcEndpointConnections',
  'RejectVpcPeeringConnection',
  'ReleaseAddress',
  'ReleaseHosts',
  'ReleaseIpamPoolAllocation',
  'ReplaceIamInstanceProfileAssociation',
  'ReplaceImageCriteriaInAllowedImagesSettings',
  'ReplaceNetworkAclAssociation',
  'ReplaceNetworkAclEntry',
  'ReplaceRoute',
  'ReplaceRouteTableAssociation',
  'ReplaceTransitGatewayRoute',
  'ReplaceVpnTunnel',
  'ReportInstanceStatus',
  'RequestSpotFleet',
  'RequestSpotInstances',
  'ResetAddressAttribute',
  'ResetEbsDefaultKmsKeyId',
  'ResetFpgaImageAttribute',
  'ResetImageAttribute',
  'ResetInstanceAttribute',
  'ResetNetworkInterfaceAttribute',
  'ResetSnapshotAttribute',
  'RestoreAddressToClassic',
  'RestoreImageFromRecycleBin',
  'RestoreManagedPrefixListVersion',
  'RestoreSnapshotFromRecycleBin',
  'RestoreSnapshotTier',
  'RestoreVolumeFromRecycleBin',
  'RevokeClientVpnIngress',
  'RevokeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RunInstances',
  'RunScheduledInstances',
  'SearchLocalGatewayRoutes',
  'SearchTransitGatewayMulticastGroups',
  'SearchTransitGatewayRoutes',
  'SendDiagnosticInterrupt',
  'StartDeclarativePoliciesReport',
  'StartInstances',
  'StartNetworkInsightsAccessScopeAnalysis',
  'StartNetworkInsightsAnalysis',
  'StartVpcEndpointServicePrivateDnsVerification',
  'StopInstances',
  'TerminateClientVpnConnections',
  'TerminateInstances',
  'UnassignIpv6Addresses',
  'UnassignPrivateIpAddresses',
  'UnassignPrivateNatGatewayAddress',
  'UnlockSnapshot',
  'UnmonitorInstances',
  'UpdateCapacityManagerMonitoredTagKeys',
  'UpdateCapacityManagerOrganizationsAccess',
  'UpdateInterruptibleCapacityReservationAllocation',
  'UpdateSecurityGroupRuleDescriptionsEgress',
  'UpdateSecurityGroupRuleDescriptionsIngress',
  'WithdrawByoipCidr',
] as const;
