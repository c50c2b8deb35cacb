/**
 * @module protocol/ec2/serializer
 * Writes a handler's output the way EC2 answers, walking the model's output shape:
 *
 *   <OpResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>…</requestId>…members…</OpResponse>
 *
 * No Result wrapper; members by their locationName (`vpcSet`, `vpcId`); lists as `<item>`
 * elements, as the model names list members. Elements are written as the Query codec writes them.
 */
import type { ServiceModel } from '../model.ts';
import { shapeOf } from '../model.ts';
import { members, xmlEscape } from '../query/serializer.ts';
import type { WireResponse } from '../types.ts';

export function serializeEc2Output(model: ServiceModel, operation: string, value: unknown, requestId: string): WireResponse {
  const op = model.operations[operation];
  const inner = op.output ? members(model, shapeOf(model, op.output.shape), value ?? {}) : '';
  const ns = `http://ec2.amazonaws.com/doc/${model.metadata.apiVersion}/`;
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${xmlEscape(ns)}">` +
    `<requestId>${xmlEscape(requestId)}</requestId>${inner}</${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId }, body };
}
