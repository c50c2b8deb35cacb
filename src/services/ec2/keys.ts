/**
 * @module services/ec2/keys
 * Key pairs as EC2 makes and shows them. A created RSA key is a 2048-bit PKCS#1 PEM, fingerprinted
 * by the SHA-1 of its PKCS#8 DER; a created ed25519 key is an OpenSSH private key. An imported RSA
 * key is fingerprinted by the MD5 of its public key's DER; an ed25519 key by the base64 SHA-256 of
 * its OpenSSH public key blob. Public keys are kept in OpenSSH's one-line form.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

export interface MadeKey {
  material: string;
  fingerprint: string;
  publicKey: string;
}

const colonHex = (digest: Buffer) => digest.toString('hex').match(/../g)!.join(':');

/** SSH wire strings: a 32-bit length, then the bytes. */
function sshString(...parts: (Buffer | string)[]): Buffer {
  return Buffer.concat(
    parts.map((p) => {
      const bytes = typeof p === 'string' ? Buffer.from(p) : p;
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return Buffer.concat([length, bytes]);
    }),
  );
}

/** An SSH mpint: big-endian, with a leading zero when the top bit is set. */
function mpint(bytes: Buffer): Buffer {
  return bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

function rsaBlob(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return sshString('ssh-rsa', mpint(Buffer.from(jwk.e!, 'base64url')), mpint(Buffer.from(jwk.n!, 'base64url')));
}

function ed25519Blob(key: KeyObject): Buffer {
  return sshString('ssh-ed25519', Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url'));
}

export function createKey(type: 'rsa' | 'ed25519', name: string): MadeKey {
  if (type === 'rsa') {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      material: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trimEnd(),
      fingerprint: colonHex(
        createHash('sha1')
          .update(privateKey.export({ type: 'pkcs8', format: 'der' }))
          .digest(),
      ),
      publicKey: `ssh-rsa ${rsaBlob(publicKey).toString('base64')} ${name}`,
    };
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const blob = ed25519Blob(publicKey);
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const check = randomBytes(4);
  let secret = Buffer.concat([check, check, sshString('ssh-ed25519', pub, Buffer.concat([seed, pub]), name)]);
  for (let pad = 1; secret.length % 8; pad++) secret = Buffer.concat([secret, Buffer.from([pad])]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    sshString('none', 'none', ''),
    Buffer.from([0, 0, 0, 1]),
    sshString(blob, secret),
  ]);
  const lines = body
    .toString('base64')
    .match(/.{1,70}/g)!
    .join('\n');
  return {
    material: `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines}\n-----END OPENSSH PRIVATE KEY-----`,
    fingerprint: createHash('sha256').update(blob).digest('base64'),
    publicKey: `ssh-ed25519 ${blob.toString('base64')} ${name}`,
  };
}

/** An OpenSSH public key line (`ssh-rsa AAAA… comment`) read; undefined when it is not one. */
export function importKey(text: string, name: string): { keyType: 'rsa' | 'ed25519'; fingerprint: string; publicKey: string } | undefined {
  const [type, data] = text.trim().split(/\s+/);
  if (!data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return undefined;
  const blob = Buffer.from(data, 'base64');
  const fields: Buffer[] = [];
  for (let at = 0; at < blob.length; ) {
    if (at + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(at);
    if (at + 4 + length > blob.length) return undefined;
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (fields[0]?.toString() !== type) return undefined;
  try {
    if (type === 'ssh-rsa' && fields.length === 3) {
      const key = createPublicKey({
        key: { kty: 'RSA', e: fields[1].toString('base64url'), n: fields[2].toString('base64url') },
        format: 'jwk',
      });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < 1024) return undefined;
      const der = key.export({ type: 'spki', format: 'der' });
      return { keyType: 'rsa', fingerprint: colonHex(createHash('md5').update(der).digest()), publicKey: `ssh-rsa ${data} ${name}` };
    }
    if (type === 'ssh-ed25519' && fields.length === 2 && fields[1].length === 32) {
      return {
        keyType: 'ed25519',
        fingerprint: createHash('sha256').update(blob).digest('base64'),
        publicKey: `ssh-ed25519 ${data} ${name}`,
      };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
