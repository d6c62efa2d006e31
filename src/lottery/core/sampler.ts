// Rivest's consistent sampler (2018, SHA-256 "ticket numbers" as decimal strings) and his 2011
// counter-mode sampler, reproduced digit for digit so that anyone can re-run a draw with the
// published Python code (ron-rivest/consistent_sampler, Rivest's sampler.py) and get our answer.
//
// Text rule: every string is NFC-normalised immediately before it is UTF-8 encoded for SHA-256,
// so that "ө" typed as one code point or as "о" + a combining mark gives the same ticket.
// For ASCII (every published vector) this is exactly what Python's str(x).encode('utf-8') does.
import { createHash } from 'node:crypto';

/** One ticket: the object's id, its pseudorandom number in (0, 1) and how many times it was drawn. */
export interface Ticket {
  /** A real in (0, 1) written as '0.ddd…'; compared as a string, never parsed as a float. */
  ticketNumber: string;
  id: string;
  generation: number;
}

/** Lowercase hex SHA-256 of the NFC-normalised UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex');
}

/**
 * SHA-256 of `text` as a real in (0, 1): the decimal digits of the hash (at least 64, zero-padded)
 * in reverse order, so that the unbiased low-order digits come first. BigInt keeps every digit.
 */
export function sha256Uniform(text: string): string {
  const decimal = BigInt(`0x${sha256Hex(text)}`)
    .toString(10)
    .padStart(64, '0');
  return `0.${[...decimal].reverse().join('')}`;
}

/** The generation-1 ticket number of `id`; pass `seedHash` (= sha256Hex(seed)) to avoid rehashing the seed. */
export function firstFraction(id: string, seed: string, seedHash: string = sha256Hex(seed)): string {
  // No separator between the seed's hash and the id: that is the reference's choice, kept as is.
  return sha256Uniform(seedHash + id);
}

const DECIMAL_FRACTION = /^0\.[0-9]*$/;

/** Index of the first digit after '0.' and any leading run of 9s (x + '0' guards an all-9s x). */
function firstNon9Position(x: string): number {
  const x0 = `${x}0`;
  let i = 2;
  while (i < x0.length && x0[i] === '9') i++;
  return i;
}

/**
 * A pseudorandom real in (x, 1) that depends only on x: keep x's leading 9s and replace the rest
 * with sha256Uniform(x + ':' + i) for i = 1, 2, … until the result is larger than x.
 */
export function nextFraction(x: string): string {
  if (!DECIMAL_FRACTION.test(x)) throw new RangeError(`not a decimal fraction '0.ddd…': ${x}`);
  const x0 = `${x}0`;
  const prefix = x0.slice(0, firstNon9Position(x));
  let y = '0.';
  for (let i = 1; y <= x0; i++) y = prefix + sha256Uniform(`${x}:${i}`).slice(2);
  return y;
}

export function firstTicket(id: string, seed: string, seedHash?: string): Ticket {
  return { ticketNumber: firstFraction(id, seed, seedHash), id, generation: 1 };
}

/** The ticket an id gets when it goes back into the basket after being drawn (sampling with replacement). */
export function nextTicket(ticket: Ticket): Ticket {
  return { ticketNumber: nextFraction(ticket.ticketNumber), id: ticket.id, generation: ticket.generation + 1 };
}

/** Truncates (never rounds) to `digits` significant digits after the leading run of 9s. */
export function trim(x: string, digits: number): string {
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError(`digits must be a whole number: ${digits}`);
  return x.slice(0, firstNon9Position(x) + digits);
}

/** Unicode code point order, as Python compares str (JS `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done || cb.done) return ca.done && cb.done ? 0 : ca.done ? -1 : 1;
    const d = (ca.value.codePointAt(0) ?? 0) - (cb.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

/** The reference's heap order: Python tuple order over (ticket_number, id, generation). */
export function compareTickets(a: Ticket, b: Ticket): number {
  if (a.ticketNumber !== b.ticketNumber) return a.ticketNumber < b.ticketNumber ? -1 : 1;
  return compareCodePoints(a.id, b.id) || a.generation - b.generation;
}

