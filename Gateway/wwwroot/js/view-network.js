// The pending pool (GET /data) and the neighbours with their health (GET /neighbours).
import { byId, el, replace, setText } from './dom.js';
import { count, plural, time } from './format.js';

const POOL_SHOWN = 15;

export function renderPool(messages, ownIds) {
  setText(byId('pool-count'), `· ${count(messages.length)}`);
  const items = messages.slice(0, POOL_SHOWN).map(m =>
    el('li', { class: `message${ownIds.has(m.id) ? ' own' : ''}`, data: { id: m.id } },
      el('span', { class: 'text' }, m.text), ' ', time(m.acceptedAt, { short: true })));
  const rest = messages.length - POOL_SHOWN;
  replace(byId('pool'),
    messages.length === 0 ? el('li', { class: 'muted' }, 'Empty: every message is in a block.') : items,
    rest > 0 ? el('li', { class: 'muted' }, `and ${plural(rest, 'more message')}`) : null);
}

export function renderNeighbours(response) {
  setText(byId('neighbours-count'), `· ${count(response.length)}`);
  // The health list has one entry per URL; the plain list is the seed's shape, kept for old clients.
  const peers = response.health?.length ? response.health : response.neighbours.map(url => ({ url, isHealthy: true }));
  replace(byId('neighbours'),
    peers.length === 0
      ? el('li', { class: 'muted' }, 'None yet: start the miner with ', el('code', {}, '--Miner:Neighbours:0=URL'),
        ' or register one with ', el('code', {}, 'POST /neighbours'), '.')
      : peers.map(peer => el('li', { class: `peer ${peer.isHealthy ? 'healthy' : 'failing'}` },
        el('a', { href: peer.url }, peer.url),
        el('span', { class: 'health' },
          el('span', { class: 'dot', 'aria-hidden': 'true' }),
          peer.isHealthy ? 'healthy' : `not answering (${plural(peer.consecutiveFailures, 'failed call')})`),
        peer.lastSeen ? el('span', { class: 'muted seen' }, 'last seen ', time(peer.lastSeen, { short: true })) : null)));
}
