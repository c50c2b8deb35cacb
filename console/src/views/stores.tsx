/** The stores: S3 buckets to browse and download from, secrets and parameters (never their values), log groups with a live tail. */
import { useRef, useState } from 'preact/hooks';
import { call, list, s3, s3Link } from '../api.ts';
import { useLive, type SlipwayEvent } from '../live.ts';
import { seg } from '../router.ts';
import { Empty, ErrorNote, Link, Loaded, Table, Time, bytes } from '../ui.tsx';
import { useStickToEnd } from './log-follow.tsx';

const isS3 = (e: SlipwayEvent) => e.type.startsWith('s3.');

export function Buckets() {
  const live = useLive(async () => list<any>((await s3('/')).Buckets?.Bucket), [], isS3);
  return (
    <Loaded live={live} title="S3 buckets">
      {(buckets: any[]) =>
        buckets.length === 0 ? (
          <Empty what="buckets" command="aws s3 mb s3://my-bucket" />
        ) : (
          <Table
            label="buckets"
            rows={buckets}
            rowKey={(b) => b.Name}
            columns={[
              { title: 'Bucket', cell: (b) => <Link to={`/s3/${seg(b.Name)}`}>{b.Name}</Link> },
              { title: 'Created', cell: (b) => <Time at={b.CreationDate} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

export function Bucket({ bucket, prefix }: { bucket: string; prefix: string }) {
  const live = useLive(
    async () => {
      const r = await s3(`/${encodeURIComponent(bucket)}`, { 'list-type': '2', prefix, delimiter: '/', 'max-keys': '1000' });
      return {
        folders: list<any>(r.CommonPrefixes).map((p) => p.Prefix as string),
        objects: list<any>(r.Contents),
        truncated: r.IsTruncated === 'true',
      };
    },
    [bucket, prefix],
    (e) => isS3(e) && e.resource.startsWith(`arn:aws:s3:::${bucket}/`),
  );
  const up = prefix.replace(/[^/]*\/$/, '');
  return (
    <>
      <h1>
        <Link to="/s3">S3</Link> / <Link to={`/s3/${seg(bucket)}`}>{bucket}</Link>
        {prefix && ` / ${prefix}`}
      </h1>
      <Loaded live={live}>
        {({ folders, objects, truncated }: any) => (
          <>
            {prefix && (
              <p>
                <Link to={`/s3/${seg(bucket)}${up ? `?prefix=${encodeURIComponent(up)}` : ''}`}>↑ Up</Link>
              </p>
            )}
            {folders.length + objects.length === 0 ? (
              <Empty what="objects here" command={`aws s3 cp file.txt s3://${bucket}/${prefix}file.txt`} />
            ) : (
              <Table
                label="objects"
                rows={[...folders.map((f: string) => ({ Key: f, folder: true })), ...objects]}
                rowKey={(o) => o.Key}
                columns={[
                  {
                    title: 'Key',
                    cell: (o) =>
                      o.folder ? (
                        <Link to={`/s3/${seg(bucket)}?prefix=${encodeURIComponent(o.Key)}`}>{o.Key.slice(prefix.length)}</Link>
                      ) : (
                        <a href={s3Link(bucket, o.Key)} download={o.Key.slice(o.Key.lastIndexOf('/') + 1)}>
                          {o.Key.slice(prefix.length)}
                        </a>
                      ),
                  },
                  { title: 'Size', cell: (o) => (o.folder ? '' : bytes(o.Size)), class: 'num' },
                  { title: 'Modified', cell: (o) => (o.folder ? '' : <Time at={o.LastModified} />) },
                ]}
              />
            )}
            {truncated && <p class="muted">Showing the first 1000 keys.</p>}
          </>
        )}
      </Loaded>
    </>
  );
}

export function Secrets() {
  const live = useLive(
    async () => (await call('secretsmanager', 'ListSecrets', { MaxResults: 100 })).SecretList ?? [],
    [],
    (e) => e.type.startsWith('secretsmanager.'),
  );
  return (
    <Loaded live={live} title="Secrets (values are never shown)">
      {(rows: any[]) =>
        rows.length === 0 ? (
          <Empty what="secrets" command="aws secretsmanager create-secret --name db-password --secret-string …" />
        ) : (
          <Table
            label="secrets"
            rows={rows}
            rowKey={(s) => s.ARN}
            columns={[
              { title: 'Name', cell: (s) => s.Name },
              { title: 'Description', cell: (s) => s.Description ?? '' },
              { title: 'Changed', cell: (s) => <Time at={s.LastChangedDate ?? s.CreatedDate} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

export function Parameters() {
  const live = useLive(
    async () => (await call('ssm', 'DescribeParameters', { MaxResults: 50 })).Parameters ?? [],
    [],
    (e) => e.type.startsWith('ssm.'),
  );
  return (
    <Loaded live={live} title="Parameters (values are never shown)">
      {(rows: any[]) =>
        rows.length === 0 ? (
          <Empty what="parameters" command="aws ssm put-parameter --name /app/url --type String --value …" />
        ) : (
          <Table
            label="parameters"
            rows={rows}
            rowKey={(p) => p.Name}
            columns={[
              { title: 'Name', cell: (p) => p.Name },
              { title: 'Type', cell: (p) => p.Type },
              { title: 'Version', cell: (p) => p.Version, class: 'num' },
              { title: 'Modified', cell: (p) => <Time at={p.LastModifiedDate} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

const isLogs = (e: SlipwayEvent) => e.type.startsWith('logs.');

export function LogGroups() {
  const live = useLive(async () => (await call('logs', 'DescribeLogGroups', { limit: 50 })).logGroups ?? [], [], isLogs);
  return (
    <Loaded live={live} title="Log groups">
      {(rows: any[]) =>
        rows.length === 0 ? (
          <Empty what="log groups" command="aws logs create-log-group --log-group-name /ecs/web" />
        ) : (
          <Table
            label="log groups"
            rows={rows}
            rowKey={(g) => g.logGroupName}
            columns={[
              { title: 'Log group', cell: (g) => <Link to={`/logs/${seg(g.logGroupName)}`}>{g.logGroupName}</Link> },
              { title: 'Stored', cell: (g) => bytes(g.storedBytes), class: 'num' },
              { title: 'Created', cell: (g) => <Time at={g.creationTime} /> },
            ]}
          />
        )
      }
    </Loaded>
  );
}

/** A log group's newest events, and each event stored after them as it is stored. */
export function LogGroup({ group }: { group: string }) {
  const [events, setEvents] = useState<any[]>([]);
  const [error, setError] = useState<Error>();
  const seen = useRef(new Set<string>());
  const since = useRef(Date.now() - 3600_000);
  const busy = useRef(false);
  const read = async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      const fresh: any[] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('logs', 'FilterLogEvents', {
          logGroupName: group,
          startTime: since.current,
          ...(nextToken && { nextToken }),
        });
        fresh.push(...(page.events ?? []).filter((e: any) => !seen.current.has(e.eventId)));
        nextToken = page.nextToken;
      } while (nextToken);
      for (const e of fresh) seen.current.add(e.eventId);
      if (fresh.length) {
        since.current = Math.max(since.current, ...fresh.map((e) => e.timestamp));
        setEvents((old) => [...old, ...fresh].slice(-2000));
      }
      setError(undefined);
    } catch (err) {
      setError(err as Error);
    } finally {
      busy.current = false;
    }
  };
  useLive(read, [group], (e) => isLogs(e) && e.resource.includes(`:log-group:${group}:`));
  const box = useRef<HTMLPreElement>(null);
  useStickToEnd(box, events);
  return (
    <>
      <h1>
        <Link to="/logs">Logs</Link> / {group}
      </h1>
      <ErrorNote error={error} />
      {(events.length > 0 || !error) && (
        <pre class="log" ref={box} role="log" aria-label={`tail of ${group}`}>
          {events.length === 0 ? (
            <span class="muted">No events in the last hour; new ones appear here as they are stored.</span>
          ) : (
            events.map((e) => `${new Date(e.timestamp).toISOString()} ${e.logStreamName}  ${e.message}\n`).join('')
          )}
        </pre>
      )}
    </>
  );
}
