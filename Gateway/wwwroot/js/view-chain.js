// The chain, newest block first. Block elements are kept by hash and only new ones are inserted, so a
// keyboard user's focus stays where it was while blocks arrive.
import { byId, el, setText } from './dom.js';
import { count, hash, plural, time } from './format.js';
import { verifyButton } from './view-verify.js';

const PAGE = 20;
const MESSAGES_SHOWN = 5;

export class ChainView {
  #list = byId('chain');
  #more = byId('show-older');
  #elements = new Map();
  #limit = PAGE;
  #blocks = [];
  #ownIds;
  #onInspect;

  /** @param ownIds the ids of the messages added from this page, shown as "yours".
   *  @param onInspect called with (block, blockBefore) to open the detail view. */
  constructor(ownIds, onInspect) {
    this.#ownIds = ownIds;
    this.#onInspect = onInspect;
    this.#more.addEventListener('click', () => {
      this.#limit += PAGE;
      this.render(this.#blocks);
    });
  }

  render(blocks, { fresh = false } = {}) {
    this.#blocks = blocks;
    const shown = blocks.slice(-this.#limit).reverse();
    const keep = new Set(shown.map(b => b.hash));
    for (const [key, element] of this.#elements) {
      if (!keep.has(key)) {
        element.remove();
        this.#elements.delete(key);
      }
    }

    shown.forEach((block, position) => {
      let element = this.#elements.get(block.hash);
      if (!element) {
        element = this.#card(block);
        if (fresh && block.index > 0) element.classList.add('arrived');
        this.#elements.set(block.hash, element);
      }
      // Kept blocks are already in chain order, so only new ones are ever inserted.
      if (this.#list.children[position] !== element) this.#list.insertBefore(element, this.#list.children[position] ?? null);
    });

    const tip = blocks.at(-1);
    setText(byId('chain-summary'), tip ? `· ${plural(blocks.length, 'block')}, tip #${count(tip.index)}` : '');
    this.#more.hidden = blocks.length <= this.#limit;
    setText(this.#more, `Show ${Math.min(PAGE, blocks.length - this.#limit)} older blocks`);
  }

  #card(block) {
    const label = block.index === 0 ? 'Genesis block' : `Block #${count(block.index)}`;
    return el('li', { class: 'block', data: { height: block.index, hash: block.hash } },
      el('div', { class: 'block-head' },
        el('h3', {}, label),
        time(block.timestamp),
        el('button', {
          type: 'button', class: 'secondary inspect', 'aria-haspopup': 'dialog',
          'aria-label': `Inspect ${label.toLowerCase()}: what was hashed and why it is valid`,
          on: { click: () => this.#onInspect(block, this.#blocks[block.index - 1]) },
        }, 'Inspect')),
      el('dl', { class: 'block-fields' },
        field('Hash', hash(block.hash)),
        // Genesis has no block before it: its 64 zeros are a placeholder, not a proof of work.
        field('Previous hash', block.index === 0 ? el('code', { class: 'hash' }, block.previousHash) : hash(block.previousHash)),
        field('Nonce', el('span', { class: 'nonce' }, count(block.nonce))),
        field('Messages', this.#messages(block))));
  }

  #messages(block) {
    if (block.messages.length === 0) return el('span', { class: 'muted' }, block.index === 0 ? 'none: genesis is fixed, never mined' : 'none');
    const items = block.messages.slice(0, MESSAGES_SHOWN).map(m =>
      el('li', { class: `message${this.#ownIds.has(m.id) ? ' own' : ''}`, data: { id: m.id } }, m.text, ' ', verifyButton(m)));
    const rest = block.messages.length - MESSAGES_SHOWN;
    return el('ul', { class: 'messages' }, items,
      rest > 0 ? el('li', { class: 'muted' }, `and ${plural(rest, 'more message')} (inspect the block)`) : null);
  }
}

function field(name, value) {
  return el('div', {}, el('dt', {}, name), el('dd', {}, value));
}
