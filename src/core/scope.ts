/**
 * @module core/scope
 * The caller's scope — the account and region a request acts in — and the one key rooms store it
 * under. Every room's tables index their records by `scopeKey`, so an ARN's scope and a request's
 * scope meet on the same string.
 */
import { scopeOfArn, type Scope } from './ids.ts';

export { scopeOfArn, type Scope } from './ids.ts';

/** "<region>:<account>": the column every room indexes its records by. */
export function scopeKey(scope: Scope): string {
  return `${scope.region}:${scope.account}`;
}

/** The scope of an ARN Slipway itself made (and so well formed); throws when it is not one. */
export function scopeOfOwnArn(value: string): Scope {
  const scope = scopeOfArn(value);
  if (!scope) throw new Error(`not an ARN: ${value}`);
  return scope;
}

/** Whether an ARN (or its parsed form) is of `scope`: a caller finds only its own region's and account's records. */
export function inScope(scope: Scope, arn: string | Scope): boolean {
  const of = typeof arn === 'string' ? scopeOfArn(arn) : arn;
  return of !== undefined && of.region === scope.region && of.account === scope.account;
}

/** The scope a request acts in (its credential scope's region, the configured account). */
export function scopeOf(request: Scope): Scope {
  return { region: request.region, account: request.account };
}
