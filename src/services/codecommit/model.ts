/**
 * @module services/codecommit/model
 * CodeCommit repository records and the only code that touches the room's table. What a
 * repository holds (commits, branches) lives in git itself, in the bare repository on disk.
 *
 * Tables:
 *   codecommit_repositories  pk repositoryArn  scope, name, id   (document: RepositoryRecord)
 *
 * `scope` is "<region>:<account>"; `id` is the repository id, which also names its folder.
 */
import type { DocTable, Store } from '../../store/index.ts';

export interface RepositoryRecord {
  id: string;
  arn: string;
  name: string;
  scope: string;
  description?: string;
  creationDate: number;
  lastModifiedDate: number;
  kmsKeyId?: string;
  tags: Record<string, string>;
}

export class CodecommitModel {
  readonly repositories: DocTable<RepositoryRecord, 'scope' | 'name' | 'id'>;

  constructor(readonly store: Store) {
    this.repositories = store.docTable('codecommit_repositories', { scope: 'TEXT', name: 'TEXT', id: 'TEXT' });
  }

  tx<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  repository(scope: string, name: string): RepositoryRecord | undefined {
    return this.repositories.find({ scope, name })[0];
  }

  /** Every repository with this name, in any scope: the clone URL names only the repository. */
  repositoriesNamed(name: string): RepositoryRecord[] {
    return this.repositories.find({ name });
  }

  putRepository(repo: RepositoryRecord): void {
    this.repositories.put(repo.arn, repo, { scope: repo.scope, name: repo.name, id: repo.id });
  }

  /** Records that the repository's content changed (a push). */
  touch(arn: string, at: number): void {
    this.repositories.modify(
      arn,
      (r) => Object.assign(r, { lastModifiedDate: at }),
      (r) => this.putRepository(r),
    );
  }

  deleteRepository(repo: RepositoryRecord): void {
    this.repositories.delete(repo.arn);
  }
}
