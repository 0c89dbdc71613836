// The block detail view: what was hashed (the 96-byte header, field by field, and the Merkle tree of the
// messages), the hash recomputed here in the browser, and the checks that make the block valid.
import { byId, el, replace, setText } from './dom.js';
import { count, hash, leadingZeros, plural } from './format.js';
import { HEADER_FIELDS, headerBytes, recompute, sha256, toHex } from './header.js';

const dialog = byId('block-dialog');
const blockName = index => (index === 0 ? 'the genesis block' : `block #${count(index)}`);
let opener = null;

byId('block-close').addEventListener('click', () => dialog.close());
// Focus goes back to the button that opened the dialog, so keyboard users keep their place in the chain.
dialog.addEventListener('close', () => opener?.focus());

/** Opens the detail view of `block`; `before` is the block before it, if the page has it. */
export async function showBlock(block, before) {
  opener = document.activeElement;
  const label = block.index === 0 ? 'Genesis block' : `Block #${count(block.index)}`;
  setText(byId('block-title'), label);
  replace(byId('block-body'), el('p', { class: 'muted' }, 'Computing SHA-256 in your browser…'));
  dialog.showModal();

  const computed = await recompute(block);
  replace(byId('block-body'),
    checks(block, before, computed),
    headerSection(block, computed),
    merkleSection(block, computed.tree),
    nonceSection(block, computed.tree.hash));
}

function checks(block, before, { hash: recomputed }) {
  const zeros = leadingZeros(block.hash);
  const items = [
    check('hash', recomputed === block.hash,
      'The hash is SHA-256 of the header below, recomputed here: ',
      el('span', { id: 'recomputed-hash' }, hash(recomputed)),
      recomputed === block.hash ? ' equals the block\'s hash.' : ' differs from the block\'s hash!'),
    block.index === 0
      ? check('work', true, 'Genesis is fixed for the network and built the same by every miner: it is never mined, so it needs no proof of work.')
      : check('work', zeros >= block.difficulty,
        `The hash starts with ${plural(zeros, 'zero hex digit')}; difficulty ${block.difficulty} needs at least ${block.difficulty}. `,
        `Finding it took about ${count(16 ** block.difficulty)} tries on average, and anyone checks it with one hash.`),
  ];

  if (block.index === 0) {
    items.push(check('link', /^0{64}$/.test(block.previousHash), 'Genesis has no block before it: its previous hash is all zeros.'));
  } else if (before) {
    items.push(
      check('link', before.hash === block.previousHash,
        `Its previous hash is the hash of ${blockName(before.index)}, so changing any earlier block would break this link.`),
      check('time', Date.parse(block.timestamp) >= Date.parse(before.timestamp),
        `Its time is not before that of ${blockName(before.index)}.`));
  }

  return el('section', { 'aria-labelledby': 'checks-heading' },
    el('h3', { id: 'checks-heading' }, 'Why this block is valid'),
    el('ul', { class: 'checks' }, items));
}

function check(name, ok, ...text) {
  return el('li', { class: ok ? 'ok' : 'bad', data: { check: name, ok: String(ok) } },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, ok ? '✓' : '✗'),
    el('span', { class: 'visually-hidden' }, ok ? 'Passes: ' : 'Fails: '),
    el('span', {}, ...text));
}

function headerSection(block, { header }) {
  const values = {
    'previous hash': block.index === 0 ? 'no block before genesis' : `hash of ${blockName(block.index - 1)}`,
    'messages root': `commits to ${plural(block.messages.length, 'message')} (tree below)`,
    version: '1',
    index: count(block.index),
    timestamp: `${Date.parse(block.timestamp)} ms = ${new Date(block.timestamp).toISOString()}`,
    difficulty: String(block.difficulty),
    nonce: count(block.nonce),
  };
  const bytes = offset => toHex(header.subarray(offset.offset, offset.offset + offset.size));

  return el('section', { 'aria-labelledby': 'header-heading' },
    el('h3', { id: 'header-heading' }, 'What was hashed: the 96-byte header'),
    el('p', { class: 'hint' }, 'Bytes 0–63 are one SHA-256 block that stays the same while the miner searches; only the last 32, with the nonce, change.'),
    // One line per SHA-256 block: the first 64 bytes, then the 32 the nonce changes.
    el('code', { class: 'header-hex', 'aria-label': 'The header as 96 bytes of hex' },
      HEADER_FIELDS.map((f, i) => [el('span', { class: `field-${i}`, title: f.name }, bytes(f)), f.offset + f.size === 64 ? el('br') : null])),
    el('ol', { class: 'header-fields' },
      HEADER_FIELDS.map((f, i) => el('li', { class: `field-${i}` },
        el('div', { class: 'field-name' },
          el('strong', {}, f.name), ` · bytes ${f.offset}–${f.offset + f.size - 1} · ${f.encoding}`),
        el('code', { class: 'field-hex' }, bytes(f)),
        el('div', { class: 'field-value' }, '= ', values[f.name])))));
}

function merkleSection(block, tree) {
  return el('section', { 'aria-labelledby': 'merkle-heading' },
    el('h3', { id: 'merkle-heading' }, 'The messages root: a Merkle tree (RFC 6962)'),
    el('p', { class: 'hint' },
      'A leaf is SHA-256(00 ‖ id ‖ acceptedAt ‖ text), a node SHA-256(01 ‖ left ‖ right). ',
      'Change, add, remove or reorder any message and the root, then the hash, change.'),
    block.messages.length === 0
      ? el('p', {}, 'No messages: the root is SHA-256 of nothing, ', hash(toHex(tree.hash)))
      : el('ul', { class: 'tree' }, node(tree)),
    block.messages.length === 1 ? el('p', { class: 'hint' }, 'With one message the root is its leaf hash.') : null);
}

function node(n) {
  if (n.message) {
    return el('li', {},
      el('div', {}, `leaf ${n.first}: “`, el('span', { class: 'text' }, n.message.text), '”'),
      el('div', { class: 'muted small' }, `id ${n.message.id} · accepted ${n.message.acceptedAt}`),
      hash(toHex(n.hash)));
  }
  return el('li', {},
    el('div', {}, `node over messages ${n.first}–${n.last}`),
    hash(toHex(n.hash)),
    el('ul', {}, node(n.left), node(n.right)));
}

function nonceSection(block, root) {
  const input = el('input', { id: 'try-nonce', type: 'text', inputmode: 'numeric', value: String(block.nonce), autocomplete: 'off', 'aria-describedby': 'try-result' });
  const result = el('p', { id: 'try-result', role: 'status' });
  const update = async () => {
    if (!/^\d{1,20}$/.test(input.value) || BigInt(input.value) >= 2n ** 64n) {
      setText(result, 'A nonce is a whole number from 0 to 18446744073709551615.');
      return;
    }
    const digest = toHex(await sha256(headerBytes(block, root, BigInt(input.value))));
    const meets = leadingZeros(digest) >= block.difficulty;
    replace(result, hash(digest), meets ? ' meets the difficulty.' : ` does not start with ${block.difficulty} zeros: not a valid block.`);
  };
  input.addEventListener('input', update);
  update();

  return el('section', { 'aria-labelledby': 'nonce-heading' },
    el('h3', { id: 'nonce-heading' }, 'Try another nonce'),
    el('p', { class: 'hint' }, 'The miner tried nonces 0, 1, 2, … until the hash started with enough zeros. Change it and watch the hash.'),
    el('label', { for: 'try-nonce' }, 'Nonce'), ' ', input, result);
}
