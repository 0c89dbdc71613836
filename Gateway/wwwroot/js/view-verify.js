// The "Verify" view of a message: fetches its proof bundle and shows each step of the check, with its hash.
import { getProof } from './api.js';
import { byId, el, replace, setText } from './dom.js';
import { plural } from './format.js';
import { verifyProof } from './proof.js';

const dialog = byId('verify-dialog');
const NAMES = { leaf: 'Leaf', signature: 'Signature', path: 'Path', root: 'Root', header: 'Header', work: 'Proof of work', tip: 'Tip' };
let opener = null;

byId('verify-close').addEventListener('click', () => dialog.close());
dialog.addEventListener('close', () => opener?.focus());

/** The small button beside a message in the chain that opens this view. */
export function verifyButton(message) {
  return el('button', {
    type: 'button', class: 'secondary verify', 'aria-haspopup': 'dialog', data: { verify: message.id },
    'aria-label': `Verify this message: check its proof in your browser`,
    on: { click: () => showVerification(message.id) },
  }, 'Verify');
}

export async function showVerification(id) {
  opener = document.activeElement;
  const summary = byId('verify-summary');
  setText(summary, 'Fetching the proof and checking it in your browser…');
  delete summary.dataset.ok;
  replace(byId('verify-steps'));
  dialog.showModal();

  let steps;
  let bundle;
  try {
    bundle = await getProof(id);
    steps = await verifyProof(bundle);
  } catch (e) {
    setText(summary, `No proof: ${e.message}`);
    summary.dataset.ok = 'false';
    return;
  }

  replace(byId('verify-steps'), steps.map(s =>
    el('li', { class: s.ok ? 'ok' : 'bad', data: { step: s.step, ok: String(s.ok) } },
      el('span', { class: 'mark', 'aria-hidden': 'true' }, s.ok ? '✓' : '✗'),
      el('span', { class: 'visually-hidden' }, s.ok ? 'Passes: ' : 'Fails: '),
      el('span', { class: 'step-name' }, NAMES[s.step]),
      el('span', {}, s.detail),
      s.hash ? el('code', { class: 'hash' }, s.hash) : null)));
  const failed = steps.find(s => !s.ok);
  const block = bundle.headers[0];
  const tip = bundle.headers[bundle.headers.length - 1];
  setText(summary, failed
    ? `Not verified: the ${NAMES[failed.step].toLowerCase()} check fails.`
    : `Verified: “${bundle.message.text}” is in block #${block.index}, ${plural(tip.index - block.index + 1, 'confirmation')}.`);
  summary.dataset.ok = String(!failed);
}
