// Keeps the page's copy of the chain up to date with the miner's, and notices reorganisations:
// when the miner adopts a longer chain from a neighbour, blocks this page already showed are replaced.

/** How many of our newest blocks we fetch again on each change, to see whether they are still there. */
const OVERLAP = 6;

/** @returns {{ blocks, added, reorg: { height, replaced } | null, newNetwork: boolean }} */
export async function syncChain(known, status, getBlocks) {
  const tip = known.at(-1);
  if (tip && tip.index === status.height && tip.hash === status.tipHash) {
    return { blocks: known, added: 0, reorg: null, newNetwork: false };
  }

  // Another genesis is another network (say, the miner restarted with another difficulty): start over.
  if (!tip || known[0].hash !== status.genesisHash) {
    return { blocks: await getBlocks(0), added: 0, reorg: null, newNetwork: Boolean(tip) };
  }

  let from = Math.max(0, Math.min(tip.index, status.height) - OVERLAP);
  let fetched = await getBlocks(from);
  if (fetched.length > 0 && fetched[0].hash !== known[from]?.hash) {
    // Even the oldest block we fetched again changed: the fork is deeper; compare the whole chain.
    from = 0;
    fetched = await getBlocks(0);
  }

  return { ...merge(known, fetched, from), newNetwork: false };
}

/** Puts `fetched` (the miner's blocks from height `from` on) over `known`, and says what changed. */
export function merge(known, fetched, from) {
  let height = from;
  while (height < known.length && height - from < fetched.length && known[height].hash === fetched[height - from].hash) {
    height++;
  }

  // Every block we had from the first difference on is gone from the miner's chain.
  const replaced = known.length - height;
  const blocks = known.slice(0, height).concat(fetched.slice(height - from));
  return {
    blocks,
    added: blocks.length - height,
    reorg: replaced > 0 ? { height, replaced } : null,
  };
}
