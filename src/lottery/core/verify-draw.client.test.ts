// The browser verifier, run in Node (which has Web Crypto and BigInt), must agree with the server
// implementation on real draws and on Rivest's published shuffles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalParticipantsJson as serverCanonicalJson, computeDraw, type DrawRecord } from './draw.ts';
import {
  consistentVectors,
  expectedOutput,
  sampleDrawInput,
  sampleStruckRoll,
  vectorIds,
} from '../lottery.test-support.ts';
import { shuffle } from './sampler.ts';
import {
  canonicalParticipantsJson,
  drawOrder,
  sha256Hex,
  sha256Uniform,
  trim,
  verifyDrawInBrowser,
  wireVerifyButton,
} from './verify-draw.client.js';

const record = computeDraw(sampleDrawInput);
const copy = (): DrawRecord => structuredClone(record);

describe('browser verifier: published vectors', () => {
  const primitive = (fn: string) => consistentVectors.primitives_published.find((p) => p.fn === fn)!;

  it('sha256_hex, sha256_uniform and first_fraction', async () => {
    expect(await sha256Hex('abc')).toBe(primitive('sha256_hex').expected);
    expect(await sha256Uniform('abc')).toBe(primitive('sha256_uniform').expected);
    const ff = primitive('first_fraction');
    expect(await drawOrder([ff.id!], ff.seed!)).toEqual([{ id: ff.id, ticket: ff.expected }]);
  });

  it('first tickets for each id', async () => {
    const p = primitive('first_ticket for each id');
    const tickets = await drawOrder(p.ids!, p.seed!);
    expect(Object.fromEntries(tickets.map((t) => [t.id, t.ticket]))).toEqual(p.expected);
  });

  const shuffles = consistentVectors.sampler_published.filter((v) => !v.with_replacement);
  it('the fixture has shuffle vectors', () => expect(shuffles.length).toBe(7));
  for (const v of shuffles) {
    it(`shuffle vector: seed ${v.seed}, drop ${v.drop}, take ${v.take ?? 'all'}, output ${v.output}`, async () => {
      const ordered = await drawOrder(vectorIds(v.ids), String(v.seed));
      const cut = ordered.slice(v.drop, v.take === null ? undefined : v.drop + v.take);
      const got = cut.map((t) => (v.output === 'id' ? t.id : [trim(t.ticket, v.digits), t.id, 1]));
      expect(got).toEqual(expectedOutput(v));
    });
  }
});

