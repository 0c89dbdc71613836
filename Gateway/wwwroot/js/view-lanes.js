// The network view: a lane per miner (a row of a table), its last blocks in columns by height, so that
// where two chains part is where the colours part. Blocks of this miner's chain are green; a fork's blocks
// take their branch's colour, and the first one is drawn splitting off.
import { byId, el, replace } from './dom.js';
import { count, hash, plural, time } from './format.js';

const BRANCH_COLOURS = 4;

export function renderLanes(model, tips) {
  renderSummary(model);
  // The only focusable things are the peers' links: keep a keyboard user's place across redraws.
  const focused = document.activeElement?.closest?.('#lanes') ? document.activeElement.dataset.url : null;
  replace(byId('lanes'),
    el('caption', { class: 'visually-hidden' }, 'The last blocks of each miner this one knows, one row per miner, one column per height'),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Miner'),
      model.heights.map(h => el('th', { scope: 'col', class: 'height' }, h === 0 ? 'genesis' : `#${count(h)}`)))),
    el('tbody', {}, model.lanes.map(lane => row(lane))));
  if (focused) byId('lanes').querySelector(`a[data-url="${CSS.escape(focused)}"]`)?.focus();
  renderTips(tips);
}

function renderSummary(model) {
  const summary = byId('network-summary');
  summary.dataset.tips = String(model.tips.length);
  summary.classList.toggle('forked', model.tips.length > 1);
  const neighbours = model.lanes.length - 1;
  const [headline, more] = model.tips.length === 1
    ? ['One chain.', neighbours === 0
      ? 'This miner knows no neighbours yet: its own is the only chain it sees.'
      : `This miner and its ${plural(neighbours, 'neighbour')} build on the same tip.`]
    : [`${count(model.tips.length)} different tips: the chain has forked.`,
      'Each side holds messages the other lacks. When they hear of each other again, every miner adopts the chain with the most work, and the losing side’s messages go back to the pool to be mined again.'];
  const cut = model.partitioned > 0 ? ` A staged partition cuts this miner off from ${plural(model.partitioned, 'neighbour')}.` : '';
  replace(summary, el('strong', {}, headline), ` ${more}${cut}`);
}

function row(lane) {
  return el('tr', {
    class: `lane${lane.self ? ' self' : ''}`,
    data: { url: lane.url ?? '', relation: lane.relation.kind, partitioned: String(lane.partitioned), tip: lane.tipHash },
  },
  el('th', { scope: 'row', class: 'lane-head' },
    lane.self
      ? el('div', {}, el('strong', {}, lane.name), ' ', el('span', { class: 'muted' }, '(this miner)'))
      : el('div', {}, peerLink(lane.url)),
    el('div', { class: 'small' }, `tip #${count(lane.height)} `, hash(lane.tipHash.slice(0, 12), { className: 'hash short' })),
    el('div', { class: 'badges' },
      relation(lane.relation),
      lane.partitioned ? el('span', { class: 'badge partitioned', title: 'A staged partition: watched, never synced with' }, '✂ partitioned') : null),
    lane.seenAt ? el('div', { class: 'muted small' }, 'seen ', time(lane.seenAt, { short: true })) : null),
  lane.cells.map(cell => el('td', {
    class: `cell ${cell.kind}${cell.forkStart ? ' fork-start' : ''}`,
    // Branch 0 is this miner's chain, drawn in its own colour; the forks share a few colours in turn.
    data: { height: cell.height, kind: cell.kind, ...(cell.kind === 'fork' ? { branch: (lane.branch + BRANCH_COLOURS - 1) % BRANCH_COLOURS } : {}) },
  }, card(cell))));
}

function relation(r) {
  const badge = (kind, text) => el('span', { class: `badge ${kind}` }, text);
  switch (r.kind) {
    case 'self': return badge('ok', 'active tip');
    case 'same': return badge('ok', 'same tip');
    case 'behind': return badge('muted', `behind by ${plural(r.by, 'block')}`);
    case 'ahead': return badge('muted', `ahead by ${plural(r.by, 'block')}`);
    case 'fork': return badge('fork', `fork at #${count(r.forkHeight)} · ${plural(r.branchLength, 'own block')}`);
    default: return badge('bad', 'invalid chain');
  }
}

/** A peer's URL comes from the network: link it only when it is plain http(s), and never fail on it. */
function peerLink(url) {
  const parsed = URL.parse(url);
  return parsed && /^https?:$/.test(parsed.protocol)
    ? el('a', { href: parsed.href, data: { url } }, parsed.host)
    : el('span', {}, url);
}

const host = url => URL.parse(url)?.host ?? url;

function card(cell) {
  if (cell.kind === 'none') return null;
  if (cell.kind === 'unseen') return el('span', { class: 'muted small' }, '…');
  const b = cell.block;
  const rest = b.messageCount - b.texts.length;
  return el('div', { class: 'lane-block', data: { hash: b.hash }, title: b.hash },
    cell.forkStart ? el('span', { class: 'fork-mark' }, 'fork') : null,
    hash(b.hash.slice(0, 10), { className: 'hash short' }),
    b.index === 0
      ? el('div', { class: 'muted small' }, 'genesis')
      : el('ul', { class: 'lane-messages' },
        b.messageCount === 0 ? el('li', { class: 'muted' }, 'no messages') : null,
        b.texts.map(t => el('li', { class: 'message' }, t)),
        rest > 0 ? el('li', { class: 'muted' }, `+ ${count(rest)} more`) : null));
}

/** GET /tips as it is: the shape of Bitcoin Core's getchaintips. */
function renderTips(tips) {
  replace(byId('tips'), tips.map(t => el('li', { class: `tip ${t.status}`, data: { status: t.status } },
    el('span', { class: `badge ${t.status === 'active' ? 'ok' : t.status === 'invalid' ? 'bad' : 'fork'}` }, t.status),
    ` #${count(t.height)} `, hash(t.hash.slice(0, 16), { className: 'hash short' }),
    t.status === 'active' ? null : ` · ${plural(t.branchLength, 'block')} since the common ancestor · `,
    t.peers.length > 0 ? el('span', { class: 'muted' }, t.peers.map(host).join(', ')) : null)));
}
