/**
 * @module services/ec2/api-keys
 * Key pairs: created (the private key is shown once and not kept) or imported, by a name unique
 * in the region.
 */
import { ec2Id } from '../../core/ids.ts';
import { scopeKey, scopeOf } from '../../core/scope.ts';
import type { Handlers } from '../../protocol/types.ts';
import type { Ec2Context } from './context.ts';
import { describe } from './describe.ts';
import { ec2Error } from './errors.ts';
import { createKey, importKey } from './keys.ts';
import type { KeyRecord } from './model.ts';
import type { Ec2Operations } from './shapes.ts';
import { tagsAtCreation } from './tags.ts';
import { keyView } from './view.ts';

export function keyHandlers(ec2: Ec2Context): Handlers<Ec2Operations> {
  const { model, clock } = ec2;
  const checkName = (scope: string, name: string) => {
    if (!name.trim() || name.length > 255 || !/^[\x20-\x7e]*$/.test(name))
      throw ec2Error.invalidValue('KeyName', name, 'Key names are 1 to 255 ASCII characters.');
    if (model.all(scope, 'key').some((k) => k.name === name)) throw ec2Error.keyDuplicate(name);
  };
  const keyOf = (scope: string, ref: { KeyName?: string; KeyPairId?: string }) => {
    if (ref.KeyName === undefined && ref.KeyPairId === undefined) throw ec2Error.missing('KeyName');
    const key = model.all(scope, 'key').find((k) => (ref.KeyPairId !== undefined ? k.id === ref.KeyPairId : k.name === ref.KeyName));
    if (!key) throw ec2Error.notFound('key', ref.KeyPairId ?? ref.KeyName!);
    return key;
  };
  return {
    CreateKeyPair(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      checkName(scope, input.KeyName);
      if (input.KeyFormat === 'ppk') throw ec2Error.invalidValue('KeyFormat', 'ppk', 'Slipway creates keys in pem format only.');
      const tags = tagsAtCreation(input.TagSpecifications, 'key');
      const keyType = input.KeyType ?? 'rsa';
      const made = createKey(keyType, input.KeyName);
      const key: KeyRecord = {
        kind: 'key',
        id: ec2Id('key'),
        scope,
        tags,
        name: input.KeyName,
        keyType,
        fingerprint: made.fingerprint,
        publicKey: made.publicKey,
        createTime: clock.now(),
      };
      model.write(scope, () => model.put(key));
      return { KeyPairId: key.id, KeyName: key.name, KeyFingerprint: key.fingerprint, KeyMaterial: made.material, Tags: tags };
    },

    ImportKeyPair(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      checkName(scope, input.KeyName);
      const imported = importKey(Buffer.from(input.PublicKeyMaterial, 'base64').toString('utf8'), input.KeyName);
      if (!imported) throw ec2Error.keyFormat();
      const tags = tagsAtCreation(input.TagSpecifications, 'key');
      const key: KeyRecord = { kind: 'key', id: ec2Id('key'), scope, tags, name: input.KeyName, ...imported, createTime: clock.now() };
      model.write(scope, () => model.put(key));
      return { KeyPairId: key.id, KeyName: key.name, KeyFingerprint: key.fingerprint, Tags: tags };
    },

    DeleteKeyPair(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      // EC2 answers a delete of a key that does not exist with success.
      const key = model
        .all(scope, 'key')
        .find((k) => (input.KeyPairId !== undefined ? k.id === input.KeyPairId : k.name === input.KeyName));
      if (input.KeyName === undefined && input.KeyPairId === undefined) throw ec2Error.missing('KeyName');
      if (key) model.write(scope, () => model.delete(key.id));
      return { Return: true, KeyPairId: key?.id };
    },

    DescribeKeyPairs(input, ctx) {
      const scope = scopeKey(scopeOf(ctx));
      let keys = model.all(scope, 'key');
      if (input.KeyNames?.length || input.KeyPairIds?.length) {
        const asked = [
          ...(input.KeyNames ?? []).map((KeyName) => keyOf(scope, { KeyName })),
          ...(input.KeyPairIds ?? []).map((KeyPairId) => keyOf(scope, { KeyPairId })),
        ];
        keys = keys.filter((k) => asked.some((a) => a.id === k.id));
      }
      const page = describe(keys, input, {
        operation: 'DescribeKeyPairs',
        fields: {
          'key-pair-id': (k) => [k.id],
          'key-name': (k) => [k.name],
          fingerprint: (k) => [k.fingerprint],
          'key-type': (k) => [k.keyType],
        },
      });
      return { KeyPairs: page.items.map((k) => keyView(k, input.IncludePublicKey === true)) };
    },
  };
}
