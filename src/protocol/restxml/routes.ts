/**
 * @module protocol/restxml/routes
 * Which operation a REST-XML request calls, told from the model alone. Every operation's
 * `http.requestUri` gives a method, a path form (`/`, `/{Bucket}`, `/{Bucket}/{Key+}`) and literal
 * query keys (`?uploads`, `?list-type=2`); its input shape names the query parameters and headers
 * it requires. Many operations share a path (PutObject, CopyObject, UploadPart and UploadPartCopy
 * are all PUT /{Bucket}/{Key+}): the one that matches and requires the most wins.
 */
import type { ServiceModel } from '../model.ts';

/** The parts of a request an operation is told by. */
export interface RouteRequest {
  method: string;
  /** 0 for `/`, 1 for a bucket, 2 for a bucket and key. */
  depth: 0 | 1 | 2;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

interface Route {
  operation: string;
  method: string;
  depth: number;
  literals: [string, string | undefined][];
  requiredQuery: string[];
  requiredHeaders: string[];
}

const tables = new WeakMap<ServiceModel, Route[]>();

function routesOf(model: ServiceModel): Route[] {
  let routes = tables.get(model);
  if (routes) return routes;
  routes = Object.entries(model.operations).map(([operation, op]) => {
    const { method, requestUri } = (op as unknown as { http: { method: string; requestUri: string } }).http;
    const [path, query = ''] = requestUri.split('?');
    const depth = path.split('/').filter(Boolean).length;
    const literals = query
      .split('&')
      .filter(Boolean)
      .map((pair): [string, string | undefined] => {
        const [k, v] = pair.split('=');
        return [k, v];
      });
    const input = op.input ? model.shapes[op.input.shape] : undefined;
    const required = new Set(input?.required ?? []);
    const refs = Object.entries(input?.members ?? {}).filter(([name]) => required.has(name)) as [
      string,
      { location?: string; locationName?: string },
    ][];
    return {
      operation,
      method,
      depth,
      literals,
      requiredQuery: refs.filter(([, r]) => r.location === 'querystring').map(([, r]) => r.locationName!),
      requiredHeaders: refs.filter(([, r]) => r.location === 'header').map(([, r]) => r.locationName!.toLowerCase()),
    };
  });
  tables.set(model, routes);
  return routes;
}

/** The operation the request calls, or undefined when none matches. */
export function operationFor(model: ServiceModel, request: RouteRequest): string | undefined {
  let best: { operation: string; score: number } | undefined;
  for (const route of routesOf(model)) {
    if (route.method !== request.method || route.depth !== request.depth) continue;
    if (!route.literals.every(([k, v]) => request.query.has(k) && (v === undefined || request.query.get(k) === v))) continue;
    if (!route.requiredQuery.every((k) => request.query.has(k))) continue;
    if (!route.requiredHeaders.every((h) => request.headers[h] !== undefined)) continue;
    const score = route.literals.length + route.requiredQuery.length + route.requiredHeaders.length;
    if (!best || score > best.score) best = { operation: route.operation, score };
  }
  return best?.operation;
}
