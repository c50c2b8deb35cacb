/**
 * @module services/elb/testing
 * For the ELB room's unit tests: whether HAProxy is installed, so tests that need it skip without.
 */
import { execFileSync } from 'node:child_process';

export function haproxyInstalled(): boolean {
  try {
    execFileSync('haproxy', ['-v']);
    return true;
  } catch {
    return false;
  }
}
