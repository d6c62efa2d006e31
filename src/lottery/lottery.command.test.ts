// The lottery commands, called directly with their stdout and stderr captured.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeDraw } from './core/draw.ts';
import { lotterySampleCommand, lotteryVerifyCommand, pythonRepr } from './lottery.command.ts';
import { consistentVectors, sampleDrawInput } from './lottery.test-support.ts';

/** Runs a command and returns its exit code and everything it wrote. */
async function run(command: (argv: string[]) => Promise<number>, argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const spyOut = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  const spyErr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  try {
    const code = await command(argv);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    spyOut.mockRestore();
    spyErr.mockRestore();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'talapker-lottery-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => vi.restoreAllMocks());

describe('talapker lottery sample', () => {
  it("prints the reference's docstring example exactly as Python's print(t) does", async () => {
    const r = await run(lotterySampleCommand, ['--seed', '314159', '--ids', 'ab-1,ab-2,cd-1,ef-3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "('0.317685817', 'cd-1', 1)",
        "('0.832984519', 'ef-3', 1)",
        "('0.9098039269', 'ab-1', 1)",
        "('0.9231549043', 'ab-2', 1)",
        '',
      ].join('\n'),
    );
  });

  it('matches the published with-replacement vector (seed 52, take 20, digits 2) as JSON', async () => {
    const v = consistentVectors.sampler_published.find((x) => x.with_replacement && x.digits === 2)!;
    const args = [
      '--seed',
      String(v.seed),
      '--ids',
      (v.ids as string[]).join(','),
      '--with-replacement',
      '--take',
      '20',
      '--digits',
      '2',
      '--json',
    ];
    const r = await run(lotterySampleCommand, args);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(v.expected);
  });

  it('reads ids from a JSON file, numbers as Python str() writes them, with --drop and --take', async () => {
    const file = join(dir, 'ids.json');
    await writeFile(file, JSON.stringify(Array.from({ length: 100 }, (_, i) => i)));
    const r = await run(lotterySampleCommand, [
      '--seed',
      '41',
      '--ids-file',
      file,
      '--drop',
      '5',
      '--take',
      '5',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((t: unknown[]) => t[1])).toEqual(['42', '39', '20', '11', '67']);
  });

  it('prints full-precision tickets with --digits full', async () => {
    const r = await run(lotterySampleCommand, [
      '--seed',
      '01382438112797316654',
      '--ids',
      'AB-130',
      '--digits',
      'full',
    ]);
    expect(r.stdout).toBe(
      "('0.26299714122838008416507544297546663599715395525154425586041245287750224561854', 'AB-130', 1)\n",
    );
  });

  it('refuses a call it cannot run, with the usage and exit 2', async () => {
    for (const args of [
      ['--ids', 'a,b'],
      ['--seed', '1'],
      ['--seed', '1', '--ids', 'a', '--ids-file', 'x.json'],
      ['--seed', '1', '--ids', 'a', '--with-replacement'],
      ['--seed', '1', '--ids', 'a', '--take', '-3'],
      ['--seed', '1', '--ids', 'a', '--colour'],
    ]) {
      const r = await run(lotterySampleCommand, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: talapker lottery sample');
      expect(r.stdout).toBe('');
    }
  });

  it('reports bad input with exit 1: repeated ids, a missing file', async () => {
    const dup = await run(lotterySampleCommand, ['--seed', '1', '--ids', 'a,b,a']);
    expect(dup).toMatchObject({ code: 1, stderr: 'lottery sample: duplicate ids: a\n' });
    const missing = await run(lotterySampleCommand, ['--seed', '1', '--ids-file', join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });
});

describe('pythonRepr', () => {
  it("writes str the way Python's repr does", () => {
    expect(pythonRepr('cd-1')).toBe("'cd-1'");
    expect(pythonRepr("it's")).toBe('"it\'s"');
    expect(pythonRepr(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pythonRepr('a\\b\n\u0007')).toBe("'a\\\\b\\n\\x07'");
    expect(pythonRepr('Жаңы Күч\u00a0\u200b')).toBe("'Жаңы Күч\\xa0\\u200b'");
  });
});

describe('talapker lottery verify', () => {
  const record = computeDraw(sampleDrawInput);

  it('says verified and shows the ballot for a good record', async () => {
    const file = join(dir, 'draw.json');
    await writeFile(file, JSON.stringify(record, null, 2));
    const r = await run(lotteryVerifyCommand, [file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^verified: /);
    expect(r.stdout).toContain(`seed: ${record.seed} (21 digits from 3 observers)`);
    expect(r.stdout).toContain('15. Баарына каршы / Против всех');
    const first = record.participants.find((p) => p.id === record.order[0])!;
    expect(r.stdout).toContain(` 1. ${first.id} ${first.name}`);
  });

  it('lists each problem and exits 1 for an edited record', async () => {
    const file = join(dir, 'edited.json');
    const seed = `${record.seed.slice(0, -1)}${(Number(record.seed.at(-1)) + 1) % 10}`;
    await writeFile(file, JSON.stringify({ ...record, seed }));
    const r = await run(lotteryVerifyCommand, [file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `NOT verified: ${file}: 1 problem\n` +
        `  - the seed does not equal the concatenation of the observers' rolls: record says ${seed}, the rolls give ${record.seed}\n`,
    );
  });

  it('exits 1 for a file that is not JSON, and 2 without a file', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{');
    expect((await run(lotteryVerifyCommand, [file])).code).toBe(1);
    const none = await run(lotteryVerifyCommand, []);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: talapker lottery verify');
  });
});
