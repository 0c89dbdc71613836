// Checks a message's inclusion proof (GET /messages/{id}/proof) in the browser, with crypto.subtle, step by step:
// leaf → (signature) → path → root → header → proof of work → tip. The same rules as `blockchain verify`
// (Grains.Interfaces/Proofs/ProofVerifier.cs): nothing the gateway says is taken on trust but the bundle's bytes.
import { concat, fromHex, headerBytes, int64Bytes, leafBytes, messageContent, nodeHash, sha256, toHex } from './header.js';
import { leadingZeros, plural } from './format.js';

const SIGNATURE_CONTEXT = new TextEncoder().encode('orleans-blockchain message v1\0');

/** The steps of the check, each { step, ok, detail, hash }; it stops at the first that fails. */
export async function verifyProof(bundle) {
  const steps = [];
  const add = (step, ok, detail, hash = null) => { steps.push({ step, ok, detail, hash }); return ok; };
  const message = bundle.message;
  const headers = bundle.headers ?? [];
  const block = headers[0];
  if (!message || !block) {
    add('leaf', false, 'The bundle has no message or no block header.');
    return steps;
  }

  const leaf = await sha256(leafBytes(message));
  const id = await idFor(message);
  if (!add('leaf', id === message.id, id === message.id
    ? 'Its id is derived from its content; the leaf is SHA-256(00 ‖ id ‖ content).'
    : `Its id ${message.id} is not derived from its content (${id}).`, toHex(leaf))) return steps;

  if (message.author && !add('signature', ...await signatureCheck(message))) return steps;

  const root = await rootFromPath(leaf, bundle.leafIndex, bundle.leafCount, (bundle.auditPath ?? []).map(fromHex));
  if (!add('path', root !== null, root
    ? `Leaf ${bundle.leafIndex} of ${bundle.leafCount}, hashed with ${bundle.auditPath.length} sibling hashes on the way up, gives this root.`
    : `The audit path (${bundle.auditPath.length} hashes) cannot lead from leaf ${bundle.leafIndex} of ${bundle.leafCount} to a root.`,
  root && toHex(root))) return steps;

  if (!add('root', toHex(root) === block.messagesRoot, toHex(root) === block.messagesRoot
    ? `It is the messages root of block #${block.index}'s header.`
    : `Block #${block.index}'s header names the messages root ${block.messagesRoot}, not this one.`, block.messagesRoot)) return steps;

  for (const header of headers) {
    const hash = toHex(await sha256(headerBytes(header, fromHex(header.messagesRoot))));
    if (hash !== header.hash) {
      add('header', false, `Block #${header.index}'s header fields hash to ${hash}, not to the stated ${header.hash}.`, hash);
      return steps;
    }
  }
  add('header', true, `SHA-256 of block #${block.index}'s 96-byte header, recomputed here (and of ${plural(headers.length - 1, 'header')} after it).`, block.hash);

  const weak = headers.find(h => h.difficulty !== bundle.difficulty || leadingZeros(h.hash) < bundle.difficulty);
  if (!add('work', !weak, weak
    ? `Block #${weak.index}'s hash does not have the network's ${bundle.difficulty} leading zero digits.`
    : `Every hash starts with at least ${bundle.difficulty} zero hex digits: about ${(16 ** bundle.difficulty * headers.length).toLocaleString('en')} hashes of work.`,
  block.hash)) return steps;

  const broken = headers.findIndex((h, i) => i === 0
    ? h.index === 1 && h.previousHash !== bundle.genesisHash
    : h.index !== headers[i - 1].index + 1 || h.previousHash !== headers[i - 1].hash);
  const tip = headers[headers.length - 1];
  add('tip', broken < 0, broken < 0
    ? `Blocks #${block.index} to #${tip.index} each name the hash of the one before: ${plural(tip.index - block.index + 1, 'confirmation')} up to the tip.`
    : `Block #${headers[broken].index} does not name the hash of the block before it.`, tip.hash);
  return steps;
}

/** The id a message must have: the first 16 bytes of SHA-256 of its content, as a version 8 UUID. */
async function idFor(message) {
  const hash = await sha256(messageContent(message));
  hash[6] = (hash[6] & 0x0f) | 0x80;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = toHex(hash.subarray(0, 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The first 16 hex digits of SHA-256 of the raw public key: the author's short name. */
export async function fingerprint(publicKey) {
  return toHex(await sha256(fromHex(publicKey))).slice(0, 16);
}

async function signatureCheck(message) {
  const { publicKey, signedAt, signature } = message.author;
  const name = await fingerprint(publicKey);
  const signed = concat(SIGNATURE_CONTEXT, fromHex(publicKey), int64Bytes(Date.parse(signedAt)), new TextEncoder().encode(message.text));
  try {
    const key = await crypto.subtle.importKey('raw', fromHex(publicKey), { name: 'Ed25519' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, fromHex(signature), signed);
    return [ok, ok ? `Signed by ${name} at ${signedAt}: the Ed25519 signature verifies (WebCrypto).` : `The signature does not verify for key ${name}.`, name];
  } catch (e) {
    return [false, `The signature of ${name} cannot be checked here: ${e.message}`, name];
  }
}

/** RFC 9162 §2.1.3.2: the root an audit path leads to from leaf `index` of a tree of `size` leaves, or null. */
async function rootFromPath(leaf, index, size, path) {
  if (!(index >= 0 && index < size)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0 || p.length !== 32) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn !== 0 && fn % 2 === 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
