// The network page's main loop: poll this gateway's view of the network (GET /network and GET /tips) and
// redraw the lanes when it changed. Only this gateway is asked: it is what probes the other miners.
import { getNetwork, getTips } from './api.js';
import { byId, setText } from './dom.js';
import { lanesOf } from './network-lanes.js';
import { connected, polling } from './poll.js';
import { renderLanes } from './view-lanes.js';

let shown = '';

async function round() {
  try {
    const [network, tips] = await Promise.all([getNetwork(), getTips()]);
    setText(byId('miner-name'), network.name);
    document.title = `Network seen from miner ${network.name} · Orleans.Blockchain`;
    // Redraw only on news: a redraw would reset a screen reader's or a keyboard user's place for nothing.
    const answer = JSON.stringify([network, tips]);
    if (answer !== shown) {
      renderLanes(lanesOf(network, tips), tips);
      shown = answer;
    }
    connected('Connected to this miner');
  } catch (error) {
    connected(`Cannot reach this miner (${error.message}); retrying…`, true);
  }
}

polling(round)();
