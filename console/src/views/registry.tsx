/** The registry: repositories, their images with tags, digests, sizes and push times, and a lifecycle policy preview. */
import { useState } from 'preact/hooks';
import { type ApiError, call } from '../api.ts';
import { useLive, type SlipwayEvent } from '../live.ts';
import { Action, Empty, Link, Loaded, Table, Time, bytes } from '../ui.tsx';

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
            <Empty what="images" command={`docker push ${location.host}/${name}:latest`} />
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

/** A policy to start from when the repository has none: keep the newest ten images. */
const EXAMPLE_POLICY = {
  rules: [
    {
      rulePriority: 1,
      description: 'keep the newest 10 images',
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 },
      action: { type: 'expire' },
    },
  ],
};

/**
 * The repository's lifecycle policy rule by rule (or the command that sets one), and a preview of
 * what a policy — the saved one, or a draft edited here — would expire now. The saved policy has
 * usually run already (it runs after each push), so a draft is where the preview tells most.
 */
function LifecyclePreview({ name }: { name: string }) {
  const policy = useLive(
    () =>
      call('ecr', 'GetLifecyclePolicy', { repositoryName: name }).then(
        (r) => ({ text: r.lifecyclePolicyText as string | undefined }),
        (err: ApiError) => {
          if (err.code === 'LifecyclePolicyNotFoundException') return { text: undefined };
          throw err;
        },
      ),
    [name],
    isEcr,
  );
  const [draft, setDraft] = useState<string>();
  const [preview, setPreview] = useState<any>();
  const saved = policy.data?.text;
  const text = draft ?? JSON.stringify(saved ? JSON.parse(saved) : EXAMPLE_POLICY, null, 2);
  const run = async () => {
    setPreview(undefined);
    await call('ecr', 'StartLifecyclePolicyPreview', { repositoryName: name, lifecyclePolicyText: text });
    let result: any;
    for (let i = 0; i < 50; i++) {
      result = await call('ecr', 'GetLifecyclePolicyPreview', { repositoryName: name });
      if (result.status !== 'IN_PROGRESS') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    setPreview(result);
  };
  return (
    <>
      <Loaded live={policy} title="Lifecycle policy">
        {({ text: current }) =>
          current ? (
            <Table
              label="lifecycle policy rules"
              rows={JSON.parse(current).rules ?? []}
              rowKey={(r) => String(r.rulePriority)}
              columns={[
                { title: 'Priority', cell: (r) => r.rulePriority, class: 'num' },
                { title: 'Description', cell: (r) => r.description ?? '' },
                { title: 'Selects', cell: (r) => selection(r.selection ?? {}) },
                { title: 'Action', cell: (r) => r.action?.type },
              ]}
            />
          ) : (
            <Empty
              what="lifecycle policy"
              command={`aws ecr put-lifecycle-policy --repository-name ${name} --lifecycle-policy-text file://policy.json`}
            />
          )
        }
      </Loaded>
      <section>
        <h2>Lifecycle policy preview</h2>
        <label class="policy-draft">
          Policy to preview ({draft !== undefined ? 'edited here' : saved ? 'the saved one' : 'an example'})
          <textarea rows={8} spellcheck={false} value={text} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <Action label="Preview" run={run} />
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
            <p>The policy would expire no image ({preview.status}).</p>
          ))}
      </section>
    </>
  );
}

/** A rule's selection in words: "tagged v*, more than 5 images", "untagged, older than 14 days". */
function selection(sel: any): string {
  const tags = sel.tagPrefixList?.map((p: string) => `${p}*`) ?? sel.tagPatternList;
  const which = sel.tagStatus === 'tagged' ? `tagged ${(tags ?? []).join(', ')}` : sel.tagStatus;
  const count =
    sel.countType === 'imageCountMoreThan'
      ? `more than ${sel.countNumber} images`
      : `older than ${sel.countNumber} ${sel.countUnit ?? 'days'}`;
  return `${which}, ${count}`;
}
