/**
 * @module services/ec2/zones
 * The availability zones Slipway shows for a region: AWS's letters for the regions the documents
 * use, a, b and c elsewhere. Zone ids follow AWS's form (use1-az1, apne2-az1).
 */

const LETTERS: Record<string, string> = {
  'us-east-1': 'abcdef',
  'us-west-1': 'bc',
  'us-west-2': 'abcd',
  'ap-northeast-1': 'acd',
  'ap-northeast-2': 'abcd',
};

const DIRECTIONS: Record<string, string> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

export interface Zone {
  name: string;
  id: string;
}

export function zonesOf(region: string): Zone[] {
  const [area, direction, number] = region.split('-');
  const short = `${area}${DIRECTIONS[direction] ?? direction?.[0] ?? ''}${number ?? ''}`;
  return [...(LETTERS[region] ?? 'abc')].map((letter, i) => ({ name: `${region}${letter}`, id: `${short}-az${i + 1}` }));
}

/** The regions DescribeRegions lists (AWS's commercial regions open to every account), and the caller's own. */
const REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

export function regionsFor(callerRegion: string): string[] {
  return [...new Set([...REGIONS, callerRegion])].sort();
}
