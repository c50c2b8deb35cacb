/**
 * @module protocol/json11/parser
 * Reads an AWS JSON 1.1 request: the operation from X-Amz-Target, the input from the body.
 * Malformed input is a client error (SerializationException), never a 500. Operations are looked
 * up by own property, so `__proto__` is an unknown operation.
 */
import { AwsError } from '../../core/errors.ts';
import type { ServiceModel } from '../model.ts';

export function parseJsonRequest(model: ServiceModel, target: string, body: string): { operation: string; input: unknown } {
  const operation = target.slice(target.lastIndexOf('.') + 1);
  if (!Object.hasOwn(model.operations, operation)) {
    throw new AwsError('UnknownOperationException', `${model.metadata.serviceId} has no operation '${operation}'`);
  }
  if (body.trim() === '') return { operation, input: {} };
  try {
    return { operation, input: JSON.parse(body) };
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON');
  }
}
