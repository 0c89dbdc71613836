// The pages' heartbeat: ask the gateway about once a second, and say whether it answers.
// Polling (rather than a push channel) keeps the gateway a plain REST API; every call is small.
import { byId, setText } from './dom.js';
import { clockTime } from './format.js';

const POLL_MS = 1000;

/** Returns `poll()`, which runs `round` now and then again and again. Never two rounds at once; the next is
 *  scheduled after one ends, so a slow gateway gets fewer requests, not a pile of them. A hidden page asks
 *  less often, and at once when it is shown again. */
export function polling(round) {
  let timer = null;
  let running = null;
  const poll = () => {
    clearTimeout(timer);
    running ??= round().finally(() => {
      running = null;
      timer = setTimeout(poll, document.hidden ? POLL_MS * 5 : POLL_MS);
    });
    return running;
  };
  document.addEventListener('visibilitychange', () => { if (!document.hidden) poll(); });
  return poll;
}

/** The connection line in the page's header. */
export function connected(text, failing = false) {
  byId('connection-line').classList.toggle('failing', failing);
  setText(byId('connection'), text);
  setText(byId('updated'), failing ? '' : `updated ${clockTime(new Date())}`);
}
