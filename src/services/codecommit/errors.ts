/**
 * @module services/codecommit/errors
 * The CodeCommit errors Slipway answers, worded as CodeCommit words them. Codes are the model's
 * exception names, checked by type.
 */
import { AwsError } from '../../core/errors.ts';
import type { CodecommitErrorCode } from './shapes.ts';

const e = (code: CodecommitErrorCode, message: string) => new AwsError(code, message);

export const codecommitError = {
  invalidRepositoryName: (name: string) =>
    e(
      'InvalidRepositoryNameException',
      `repositoryName '${name}' is invalid: it must be 1 to 100 letters, digits, '.', '_' or '-', and may not end in '.git'.`,
    ),
  repositoryNameRequired: () => e('RepositoryNameRequiredException', 'A repository name is required, but was not specified.'),
  branchNameRequired: () => e('BranchNameRequiredException', 'A branch name is required, but was not specified.'),
  repositoryExists: (name: string) => e('RepositoryNameExistsException', `Repository named ${name} already exists`),
  repositoryNotFound: (name: string) => e('RepositoryDoesNotExistException', `${name} does not exist`),
  invalidBranchName: (name: string) => e('InvalidBranchNameException', `branchName '${name}' is not a valid git branch name.`),
  branchExists: (name: string) => e('BranchNameExistsException', `Branch ${name} already exists`),
  branchNotFound: (name: string) => e('BranchDoesNotExistException', `Branch ${name} does not exist`),
  invalidCommitId: (id: string) => e('InvalidCommitIdException', `commitId '${id}' is not a full 40-character commit ID.`),
  commitIdNotFound: (id: string) => e('CommitIdDoesNotExistException', `Commit ${id} does not exist`),
  commitNotFound: (field: string, spec: string) =>
    e('CommitDoesNotExistException', `${field} '${spec}' does not name a commit in this repository.`),
  invalidCommit: (field: string, spec: string) => e('InvalidCommitException', `${field} '${spec}' is not a valid commit specifier.`),
  invalidPath: (field: string, path: string) => e('InvalidPathException', `${field} '${path}' is not a valid path.`),
  fileNotFound: (path: string) => e('FileDoesNotExistException', `File ${path} does not exist`),
  folderNotFound: (path: string) => e('FolderDoesNotExistException', `Folder ${path} does not exist`),
  pathNotFound: (field: string, path: string) => e('PathDoesNotExistException', `${field} '${path}' does not exist in the commit.`),
  invalidToken: (field: string) => e('InvalidContinuationTokenException', `The ${field} is not valid.`),
  invalidMaxResults: (message: string) => e('InvalidMaxResultsException', `MaxResults: ${message}`),
  fileTooLarge: (path: string) => e('FileTooLargeException', `File ${path} is larger than 6 MB; GetFile cannot return it.`),
};