describe('browser verifier agrees with the server', () => {
  it('on a real computed draw: every step passes and every ticket is the server one', async () => {
    const result = await verifyDrawInBrowser(JSON.parse(JSON.stringify(record)));
    expect(result.steps.filter((s) => !s.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    const ticketSteps = result.steps.filter((s) => s.label.startsWith('Ticket of '));
    expect(ticketSteps.map((s) => [s.label.slice('Ticket of '.length), s.computed])).toEqual(
      record.tickets.map((t) => [t.id, t.ticket]),
    );
    expect(
      await drawOrder(
        record.participants.map((p) => p.id),
        record.seed,
      ),
    ).toEqual(record.tickets);
  });

  it('on random ids and seeds, including Kyrgyz and decomposed letters', async () => {
    const ids = fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), {
      minLength: 1,
      maxLength: 15,
      selector: (s) => s.normalize('NFC'),
    });
    await fc.assert(
      fc.asyncProperty(ids, fc.string({ unit: 'grapheme' }), async (list, seed) => {
        const server = shuffle(list, seed).map((t) => ({ id: t.id, ticket: t.ticketNumber }));
        expect(await drawOrder(list, seed)).toEqual(server);
        const participants = list.map((id) => ({ id, name: `${id} ңөү`.normalize('NFD') }));
        expect(canonicalParticipantsJson(participants)).toBe(serverCanonicalJson(participants));
      }),
      { numRuns: 50 },
    );
  });

  it('on a draw with a struck roll: the seed is the counted rolls only, and every step passes', async () => {
    const struck = computeDraw({ ...sampleDrawInput, struckSeedParts: [sampleStruckRoll] });
    const result = await verifyDrawInBrowser(JSON.parse(JSON.stringify(struck)));
    expect(result.steps.filter((s) => !s.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    const seedStep = result.steps.find((s) => s.label === "Seed = the observers' rolls, concatenated");
    expect(seedStep?.computed).toBe(record.seed);
    // The struck roll counted again gives another seed, which the record does not have.
    const { observer, digits } = sampleStruckRoll;
    const recounted = { ...struck, seedParts: [{ observer, digits }, ...struck.seedParts] };
    const failed = (await verifyDrawInBrowser(recounted)).steps.filter((s) => !s.ok).map((s) => s.label);
    expect(failed[0]).toBe("Seed = the observers' rolls, concatenated");
  });

  it('fails exactly the seed step when one digit of the seed is edited', async () => {
    const edited = copy();
    edited.seed = `${edited.seed.slice(0, -1)}${(Number(edited.seed.at(-1)) + 1) % 10}`;
    const result = await verifyDrawInBrowser(edited);
    expect(result.ok).toBe(false);
    expect(result.steps.filter((s) => !s.ok)).toEqual([
      { label: "Seed = the observers' rolls, concatenated", expected: edited.seed, computed: record.seed, ok: false },
    ]);
  });

  it('fails the step of an edited ticket, a swapped order, a moved ballot number and a renamed party', async () => {
    const edited = copy();
    edited.tickets[2]!.ticket = '0.5';
    [edited.order[0], edited.order[1]] = [edited.order[1]!, edited.order[0]!];
    edited.ballotNumbers[3]!.ballotNumber = 99;
    edited.participants[0]!.name = 'Башка';
    const failed = (await verifyDrawInBrowser(edited)).steps.filter((s) => !s.ok).map((s) => s.label);
    expect(failed).toEqual([
      'Participants commitment',
      `Ticket of ${record.tickets[2]!.id}`,
      'Ballot order',
      `Ballot number of ${record.ballotNumbers[3]!.id}`,
    ]);
  });

  it('reports a ticket for someone who is not a participant, and a fixed line outside the ballot', async () => {
    const edited = copy();
    edited.tickets.push({ id: 'ghost', ticket: '0.1' });
    edited.fixedLines[0]!.ballotNumber = 40;
    const failed = (await verifyDrawInBrowser(edited)).steps.filter((s) => !s.ok);
    expect(failed.map((s) => s.label)).toEqual(['Ticket of ghost', `Ballot number of ${record.fixedLines[0]!.label}`]);
  });

  it('says when the record is not a draw record at all', async () => {
    const result = await verifyDrawInBrowser({ format: 'talapker-draw-v1' });
    expect(result.ok).toBe(false);
    expect(result.steps.at(-1)!.label).toBe('Record is readable');
    expect((await verifyDrawInBrowser(null)).ok).toBe(false);
  });

  it('refuses a record whose participants repeat, as the server does', async () => {
    const edited = copy();
    edited.participants.push({ ...edited.participants[0]! });
    const result = await verifyDrawInBrowser(edited);
    expect(result.ok).toBe(false);
    expect(result.steps.at(-1)).toMatchObject({
      label: 'Record is readable',
      computed: `party ${edited.participants[0]!.id} is listed twice`,
    });
  });

  it('uses translated labels', async () => {
    const result = await verifyDrawInBrowser(record, { ticket: 'Билет {id}', commitment: 'Тизменин хэши' });
    expect(result.steps.some((s) => s.label === `Билет ${record.order[0]}`)).toBe(true);
    expect(result.steps.some((s) => s.label === 'Тизменин хэши')).toBe(true);
  });
});

describe('browser verifier on a page', () => {
  /** Just enough of a DOM for the wiring: three elements by id, createElement, dataset, textContent. */
  function fakePage(json: string, buttonData: Record<string, string>) {
    type Item = { dataset: Record<string, string>; textContent: string };
    let onClick: (() => Promise<void>) | undefined;
    const button = {
      dataset: buttonData,
      disabled: false,
      addEventListener: (_: string, f: () => Promise<void>) => (onClick = f),
    };
    const list = {
      dataset: {} as Record<string, string>,
      items: [] as Item[],
      replaceChildren: (...xs: Item[]) => (list.items = xs),
    };
    const elements: Record<string, unknown> = {
      'verify-draw': button,
      'verify-steps': list,
      'draw-record': { textContent: json },
    };
    const doc = {
      getElementById: (id: string) => elements[id] ?? null,
      createElement: (): Item => ({ dataset: {}, textContent: '' }),
    };
    wireVerifyButton(doc as unknown as Document);
    return { list, click: () => onClick!() };
  }

  it('writes one list item per step and a summary, with labels from data attributes', async () => {
    const page = fakePage(JSON.stringify(record), {
      labelSeed: 'Үрөн = байкоочулардын сандары',
      labelVerified: 'Текшерилди',
    });
    await page.click();
    expect(page.list.dataset.ok).toBe('true');
    const texts = page.list.items.map((li) => li.textContent);
    expect(texts).toContain(`✓ Үрөн = байкоочулардын сандары: ${record.seed}`);
    expect(texts.at(-1)).toBe('Текшерилди');
    expect(page.list.items.every((li) => li.dataset.ok === 'true')).toBe(true);
  });

  it('shows what the record says and what was recomputed for a failed step', async () => {
    const edited = { ...copy(), seed: '1'.repeat(21) };
    const page = fakePage(JSON.stringify(edited), {});
    await page.click();
    expect(page.list.dataset.ok).toBe('false');
    expect(page.list.items.map((li) => li.textContent)).toContain(
      `✗ Seed = the observers' rolls, concatenated: record says ${'1'.repeat(21)}; recomputed ${record.seed}`,
    );
  });

  it('survives a page whose record is not JSON', async () => {
    const page = fakePage('{not json', {});
    await page.click();
    expect(page.list.dataset.ok).toBe('false');
    expect(page.list.items[0]!.textContent).toMatch(/^✗ Record is readable/);
  });
});
