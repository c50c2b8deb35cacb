import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import { createKey, importKey } from './keys.ts';

describe('ec2 key pairs', () => {
  it('creates an RSA key in PKCS#1 PEM whose public key is the one shown and imported', () => {
    const made = createKey('rsa', 'web');
    assert.match(made.material, /^-----BEGIN RSA PRIVATE KEY-----\n/);
    const der = createPublicKey(createPrivateKey(made.material)).export({ type: 'spki', format: 'der' });
    const imported = importKey(made.publicKey, 'web')!;
    assert.equal(imported.keyType, 'rsa');
    // Imported, the same public key is fingerprinted as EC2 does: the MD5 of its DER form.
    assert.equal(imported.fingerprint, createHash('md5').update(der).digest('hex').match(/../g)!.join(':'));
  });

  it("creates an ed25519 key whose imported public key has the created key's fingerprint", () => {
    const made = createKey('ed25519', 'web');
    assert.match(made.material, /^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
    const imported = importKey(made.publicKey, 'other')!;
    assert.equal(imported.keyType, 'ed25519');
    assert.equal(imported.fingerprint, made.fingerprint);
  });

  it('refuses what is not an OpenSSH public key', () => {
    const good = createKey('ed25519', 'k').publicKey.split(' ')[1];
    for (const text of ['', 'ssh-rsa', 'ssh-rsa !!!', `ssh-rsa ${good}`, `ssh-ed25519 ${good.slice(0, 20)}`, 'ssh-dss AAAAB3NzaC1kc3M=']) {
      assert.equal(importKey(text, 'k'), undefined, text);
    }
  });
});