/** A binary min-heap: with replacement the basket never empties, so sorting once is not enough. */
class TicketHeap {
  private readonly items: Ticket[] = [];
  get size(): number {
    return this.items.length;
  }
  private at(i: number): Ticket {
    const t = this.items[i];
    if (t === undefined) throw new RangeError(`ticket heap has no item ${i}`);
    return t;
  }
  /** True when the item at i sorts before the one at j. */
  private before(i: number, j: number): boolean {
    return compareTickets(this.at(i), this.at(j)) < 0;
  }
  private swap(i: number, j: number): void {
    const t = this.at(i);
    this.items[i] = this.at(j);
    this.items[j] = t;
  }
  push(t: Ticket): void {
    this.items.push(t);
    for (let i = this.items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): Ticket | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.before(l, m)) m = l;
      if (r < a.length && this.before(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}

export interface SamplerOptions {
  withReplacement?: boolean;
  /** How many of the output sequence to skip (default 0). */
  drop?: number;
  /** How many to yield after the drops (default: all; with replacement the stream never ends). */
  take?: number;
  /** Significant digits after the leading 9s in yielded ticket numbers (default 9, as the reference); 'full' keeps all. */
  digits?: number | 'full';
}

/**
 * False for text with a lone surrogate: UTF-8 has no bytes for it (Node writes U+FFFD, Python
 * refuses), so two different ids could hash alike.
 */
export function isWellFormedText(text: string): boolean {
  return !/\p{Cs}/u.test(text);
}

/** Ids whose NFC forms collide: they would get the same ticket, so a list with them is refused. */
export function duplicateIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const id of ids) {
    const key = id.normalize('NFC');
    if (seen.has(key)) dupes.add(key);
    seen.add(key);
  }
  return [...dupes].sort(compareCodePoints);
}

/**
 * The consistent sampler: tickets in increasing ticket number, as the reference's `sampler(…)`
 * with output='tuple'. Ticket numbers are ordered at full precision and only truncated on output.
 * Throws on duplicate ids or bad numbers: callers parse their input before sampling.
 */
export function* sampler(ids: readonly string[], seed: string, options: SamplerOptions = {}): Generator<Ticket> {
  const { withReplacement = false, drop = 0, take = Infinity, digits = 9 } = options;
  const dupes = duplicateIds(ids);
  if (dupes.length > 0) throw new RangeError(`duplicate ids: ${dupes.join(', ')}`);
  const malformed = [seed, ...ids].find((s) => !isWellFormedText(s));
  if (malformed !== undefined)
    throw new RangeError(`not well-formed Unicode (lone surrogate): ${JSON.stringify(malformed)}`);
  if (!Number.isInteger(drop) || drop < 0) throw new RangeError(`drop must be a whole number: ${drop}`);
  if (take !== Infinity && (!Number.isInteger(take) || take < 0))
    throw new RangeError(`take must be a whole number: ${take}`);
  if (digits !== 'full') trim('0.', digits); // validates digits before any output

  const heap = new TicketHeap();
  const seedHash = sha256Hex(seed);
  for (const id of ids) heap.push(firstTicket(id, seed, seedHash));
  for (let count = 1; count <= drop + take; count++) {
    const ticket = heap.pop();
    if (ticket === undefined) return;
    if (withReplacement) heap.push(nextTicket(ticket));
    if (count > drop) yield digits === 'full' ? ticket : { ...ticket, ticketNumber: trim(ticket.ticketNumber, digits) };
  }
}

/** A full-precision shuffle of distinct ids: every id once, in ascending ticket number. */
export function shuffle(ids: readonly string[], seed: string): Ticket[] {
  return [...sampler(ids, seed, { digits: 'full' })];
}

export interface Rivest2011Request {
  /** The seed text; a numeric seed is never parsed ('00' and '0' differ). */
  seed: string;
  /** Draw from the whole numbers a..b inclusive. */
  a: number;
  b: number;
  /** Total number of picks, including the `skip` already published in an earlier sample. */
  n: number;
  withReplacement: boolean;
  /** Size of a previous sample being expanded (default 0). */
  skip?: number;
}

/**
 * Rivest's 2011 sampler.py (generate_outputs): pick i is a + SHA-256(seed + ',' + i) mod (b-a+1),
 * a repeat rejected when sampling without replacement. A different algorithm from the consistent
 * sampler, kept for the audits and tests that were published against it.
 */
export function rivest2011Sample(request: Rivest2011Request): { previous: number[]; sample: number[] } {
  const { seed, a, b, n, withReplacement, skip = 0 } = request;
  for (const [name, v] of Object.entries({ a, b, n, skip })) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`${name} must be an integer: ${v}`);
  }
  if (n < 0 || a > b || skip < 0 || skip > n) throw new RangeError('need 0 <= skip <= n and a <= b');
  const size = BigInt(b - a + 1);
  if (!withReplacement && BigInt(n) > size) throw new RangeError(`cannot pick ${n} distinct values from ${size}`);

  const picked = new Set<number>();
  const previous: number[] = [];
  const sample: number[] = [];
  for (let count = 1; previous.length + sample.length < n; count++) {
    const pick = a + Number(BigInt(`0x${sha256Hex(`${seed},${count}`)}`) % size);
    if (!withReplacement && picked.has(pick)) continue;
    picked.add(pick);
    (previous.length < skip ? previous : sample).push(pick);
  }
  return { previous, sample };
}
