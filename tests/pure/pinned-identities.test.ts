import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CertificateSubject } from '../../shared/bundle/certificate';
import { PinnedIdentities, describeRecognition, recognise, withPin } from '../../shared/bundle/pinned-identities';

const fp = (byte: string) => Array.from({ length: 32 }, () => byte).join(':');
const subject = (name: string, fingerprint: string): CertificateSubject => ({ name, organisation: 'Northwind AI', email: '', fingerprint, selfSigned: true });

test('a pinned certificate is recognised by its fingerprint, whatever name it carries', () => {
  const pins = withPin([], subject('M. Alvarez', fp('AD')), '2026-11-02T09:00:00.000Z');
  const same = recognise(pins, subject('Someone Else', fp('AD')));
  assert.equal(same.kind, 'pinned');
  assert.match(describeRecognition(same, subject('Someone Else', fp('AD'))), /^This is the certificate you pinned for M\. Alvarez on 2026-11-02\.$/);
});

test('a pinned name arriving with another key is a warning naming both fingerprints; spacing and case do not hide the name', () => {
  const pins = withPin([], subject('M. Alvarez', fp('AD')), '2026-11-02T09:00:00.000Z');
  const forged = subject('  m.  ALVAREZ ', fp('EE'));
  const recognition = recognise(pins, forged);
  assert.equal(recognition.kind, 'new-key');
  const text = describeRecognition(recognition, forged);
  assert.ok(text.startsWith('Warning: '), text);
  assert.ok(text.includes(fp('AD')) && text.includes(fp('EE')), text);
});

test('an unknown name is unknown, and an unnamed certificate never matches a pin by its empty name', () => {
  const pins = withPin([], subject('', fp('AD')), '2026-11-02T09:00:00.000Z');
  assert.equal(recognise(pins, subject('', fp('EE'))).kind, 'unknown');
  assert.equal(recognise(pins, subject('J. Smith', fp('EE'))).kind, 'unknown');
});

test('pinning again replaces the pin of that certificate; a stored list that is not pins is refused by the schema', () => {
  let pins = withPin([], subject('M. Alvarez', fp('AD')), '2026-11-02T09:00:00.000Z');
  pins = withPin(pins, subject('Maria Alvarez', fp('AD')), '2026-12-01T09:00:00.000Z');
  assert.deepEqual(pins.map((p) => [p.name, p.pinnedAt]), [['Maria Alvarez', '2026-12-01T09:00:00.000Z']]);
  assert.equal(PinnedIdentities.safeParse([{ name: 'x', organisation: '', fingerprint: 'not-hex', pinnedAt: '' }]).success, false);
});
