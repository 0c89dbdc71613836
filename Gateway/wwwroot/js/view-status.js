// The miner's status tiles, from GET /status.
import { byId, el, replace, setText } from './dom.js';
import { count, duration, hashRate, plural } from './format.js';

export function renderStatus(status) {
  setText(byId('miner-name'), status.name);
  document.title = `Miner ${status.name} · Orleans.Blockchain`;

  // 16^d hashes on average: each hex digit of a SHA-256 hash is zero with probability 1/16.
  const expected = 16 ** status.difficulty;
  const perBlock = status.mining && status.hashesPerSecond > 0
    ? `about ${duration(expected / status.hashesPerSecond)} a block at this rate`
    : `about ${count(expected)} hashes a block`;

  replace(byId('status'),
    tile('Height', count(status.height), `${plural(status.length, 'block')} including genesis`, 'height'),
    tile('Mining', status.mining ? `Mining block #${count(status.height + 1)}` : 'Idle',
      status.mining ? 'searching for a nonce' : 'nothing to mine: the pool is empty', 'mining',
      status.mining ? 'busy' : 'idle'),
    tile('Hash rate', hashRate(status.hashesPerSecond), `${plural(status.silos.length, 'silo')}, ${plural(threads(status), 'thread')}`, 'hash-rate'),
    tile('Difficulty', `${status.difficulty} zeros`, `hashes start with ${'0'.repeat(status.difficulty)}; ${perBlock}`, 'difficulty'),
    tile('Pending', count(status.poolSize), status.poolSize === 1 ? 'message to mine' : 'messages to mine', 'pool'),
    tile('Neighbours', count(status.neighbours), 'peers it syncs with', 'neighbours'));
}

const threads = status => status.silos.reduce((n, silo) => n + silo.threads, 0);

function tile(label, value, note, key, state) {
  return el('div', { class: `tile${state ? ` ${state}` : ''}`, data: { tile: key } },
    el('dt', {}, label),
    el('dd', { class: 'value' }, value),
    el('dd', { class: 'note' }, note));
}
