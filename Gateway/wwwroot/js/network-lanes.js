// The network view's model, without the DOM: one lane per miner this one knows (itself first, then each
// neighbour as its chain sync last saw it), the lanes' last blocks placed by height, and where they fork.

/** Heights shown: as many as the gateway reports blocks of each chain (GET /network's `recent`). */
const COLUMNS = 6;

/**
 * @param network GET /network: { name, height, tipHash, recent, peers: [{ url, height, tipHash, forkHeight,
 *   invalid, partitioned, seenAt, recent }] }
 * @param tips GET /tips: [{ height, hash, branchLength, status, peers }]
 * @returns {{ heights, lanes, tips, partitioned }}: the heights of the columns, oldest first; per lane its
 *   cells by column ({ height, block, kind: ours | shared | ahead | fork | unseen | none, forkStart }) and its
 *   relation to this miner's chain; `tips` the different chain tips among the lanes (a tip another lane has
 *   built on is no tip); `partitioned` how many lanes a staged partition cuts off.
 */
export function lanesOf(network, tips) {
  const self = { url: null, name: network.name, height: network.height, tipHash: network.tipHash,
    forkHeight: null, invalid: false, partitioned: false, seenAt: null, recent: network.recent, self: true };
  const all = [self, ...network.peers.map(peer => ({ ...peer, self: false }))];

  const top = Math.max(...all.map(lane => lane.height));
  const heights = [];
  for (let h = Math.max(0, top - COLUMNS + 1); h <= top; h++) heights.push(h);

  const ours = byHeight(self.recent);
  const tipList = chainTips(all);
  const lanes = all.map(lane => {
    const cells = cellsOf(lane, heights, ours, self.height);
    return { ...lane, cells, relation: relationOf(lane, cells, self, tips), branch: tipList.indexOf(branchTip(lane, all)) };
  });
  return { heights, lanes, tips: tipList, partitioned: lanes.filter(l => l.partitioned).length };
}

function cellsOf(lane, heights, ours, ourHeight) {
  const blocks = byHeight(lane.recent);
  const cells = [];
  for (const height of heights) {
    const block = blocks.get(height);
    const before = cells.at(-1);
    let kind;
    if (!block) kind = height <= lane.height ? 'unseen' : 'none';
    else if (lane.self) kind = 'ours';
    else if (height <= ourHeight && ours.has(height)) kind = ours.get(height).hash === block.hash ? 'shared' : 'fork';
    // Above our tip: ahead on our chain while it links to a block of ours (or one ahead of it), a fork otherwise.
    else if (before?.block) kind = ['shared', 'ahead'].includes(before.kind) && before.block.hash === block.previousHash ? 'ahead' : 'fork';
    // Nothing of ours to compare with in the view: what the miner's chain sync found decides.
    else kind = lane.forkHeight === null || lane.forkHeight > Math.min(height, ourHeight) ? (height <= ourHeight ? 'shared' : 'ahead') : 'fork';
    cells.push({ height, block, kind, forkStart: kind === 'fork' && before?.kind !== 'fork' && before?.block !== undefined });
  }
  return cells;
}

/** How a lane's chain stands to this miner's, for its label. */
function relationOf(lane, cells, self, tips) {
  if (lane.self) return { kind: 'self' };
  if (lane.invalid) return { kind: 'invalid' };
  const firstFork = cells.find(c => c.kind === 'fork');
  if (firstFork) {
    // Where the view sees the chains part, else (below the view) where chain sync found they part.
    const forkHeight = cells.find(c => c.forkStart)?.height ?? lane.forkHeight ?? firstFork.height;
    const tip = tips.find(t => t.hash === lane.tipHash && t.peers.includes(lane.url));
    return { kind: 'fork', forkHeight, branchLength: tip?.branchLength ?? lane.height - forkHeight + 1 };
  }
  if (lane.tipHash === self.tipHash) return { kind: 'same' };
  return lane.height < self.height ? { kind: 'behind', by: self.height - lane.height } : { kind: 'ahead', by: lane.height - self.height };
}

/** The different chain tips: every lane's tip, but for those another lane's chain holds below its own tip. */
function chainTips(lanes) {
  const tips = [];
  for (const lane of lanes) {
    const tip = branchTip(lane, lanes);
    if (!tips.includes(tip)) tips.push(tip);
  }
  return tips;
}

/** The tip of the longest chain seen that holds this lane's tip (the lane's own tip if none does). */
function branchTip(lane, lanes) {
  const holders = lanes.filter(other => other.height > lane.height && (
    other.recent.some(b => b.hash === lane.tipHash)
    // A lane behind ours on our chain, too far behind to see in the last blocks: chain sync found no fork.
    || (other.self && lane.forkHeight === null && !lane.invalid && !other.recent.some(b => b.index === lane.height))));
  if (holders.length === 0) return lane.tipHash;
  const longest = holders.reduce((a, b) => (b.height > a.height ? b : a));
  return branchTip(longest, lanes);
}

function byHeight(blocks) {
  return new Map(blocks.map(b => [b.index, b]));
}
