// The block header and its hash, recomputed in the browser exactly as the miners compute them
// (Grains.Interfaces/Chain/BlockHeader.cs and MerkleRoot.cs). If this page gets the same hash from the block's
// fields, the block's hash really commits to those fields.

/** The 96 bytes that are hashed, field by field. Everything but the nonce fills the first
 *  64-byte SHA-256 block, so a miner compresses it once and then pays one compression per nonce. */
export const HEADER_FIELDS = [
  { name: 'previous hash', offset: 0, size: 32, encoding: 'raw 32 bytes' },
  { name: 'messages root', offset: 32, size: 32, encoding: 'Merkle root of the messages' },
  { name: 'version', offset: 64, size: 4, encoding: 'uint32 big-endian' },
  { name: 'index', offset: 68, size: 8, encoding: 'uint64 big-endian' },
  { name: 'timestamp', offset: 76, size: 8, encoding: 'int64 big-endian, Unix milliseconds' },
  { name: 'difficulty', offset: 84, size: 4, encoding: 'uint32 big-endian' },
  { name: 'nonce', offset: 88, size: 8, encoding: 'uint64 big-endian' },
];

export const HEADER_SIZE = 96;
const VERSION = 1;

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export const toHex = bytes => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');

export function fromHex(hex) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

export const concat = (...parts) => {
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
};

const int64 = value => {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt(value));
  return bytes;
};

export const int64Bytes = value => int64(value);

/** What a message's id and leaf commit to (Message.Content in C#): acceptedAt (int64 ms) ‖ UTF-8 text; a signed
 *  message has 0xFF (never the start of UTF-8) ‖ 0x01 ‖ public key ‖ signedAt ‖ signature before the text. */
export function messageContent(message) {
  const text = new TextEncoder().encode(message.text);
  const accepted = int64(Date.parse(message.acceptedAt));
  const author = message.author;
  return author
    ? concat(accepted, [0xff, 0x01], fromHex(author.publicKey), int64(Date.parse(author.signedAt)), fromHex(author.signature), text)
    : concat(accepted, text);
}

/** The bytes of a Merkle leaf: 0x00 ‖ id (16 bytes) ‖ the message's content.
 *  A GUID's big-endian bytes are the hex digits of its usual string form, in order. */
export function leafBytes(message) {
  return concat([0x00], fromHex(message.id.replaceAll('-', '')), messageContent(message));
}

/** An inner node of the tree: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left, right) => sha256(concat([0x01], left, right));

/**
 * The Merkle tree of RFC 6962 over the messages: a leaf is SHA-256(leaf bytes), a node
 * SHA-256(0x01 ‖ left ‖ right), split at the largest power of two below the count. The 0x00/0x01
 * prefixes keep a leaf from passing for a node. No messages: the root is SHA-256 of nothing.
 * Returns the root node: { hash, first, last, left?, right?, message? }.
 */
export async function merkleTree(messages) {
  if (messages.length === 0) return { hash: await sha256(new Uint8Array(0)), first: 0, last: -1 };
  const leaves = await Promise.all(messages.map(async (message, i) =>
    ({ hash: await sha256(leafBytes(message)), first: i, last: i, message })));
  return build(leaves);
}

async function build(nodes) {
  if (nodes.length === 1) return nodes[0];
  let split = 1;
  while (split * 2 < nodes.length) split *= 2;
  const [left, right] = await Promise.all([build(nodes.slice(0, split)), build(nodes.slice(split))]);
  const hash = await sha256(concat([0x01], left.hash, right.hash));
  return { hash, first: left.first, last: right.last, left, right };
}

/** The 96-byte header of a block with this messages root (and, if given, another nonce). */
export function headerBytes(block, messagesRoot, nonce = block.nonce) {
  const header = new Uint8Array(HEADER_SIZE);
  const view = new DataView(header.buffer);
  header.set(fromHex(block.previousHash), 0);
  header.set(messagesRoot, 32);
  view.setUint32(64, block.version ?? VERSION);
  view.setBigUint64(68, BigInt(block.index));
  view.setBigInt64(76, BigInt(Date.parse(block.timestamp)));
  view.setUint32(84, block.difficulty);
  view.setBigUint64(88, BigInt(nonce));
  return header;
}

/** Everything the block detail view shows: the Merkle tree, the header and the recomputed hash. */
export async function recompute(block) {
  const tree = await merkleTree(block.messages);
  const header = headerBytes(block, tree.hash);
  return { tree, header, hash: toHex(await sha256(header)) };
}
