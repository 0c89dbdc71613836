// The "add a message" form, and a receipt per message added from this page that follows it from
// accepted, through the pending pool, to a block of the chain (GET /messages/{id}).
import { addMessage, getReceipt } from './api.js';
import { byId, el, setText } from './dom.js';
import { count, plural } from './format.js';

const KEPT = 5;
/** Past this depth a block is practically never replaced: stop asking. */
const SETTLED = 6;

export class Receipts {
  #receipts = [];
  #ownIds;
  #onAdded;

  /** @param ownIds filled with the ids of the messages added here, so other views can mark them.
   *  @param onAdded called after a message was accepted, to refresh the page at once. */
  constructor(ownIds, onAdded) {
    this.#ownIds = ownIds;
    this.#onAdded = onAdded;
    byId('add-form').addEventListener('submit', event => {
      event.preventDefault();
      this.#submit();
    });
  }

  async #submit() {
    const input = byId('message-text');
    const button = byId('add-form').querySelector('button');
    const text = input.value;
    if (text.trim() === '') {
      this.#error('Write a message first.');
      input.focus();
      return;
    }

    button.disabled = true;
    try {
      const { id } = await addMessage(text);
      this.#error('');
      input.value = '';
      this.#ownIds.add(id);
      this.#add(id, text);
      this.#onAdded();
    } catch (error) {
      this.#error(`Not added: ${error.message}`);
      input.focus();
    } finally {
      button.disabled = false;
    }
  }

  #error(text) {
    setText(byId('add-error'), text);
    byId('message-text').setAttribute('aria-invalid', text ? 'true' : 'false');
  }

  #add(id, text) {
    const steps = ['Accepted', 'In the pool', 'In a block'].map(s => el('li', { class: 'step' }, s));
    const status = el('p', { class: 'receipt-status', role: 'status' });
    const element = el('li', { class: 'receipt', data: { id } },
      el('p', { class: 'receipt-text' }, text),
      el('ol', { class: 'steps', 'aria-label': 'Progress' }, steps),
      status);
    const receipt = { id, element, steps, status, last: null, settled: false };
    this.#show(receipt, { status: 'Accepted' });

    byId('receipts-heading').hidden = false;
    byId('receipts').prepend(element);
    this.#receipts.unshift(receipt);
    for (const old of this.#receipts.splice(KEPT)) old.element.remove();
  }

  /** Asks the miner where each followed message stands now. */
  async refresh() {
    await Promise.all(this.#receipts.filter(r => !r.settled).map(async receipt => {
      try {
        this.#show(receipt, await getReceipt(receipt.id));
      } catch {
        // Keep what it showed; the next poll asks again.
      }
    }));
  }

  #show(receipt, answer) {
    const step = { Accepted: 0, Pending: 1, InBlock: 2 }[answer.status] ?? 0;
    receipt.steps.forEach((element, i) => {
      element.classList.toggle('done', i < step || (i === step && step === 2));
      element.classList.toggle('current', i === step && step < 2);
      if (i === step) element.setAttribute('aria-current', 'step');
      else element.removeAttribute('aria-current');
    });

    receipt.element.dataset.status = answer.status;
    setText(receipt.status, describe(answer, receipt.last));
    if (answer.status !== 'Accepted') receipt.last = answer.status;
    receipt.settled = answer.status === 'InBlock' && answer.confirmations >= SETTLED;
  }
}

function describe(answer, before) {
  switch (answer.status) {
    case 'Accepted':
      return 'Accepted by this miner.';
    case 'Pending':
      return before === 'InBlock'
        ? 'Back in the pool: a reorganisation dropped its block; it will be mined again.'
        : 'Waiting in the pool to be mined into a block…';
    case 'InBlock':
      return `Confirmed in block #${count(answer.height)}: ${plural(answer.confirmations, 'confirmation')}`
        + (answer.confirmations >= SETTLED ? ' (settled).' : '; every block on top makes it harder to undo.');
    default:
      return answer.status;
  }
}
