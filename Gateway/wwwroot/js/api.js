// The gateway's REST API, as this page uses it. Paths are relative, so the page works wherever the
// gateway is mounted. Every call asks for fresh data: the page polls, and a cached answer would hide changes.

/** A failed call: the HTTP status and, from the RFC 7807 problem details body, what went wrong. */
export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
  }
}

/** GET /messages/{id}/proof: the inclusion proof of a mined message (409 while it is pending). */
export const getProof = id => call('GET', `messages/${encodeURIComponent(id)}/proof`);

/** GET /status: name, height, tip hash, genesis hash, difficulty, pool size, mining state, hash rate. */
export const getStatus = () => call('GET', 'status');

/** GET /chain?from=H: the blocks from height H on, oldest first. */
export const getBlocks = async from => (await call('GET', `chain?from=${from}`)).chain;

/** GET /data: the pending pool, oldest first. */
export const getPool = () => call('GET', 'data');

/** GET /neighbours: the peers, with their health beside them. */
export const getNeighbours = () => call('GET', 'neighbours');

/** GET /messages/{id}: Pending, or InBlock with height, block hash and confirmations. */
export const getReceipt = id => call('GET', `messages/${encodeURIComponent(id)}`);

/** GET /network: this miner's last blocks and each neighbour's (url, height, tip, fork height, partitioned,
 *  last blocks), as this miner's chain sync last saw them. The browser never asks other miners itself. */
export const getNetwork = () => call('GET', 'network');

/** GET /tips: this miner's tip (active) and the neighbours' different tips (valid-fork, invalid), as in getchaintips. */
export const getTips = () => call('GET', 'tips');

/** PUT /add?message=TEXT: returns { message, more_information, id }. */
export const addMessage = text => call('PUT', `add?message=${encodeURIComponent(text)}`);

async function call(method, path) {
  const response = await fetch(path, { method, cache: 'no-store', headers: { Accept: 'application/json' } });
  const body = await response.text();
  if (!response.ok) {
    let problem = {};
    try { problem = JSON.parse(body); } catch { /* not JSON: the status says enough */ }
    throw new ApiError(response.status, problem.title, problem.detail);
  }
  return JSON.parse(body, keepNonceExact);
}

// A nonce is a 64-bit unsigned number; a JavaScript number holds integers exactly only up to 2^53.
// The reviver reads the nonce from its source text as a BigInt, so the page hashes exactly what the miner did.
function keepNonceExact(key, value, context) {
  if (key !== 'nonce') return value;
  return BigInt(context?.source ?? value);
}
