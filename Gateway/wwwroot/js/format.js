// How numbers, times and hashes read on the page.
import { el } from './dom.js';

const integer = new Intl.NumberFormat('en');
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export const count = n => integer.format(n);

export const plural = (n, one, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** 1234567 → "1.2 MH/s". */
export function hashRate(perSecond) {
  const units = ['H/s', 'kH/s', 'MH/s', 'GH/s'];
  let value = perSecond;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${oneDecimal.format(value)} ${units[unit]}`;
}

/** Seconds as "0.4 s", "12 s", "3 min", "2 h". */
export function duration(seconds) {
  if (seconds < 10) return `${oneDecimal.format(seconds)} s`;
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${oneDecimal.format(seconds / 3600)} h`;
}

/** A <time> in the reader's time zone, with the exact UTC instant in its datetime attribute. */
export function time(iso, { short = false } = {}) {
  const date = new Date(iso);
  return el('time', { datetime: date.toISOString(), title: date.toISOString() }, (short ? clock : dateTime).format(date));
}

export const clockTime = date => clock.format(date);

/** How many hex digits at the start of a hash are zero. */
export function leadingZeros(hex) {
  const match = /^0*/.exec(hex);
  return match[0].length;
}

/** A hash with its leading zeros set apart: they are the proof of work you can see. */
export function hash(hex, { className = 'hash' } = {}) {
  const zeros = leadingZeros(hex);
  return el('code', { class: className },
    zeros > 0 ? el('span', { class: 'zeros' }, hex.slice(0, zeros)) : null,
    hex.slice(zeros));
}
