// Re-checks a published ballot-order draw record inside the reader's browser, so that nobody has
// to trust the server that shows it: Web Crypto SHA-256 and BigInt, no imports, no build.
// It repeats the rules of src/lottery/draw.ts and sampler.ts (Rivest's consistent sampler);
// verify-draw.client.test.ts keeps the two in step.
//
// On a page: <script type="application/json" id="draw-record">…</script>, a button#verify-draw
// (its data-label-* attributes translate the step labels, see LABELS) and a list #verify-steps.

/** Default (English) labels; each can be replaced by a data-label-<key> attribute on the button. */
const LABELS = {
  record: 'Record is readable',
  timeline: 'Participants list frozen before the draw',
  commitment: 'Participants commitment',
  seed: "Seed = the observers' rolls, concatenated",
  seedLength: 'Seed has at least 20 digits',
  ticket: 'Ticket of {id}',
  order: 'Ballot order',
  ballotNumber: 'Ballot number of {id}',
  recordSays: 'record says',
  recomputed: 'recomputed',
  verified: 'Verified: every value was recomputed in this browser and matches the record.',
  failed: 'Not verified: some recorded values differ from what this browser computes.',
};

const MIN_SEED_DIGITS = 20;
const MISSING = '—';

/** Lowercase hex SHA-256 of the NFC-normalised UTF-8 bytes of `text` (the sampler's text rule). */
export async function sha256Hex(text) {
  const bytes = new TextEncoder().encode(text.normalize('NFC'));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash as a decimal fraction: its decimal digits (at least 64) reversed after '0.'. */
export async function sha256Uniform(text) {
  const decimal = BigInt(`0x${await sha256Hex(text)}`).toString(10).padStart(64, '0');
  return `0.${decimal.split('').reverse().join('')}`;
}

/** Python's str order (Unicode code points), used for ties and for the canonical participants list. */
export function compareCodePoints(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** Truncates a ticket to `digits` significant digits after its leading 9s, as the reference prints it. */
export function trim(x, digits) {
  let i = 2;
  while (i < x.length && x[i] === '9') i++;
  return x.slice(0, i + digits);
}

/** Each id's generation-1 ticket for `seed`, in ascending ticket (ties by id): the draw order. */
export async function drawOrder(ids, seed) {
  const seedHash = await sha256Hex(seed);
  const tickets = await Promise.all(ids.map(async (id) => ({ id, ticket: await sha256Uniform(seedHash + id) })));
  return tickets.sort((a, b) => (a.ticket !== b.ticket ? (a.ticket < b.ticket ? -1 : 1) : compareCodePoints(a.id, b.id)));
}

/** See canonicalParticipantsJson in draw.ts: sorted by id, {"id","name"} in NFC, JSON without spaces. */
export function canonicalParticipantsJson(participants) {
  const entries = participants.map((p) => ({ id: p.id.normalize('NFC'), name: p.name.normalize('NFC') }));
  entries.sort((a, b) => compareCodePoints(a.id, b.id));
  return JSON.stringify(entries);
}

/** Parties fill the ballot numbers that the fixed lines do not hold, from 1 upwards in draw order. */
function ballotNumbers(order, fixedNumbers) {
  const reserved = new Set(fixedNumbers);
  const numbers = new Map();
  let n = 1;
  for (const id of order) {
    while (reserved.has(n)) n++;
    numbers.set(id, n++);
  }
  return numbers;
}

// A function replacement, so that '$&' or '$1' inside an id is not read as a pattern.
const fill = (template, id) => template.replace('{id}', () => id);

/** One step per participant, plus one for each recorded entry that names no participant or repeats one. */
function compareById(step, template, recorded, computed) {
  const seen = new Set();
  for (const [id, value] of recorded) {
    if (!computed.has(id)) step(fill(template, id), value, MISSING);
    else if (seen.has(id)) step(fill(template, id), `${value} (repeated)`, computed.get(id));
    seen.add(id);
  }
  const first = new Map();
  for (const [id, value] of recorded) if (!first.has(id)) first.set(id, value);
  for (const [id, value] of computed) step(fill(template, id), first.get(id) ?? MISSING, value);
}

/**
 * Recomputes the record from its participants and the observers' rolls and compares each value.
 * Resolves to { ok, steps: [{ label, expected, computed, ok }] }; `expected` is what the record says.
 */
export async function verifyDrawInBrowser(record, labels = {}) {
  const L = { ...LABELS, ...labels };
  const steps = [];
  const step = (label, expected, computed) => steps.push({ label, expected: String(expected), computed: String(computed), ok: expected === computed });
  try {
    if (record === null || typeof record !== 'object' || record.format !== 'talapker-draw-v1') {
      throw new Error('not a talapker-draw-v1 record');
    }
    const participants = record.participants;
    const ids = participants.map((p) => p.id.normalize('NFC'));
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined) throw new Error(`party ${repeated} is listed twice`);
    const frozenFirst = Date.parse(record.frozenAt) < Date.parse(record.drawnAt);
    steps.push({ label: L.timeline, expected: `${record.frozenAt} < ${record.drawnAt}`, computed: String(frozenFirst), ok: frozenFirst });
    step(L.commitment, record.participantsCommitment, await sha256Hex(canonicalParticipantsJson(participants)));

    // Everything below follows from the rolls, never from the record's own seed or tickets. The
    // seed is the rolls that count: a roll struck before the draw is listed apart (struckSeedParts)
    // with its reason, and never joins them.
    const seed = record.seedParts.map((p) => p.digits).join('');
    step(L.seed, record.seed, seed);
    const longEnough = /^[0-9]+$/.test(seed) && seed.length >= MIN_SEED_DIGITS;
    steps.push({ label: L.seedLength, expected: `≥ ${MIN_SEED_DIGITS}`, computed: String(seed.length), ok: longEnough });

    const tickets = await drawOrder(participants.map((p) => p.id), seed);
    compareById(step, L.ticket, record.tickets.map((t) => [t.id, t.ticket]), new Map(tickets.map((t) => [t.id, t.ticket])));

    const order = tickets.map((t) => t.id);
    step(L.order, record.order.join(', '), order.join(', '));

    // Fixed lines keep their recorded numbers; each must be its own and inside the ballot.
    const fixed = record.fixedLines.map((f) => f.ballotNumber);
    for (const f of record.fixedLines) {
      const n = f.ballotNumber;
      const fits = Number.isInteger(n) && n >= 1 && n <= order.length + fixed.length && fixed.indexOf(n) === fixed.lastIndexOf(n);
      steps.push({ label: fill(L.ballotNumber, f.label), expected: String(n), computed: fits ? String(n) : MISSING, ok: fits });
    }
    const numbers = ballotNumbers(order, fixed);
    compareById(step, L.ballotNumber, record.ballotNumbers.map((b) => [b.id, b.ballotNumber]), numbers);
  } catch (error) {
    steps.push({ label: L.record, expected: 'talapker-draw-v1', computed: error instanceof Error ? error.message : String(error), ok: false });
  }
  return { ok: steps.length > 0 && steps.every((s) => s.ok), steps };
}

/** Label overrides from data-label-<key> attributes (dataset turns data-label-seed-length into labelSeedLength). */
function labelsFrom(dataset) {
  const labels = {};
  for (const key of Object.keys(LABELS)) {
    const value = dataset[`label${key[0].toUpperCase()}${key.slice(1)}`];
    if (value) labels[key] = value;
  }
  return labels;
}

/** Connects button#verify-draw to the embedded record and the #verify-steps list. Text only, never HTML. */
export function wireVerifyButton(doc) {
  const button = doc.getElementById('verify-draw');
  if (!button) return;
  button.addEventListener('click', async () => {
    const list = doc.getElementById('verify-steps');
    const source = doc.getElementById('draw-record');
    if (!list || !source) return;
    const labels = { ...LABELS, ...labelsFrom(button.dataset) };
    button.disabled = true;
    let result;
    try {
      result = await verifyDrawInBrowser(JSON.parse(source.textContent), labels);
    } catch (error) {
      result = { ok: false, steps: [{ label: labels.record, expected: 'JSON', computed: String(error), ok: false }] };
    }
    const items = result.steps.map((s) => {
      const li = doc.createElement('li');
      li.dataset.ok = String(s.ok);
      const detail = s.ok ? s.computed : `${labels.recordSays} ${s.expected}; ${labels.recomputed} ${s.computed}`;
      li.textContent = `${s.ok ? '✓' : '✗'} ${s.label}: ${detail}`;
      return li;
    });
    const summary = doc.createElement('li');
    summary.dataset.ok = String(result.ok);
    summary.textContent = result.ok ? labels.verified : labels.failed;
    list.replaceChildren(...items, summary);
    list.dataset.ok = String(result.ok);
    button.disabled = false;
  });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => wireVerifyButton(document));
  else wireVerifyButton(document);
}
