// Tiny DOM helpers. Every text goes in as a text node, never as innerHTML: message texts come from
// anyone on the network, and a page that renders them as HTML would run their scripts.

/**
 * Creates an element. `el('li', { class: 'block', data: { height: 3 } }, 'text', childElement)`.
 * Props: `class`, `data` (dataset), `on` ({ click: handler }), anything else as an attribute;
 * null, undefined and false children or props are skipped.
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'data') Object.assign(element.dataset, value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...present(children));
  return element;
}

/** Replaces the children of `parent`. */
export function replace(parent, ...children) {
  parent.replaceChildren(...present(children));
}

/** Sets the text only when it changes, so that live regions announce changes, not every poll. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

export const byId = id => document.getElementById(id);

function present(children) {
  return children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false);
}
