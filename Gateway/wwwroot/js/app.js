// The page's main loop: poll the gateway's REST API about once a second and redraw what changed.
// Polling (rather than a push channel) keeps the gateway a plain REST API; every call is small.
import { getBlocks, getNeighbours, getPool, getStatus } from './api.js';
import { syncChain } from './chain-sync.js';
import { byId, el, setText } from './dom.js';
import { clockTime, count, plural } from './format.js';
import { showBlock } from './view-block.js';
import { ChainView } from './view-chain.js';
import { renderNeighbours, renderPool } from './view-network.js';
import { Receipts } from './view-receipts.js';
import { renderStatus } from './view-status.js';

const POLL_MS = 1000;

const ownIds = new Set();
const chainView = new ChainView(ownIds, showBlock);
const receipts = new Receipts(ownIds, () => poll());
let blocks = [];
let timer = null;
let running = null;

/** One round of questions to the gateway. Never two at once; the next round is scheduled after this
 *  one ends, so a slow gateway gets fewer requests, not a pile of them. */
function poll() {
  clearTimeout(timer);
  running ??= round().finally(() => {
    running = null;
    timer = setTimeout(poll, document.hidden ? POLL_MS * 5 : POLL_MS);
  });
  return running;
}

async function round() {
  try {
    const [status, pool, neighbours] = await Promise.all([
      getStatus(), getPool(), getNeighbours()]);
    renderStatus(status);
    renderPool(pool, ownIds);
    renderNeighbours(neighbours);

    const first = blocks.length === 0;
    const update = await syncChain(blocks, status, getBlocks);
    if (update.reorg) notice(update.reorg);
    if (update.newNetwork) notice(null);
    if (update.blocks !== blocks) {
      blocks = update.blocks;
      chainView.render(blocks, { fresh: !first });
      document.body.dataset.height = String(blocks.length - 1);
    }

    await receipts.refresh();
    connected('Connected to this miner');
  } catch (error) {
    connected(`Cannot reach this miner (${error.message}); retrying…`, true);
  }
}

function connected(text, failing = false) {
  byId('connection-line').classList.toggle('failing', failing);
  setText(byId('connection'), text);
  setText(byId('updated'), failing ? '' : `updated ${clockTime(new Date())}`);
}

/** Shows that the miner adopted another chain: blocks the page showed are gone, others took their place. */
function notice(reorg) {
  const text = reorg
    ? `Reorganisation: ${plural(reorg.replaced, 'block')} replaced at height ${count(reorg.height)}. `
      + 'This miner adopted a longer chain from a neighbour; messages of the dropped blocks that the new chain lacks went back to the pool.'
    : 'This miner now runs another network (a different genesis block): the chain was reloaded.';
  const item = el('div', { class: 'notice', data: { kind: reorg ? 'reorg' : 'network' } },
    el('p', {}, el('strong', {}, clockTime(new Date())), ' ', text),
    el('button', { type: 'button', class: 'secondary', on: { click: () => item.remove() } }, 'Dismiss'));
  const notices = byId('notices');
  notices.prepend(item);
  // A few are enough to see what happened; older ones would only push the page down.
  while (notices.children.length > 3) notices.lastElementChild.remove();
}

document.addEventListener('visibilitychange', () => { if (!document.hidden) poll(); });
poll();
