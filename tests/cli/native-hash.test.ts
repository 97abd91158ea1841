import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSha256, sha256Hex } from '../../shared/hash';
import { seededRandom } from '../../shared/random';
import { installNativeSha256 } from '../../node/native-hash';

test('the native incremental SHA-256 the CLI installs gives the digest of the pure one, however the bytes are cut', () => {
  const random = seededRandom(7);
  const bytes = Uint8Array.from({ length: 1_000_003 }, () => Math.floor(random() * 256));
  const chunked = () => {
    const hash = createSha256();
    for (let at = 0, n = 1; at < bytes.length; at += n, n = 1 + Math.floor(random() * 70_000)) hash.update(bytes.subarray(at, at + n));
    return hash.hex();
  };
  const pure = chunked();
  assert.equal(pure, sha256Hex(bytes));
  installNativeSha256();
  assert.equal(chunked(), pure);
  assert.equal(createSha256().hex(), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'the digest of nothing');
});
