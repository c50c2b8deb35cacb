/**
 * @module services/codebuild/iam-actions
 * CodeBuild's operations as IAM authorizes them: projects by name.
 */
import type { IamActions } from '../types.ts';
import type { CodebuildOperations } from './shapes.ts';

const project = (member: string) => ({ resources: [`arn:aws:codebuild:{region}:{account}:project/{${member}}`] });

export const codebuildIamActions: IamActions<CodebuildOperations> = {
  CreateProject: { ...project('name'), passRole: ['serviceRole'] },
  UpdateProject: { ...project('name'), passRole: ['serviceRole'] },
  DeleteProject: project('name'),
  BatchGetProjects: project('names'),
  StartBuild: project('projectName'),
  ListBuildsForProject: project('projectName'),
};
