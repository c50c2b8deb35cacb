/** The registry: repositories, their images with tags, digests, sizes and push times, and a lifecycle policy preview. */
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useLive, type SlipwayEvent } from '../live.ts';
import { Action, Empty, ErrorNote, Link, Loaded, Table, Time, bytes } from '../ui.tsx';

const isEcr = (e: SlipwayEvent) => e.type.startsWith('ecr.');

export function Repositories() {
  const live = useLive(async () => (await call('ecr', 'DescribeRepositories')).repositories ?? [], [], isEcr);
  return (
    <Loaded live={live} title="Registry">
      {(repos: any[]) =>
        repos.length === 0 ? (
          <Empty what="repositories" command="aws ecr create-repository --repository-name web" />
        ) : (
          <Table
            label="repositories"
            rows={repos}
            rowKey={(r) => r.repositoryArn}
            columns={[
              { title: 'Repository', cell: (r) => <Link to={`/registry/${r.repositoryName}`}>{r.repositoryName}</Link> },
              { title: 'URI', cell: (r) => <code>{r.repositoryUri}</code> },
              { title: 'Created', cell: (r) => <Time at={r.createdAt} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

export function Repository({ name }: { name: string }) {
  const live = useLive(
    async () => {
      const out: any[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('ecr', 'DescribeImages', { repositoryName: name, ...(nextToken && { nextToken }) });
        out.push(...(page.imageDetails ?? []));
        nextToken = page.nextToken;
      } while (nextToken);
      return out.sort((a, b) => Number(b.imagePushedAt) - Number(a.imagePushedAt));
    },
    [name],
    isEcr,
  );
  return (
    <>
      <h1>
        <Link to="/registry">Registry</Link> / {name}
      </h1>
      <Loaded live={live} title="Images">
        {(images: any[]) =>
          images.length === 0 ? (
            <Empty what="images" command={`docker push <registry>/${name}:latest`} />
          ) : (
            <Table
              label="images"
              rows={images}
              rowKey={(i) => i.imageDigest}
              columns={[
                { title: 'Tags', cell: (i) => (i.imageTags ?? []).join(', ') || <span class="muted">untagged</span> },
                { title: 'Digest', cell: (i) => <code title={i.imageDigest}>{i.imageDigest.slice(0, 19)}…</code> },
                { title: 'Size', cell: (i) => bytes(i.imageSizeInBytes), class: 'num' },
                { title: 'Pushed', cell: (i) => <Time at={i.imagePushedAt} /> },
              ]}
            />
          )
        }
      </Loaded>
      <LifecyclePreview name={name} />
    </>
  );
}

function LifecyclePreview({ name }: { name: string }) {
  const [preview, setPreview] = useState<any>();
  const [error, setError] = useState<Error>();
  const run = async () => {
    setError(undefined);
    try {
      await call('ecr', 'StartLifecyclePolicyPreview', { repositoryName: name });
      let result: any;
      for (let i = 0; i < 50; i++) {
        result = await call('ecr', 'GetLifecyclePolicyPreview', { repositoryName: name });
        if (result.status !== 'IN_PROGRESS') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      setPreview(result);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <section>
      <header class="section-head">
        <h2>Lifecycle policy preview</h2>
        <Action label="Preview" run={run} />
      </header>
      <ErrorNote error={error} />
      {preview &&
        (preview.previewResults?.length ? (
          <Table
            label="images the policy would expire"
            rows={preview.previewResults}
            rowKey={(r) => r.imageDigest}
            columns={[
              { title: 'Tags', cell: (r) => (r.imageTags ?? []).join(', ') || 'untagged' },
              { title: 'Digest', cell: (r) => <code>{r.imageDigest.slice(0, 19)}…</code> },
              { title: 'Rule', cell: (r) => r.appliedRulePriority, class: 'num' },
              { title: 'Action', cell: (r) => r.action?.type },
              { title: 'Pushed', cell: (r) => <Time at={r.imagePushedAt} /> },
            ]}
          />
        ) : (
          <p>The lifecycle policy would expire no image ({preview.status}).</p>
        ))}
    </section>
  );
}
