// The page's main loop: poll the gateway's REST API about once a second and redraw what changed.
import { getBlocks, getNeighbours, getPool, getStatus } from './api.js';
import { syncChain } from './chain-sync.js';
import { byId, el } from './dom.js';
import { clockTime, count, plural } from './format.js';
import { connected, polling } from './poll.js';
import { showBlock } from './view-block.js';
import { ChainView } from './view-chain.js';
import { renderNeighbours, renderPool } from './view-network.js';
import { Receipts } from './view-receipts.js';
import { renderStatus } from './view-status.js';

const ownIds = new Set();
const chainView = new ChainView(ownIds, showBlock);
const receipts = new Receipts(ownIds, () => poll());
let blocks = [];
const poll = polling(round);

/** One round of questions to the gateway. */
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

poll();
