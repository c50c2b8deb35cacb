/**
 * The console's API client: the same AWS operations the CLI calls, sent to the edge that served
 * this page. JSON 1.1 services by X-Amz-Target, Elastic Load Balancing by its Query form (XML
 * answers), S3 by REST with a credential scope naming s3 and the key `console`. Nothing is signed:
 * when Slipway requires signatures, the console's session cookie stands for its administrator.
 * Errors come back as ApiError with AWS's code and message, for the page to show.
 */

const TARGETS = {
  ecs: 'AmazonEC2ContainerServiceV20141113',
  ecr: 'AmazonEC2ContainerRegistry_V20150921',
  codebuild: 'CodeBuild_20161006',
  codedeploy: 'CodeDeploy_20141006',
  codepipeline: 'CodePipeline_20150709',
  logs: 'Logs_20140328',
  secretsmanager: 'secretsmanager',
  ssm: 'AmazonSSM',
} as const;

export type JsonService = keyof typeof TARGETS;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface Settings {
  region: string;
  account: string;
}

let settings: Settings = { region: 'us-east-1', account: '000000000000' };
export const loadSettings = async (): Promise<Settings> => {
  const res = await fetch('/_slipway/console/settings');
  if (res.ok) settings = (await res.json()) as Settings;
  return settings;
};

export async function call<T = any>(service: JsonService, operation: string, input: object = {}): Promise<T> {
  const res = await send('/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGETS[service]}.${operation}` },
    body: JSON.stringify(input),
  });
  const text = await res.text();
  const body = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const code = String(body.__type ?? res.headers.get('x-amzn-errortype') ?? 'Error')
      .replace(/^.*#/, '')
      .replace(/:.*$/, '');
    throw new ApiError(code, body.message ?? body.Message ?? `${operation} failed with HTTP ${res.status}`, res.status);
  }
  return body as T;
}

/** Elastic Load Balancing v2 over its Query protocol; the XML answer's result element as plain data. */
export async function elb<T = any>(action: string, params: Record<string, string> = {}): Promise<T> {
  const res = await send('/', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ Action: action, Version: '2015-12-01', ...params }).toString(),
  });
  const doc = new DOMParser().parseFromString(await res.text(), 'text/xml');
  if (!res.ok) throw xmlError(doc, action, res.status);
  const result = doc.getElementsByTagName(`${action}Result`)[0];
  return (result ? fromXml(result) : {}) as T;
}

/** An S3 REST read: `path` is /bucket or /bucket/key; the XML answer as plain data. */
export async function s3<T = any>(path: string, query: Record<string, string> = {}): Promise<T> {
  const qs = new URLSearchParams(query).toString();
  const res = await send(`${path}${qs ? `?${qs}` : ''}`, { headers: { authorization: `AWS4-HMAC-SHA256 ${scopeFor('s3')}` } });
  const doc = new DOMParser().parseFromString(await res.text(), 'text/xml');
  if (!res.ok) throw xmlError(doc, `GET ${path}`, res.status);
  return fromXml(doc.documentElement) as T;
}

/** A link that downloads an S3 object in the browser. */
export function s3Link(bucket: string, key: string): string {
  const path = key.split('/').map(encodeURIComponent).join('/');
  return `/${encodeURIComponent(bucket)}/${path}?X-Amz-Credential=${encodeURIComponent(credential('s3'))}`;
}

function credential(service: string): string {
  return `console/20260101/${settings.region}/${service}/aws4_request`;
}
function scopeFor(service: string): string {
  return `Credential=${credential(service)}, SignedHeaders=host, Signature=unsigned`;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new ApiError('Unreachable', 'Slipway does not answer: is it running? The page reconnects by itself when it is back.', 0);
  }
}

function xmlError(doc: Document, what: string, status: number): ApiError {
  const text = (tag: string) => doc.getElementsByTagName(tag)[0]?.textContent ?? undefined;
  return new ApiError(text('Code') ?? 'Error', text('Message') ?? `${what} failed with HTTP ${status}`, status);
}

/** XML as plain data: an element of `member` children is an array, repeated names become arrays, a leaf is its text. */
export function fromXml(el: Element): any {
  const children = [...el.children];
  if (children.length === 0) return el.textContent ?? '';
  if (children.every((c) => c.tagName === 'member')) return children.map(fromXml);
  const out: Record<string, any> = {};
  for (const c of children) {
    const value = fromXml(c);
    if (c.tagName in out) out[c.tagName] = [...list(out[c.tagName]), value];
    else out[c.tagName] = value;
  }
  return out;
}

/** A member that XML gives as one item, many, or nothing, as an array. */
export function list<T>(value: T | T[] | undefined | ''): T[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Streams a text response (a log followed as it is written) to `onText` until `signal` aborts it. */
export async function follow(url: string, onText: (text: string) => void, signal: AbortSignal): Promise<void> {
  const res = await fetch(url, { signal });
  if (!res.ok) {
    const body = await res.text();
    let message = body;
    try {
      message = JSON.parse(body).message ?? body;
    } catch {}
    throw new ApiError('LogUnavailable', message, res.status);
  }
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onText(value);
  }
}
