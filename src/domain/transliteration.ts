// Names across scripts: the Latin display form of a Kyrgyz or Russian Cyrillic name (`toLatin`) and
// the lossy phonetic key (`searchKey`) under which every common spelling of one name meets, whether
// it was typed in Cyrillic, in a passport romanisation, in English, German or Turkish habits.
//
// Display romanisation: BGN/PCGN 1979 for Kyrgyz, the table the UN working group on romanisation
// lists for Kyrgyz and the one behind the spellings people already see in English ("Jogorku Kenesh",
// "Jeenbekov", "Japarov", "Özgön", "Chüy"):
//   а a  б b  в v  г g  д d  е e  ё yo  ж j  з z  и i  й y  к k  л l  м m  н n  ң ng  о o  ө ö
//   п p  р r  с s  т t  у u  ү ü  ф f  х kh  ц ts  ч ch  ш sh  щ shch  ы y  э e  ю yu  я ya
// with two choices of ours for names:
//   - ъ and ь are left out (BGN writes ″ and ′): passports and the press drop them, and an
//     apostrophe inside a name breaks URLs, file names and keyboard search;
//   - е after ъ/ь is written "ye" (Григорьев → Grigoryev), so that leaving the sign out does not
//     also lose the "y" sound it stood for. Elsewhere е is "e" as in the Kyrgyz table
//     (Ташиев → Tashiev, Кыдырбаева → Kydyrbaeva), which is how these names are usually spelled.
// One table serves Kyrgyz and Russian names: the language of a name cannot be told from its letters
// reliably, and the Kyrgyz choice (ж → j) is what most names on a Kyrgyz list need; a Russian
// "Жуков" becomes "Jukov" for display and is still found by "Zhukov" through the search key.
// Latin → Cyrillic is not offered: it is ambiguous (y is ы, й or part of я) and nothing needs it.

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ng',
  о: 'o',
  ө: 'ö',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'ü',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const SIGNS = new Set(['ъ', 'ь']);
const CYRILLIC = /[\u0400-\u04ff]/u;

const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toLowerCase();
const isLower = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toUpperCase();

/**
 * The Latin display form of a Kyrgyz or Russian name; characters that are not Cyrillic letters of
 * those two alphabets pass through unchanged, so the function is idempotent on its own output.
 */
export function toLatin(text: string): string {
  // NFC first: a "й" typed as и + combining breve must be the letter й, not an и with a mark.
  const nfc = text.normalize('NFC');
  // Most names reaching search are already Latin or keys: no need to walk them letter by letter.
  if (!CYRILLIC.test(nfc)) return nfc;
  const chars = Array.from(nfc);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    let latin = CYRILLIC_TO_LATIN[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    const prev = chars[i - 1];
    if (lower === 'е' && prev !== undefined && SIGNS.has(prev.toLowerCase())) latin = 'ye';
    if (latin === '' || !isUpper(ch)) {
      out += latin;
      continue;
    }
    // "ШАЙЛДАБЕКОВА" → "SHAYLDABEKOVA" but "Шайлдабекова" → "Shayldabekova" and "Щ." → "Shch.":
    // a digraph is all capitals only inside a word written in capitals.
    const next = chars[i + 1];
    const allCaps = isUpper(next) || (!isLower(next) && isUpper(prev));
    out += allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The search key.
//
// searchKey(text) = the space-separated keys of the words of `text`. Each step below exists
// because real spellings of one person's name differ in exactly that way; the key is lossy on
// purpose (two different names may share a key), and ranking in `name-search.ts` sorts that out.
//
// 1. NFC, then `toLatin`: Cyrillic is read through the display table, so a Cyrillic name and its
//    display form give the same key by construction (searchKey(toLatin(x)) === searchKey(x)).
// 2. Lower case: lists are often typed in capitals ("ШАЙЛДАБЕКОВА").
// 3. Letters of other Latin traditions become plain digraphs before the marks go: Czech/ISO 9
//    š ž č ŝ (Šajldabekova), Turkish-style Kyrgyz Latin ş ç ı (Şaıldabekova), ñ/ŋ for ң.
// 4. NFKD and drop combining marks: ö → o, ü → u, é → e, and full-width or ligature forms become
//    plain letters. Kyrgyz names are spelled in Russian without ө ү ң (Өмүрбеков / Омурбеков), so
//    these vowels must fold into o and u. A second `toLatin` then reads Cyrillic letters that only
//    decomposed here (ӧ ӱ, used where a font had no ө ү).
// 5. Apostrophes (', ’, ʹ, ″ …) vanish: they stand for ь/ъ in scholarly and passport spellings,
//    and the display form leaves those signs out. Any other non-letter separates words.
// 6. Within a word, longest match first:
//      shch, sch, sh → sh    щ is shch (BGN), sch (German), sh (everyday English); сч sounds as щ
//      tsch, tch, ch → ch    German and French spellings of ч (Tschernow, Tchaikovsky)
//      dzh, zh, dj, j → j    ж is zh in Russian-based systems, j in Kyrgyz ones (Zheenbekov/Jeenbekov)
//      kh, h, x → h          х; but x between vowels is "ks" (Alexander, Maxim), its usual English use
//      ts, tz, c → c         ц in BGN, German and ISO 9
//      ng → n                ң is ng in Latin but н in the Russian spelling of the same Kyrgyz name
//                            (Жеңишбек / Женишбек); "нг" folds along with it
//      w → v                 German spellings (Wladimir)
// 7. A j after a vowel and before a consonant or the end of the word is й, not ж (ISO 9 and German
//    spellings: Šajldabekova, Andrej = Andrey): it is read as i. A ж in that place (Ложкин) is rare
//    in names and folds along with it.
//    y and i before a vowel are the same glide in all systems:
//      y before a vowel (a e o u) and i before a, e or u are a glide; any other y is the vowel
//      ы or the й of a diphthong, both read as i (Abdykadyrov = Abdikadirov, Shayldabekova =
//      Shaildabekova, Nikolay = Nikolai, Dmitriy = Dmitry = Dmitrii).
//      An i right before a glide is swallowed: Mariya = Mariia = Maria = Marija, Tashiyev = Tashiev
//      (a ж after и goes the same way: Хадижа and Хадия share a key).
//      The glide then:
//        before a, u → j: я and ю are ya/ia/ja and yu/iu/ju (Yuliya = Iuliia = Julia); j also
//          stands for ж, so the key does not tell ж from the glide there (Jusupov is spelled for
//          both Жусупов and Юсупов) — a search for either finds both, which is what a reader wants;
//        before e at the start of a word or after a vowel → dropped: е is e or ye (Yelena = Elena,
//          Kydyrbayeva = Kydyrbaeva);
//        before e after a consonant → j (Grigoryev = Grigoriev, Tashiev);
//        before o → dropped and o read as e: ё is yo or e (Semyonov = Semenov, Fyodor = Fedor).
//      An i before o is kept (Iosif), since ICAO and passport spellings write ё as e, not io.
// 8. oe → o and ue → u: German-style spellings of ө and ү (Oemuerbekov = Ömürbekov = Omurbekov).
//    Applied after step 7 so that Zuyev and Zuev agree.
// 9. Doubled symbols collapse: long Kyrgyz vowels are written single or double (Жээнбеков =
//    Jeenbekov = Jenbekov, Sooronbay = Soronbai), and doubled consonants vary (Alla/Ala).
// 10. Steps 6–9 are repeated until the word stops changing, so that a key is its own key:
//     searchKey(searchKey(x)) === searchKey(x). The repository stores keys and the ranking may be
//     given stored keys instead of names; both must land on the same words. Because ranking
//     re-keys every stored key of a pool, `isOwnKey` recognises a finished key without folding it.
// ---------------------------------------------------------------------------------------------

/** Letters of other Latin traditions, rewritten as the digraphs the rules below know. */
const LATIN_SPECIALS: Readonly<Record<string, string>> = {
  š: 'sh',
  ş: 'sh',
  ŝ: 'shch',
  ž: 'zh',
  č: 'ch',
  ç: 'ch',
  ñ: 'ng',
  ŋ: 'ng',
  ņ: 'ng',
  ı: 'i',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ʒ: 'zh',
};

const ASCII = /^[\u0000-\u007f]*$/u;
const APOSTROPHES = /['’‘ʼʹʺ′″`´"]/gu;
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

/** Longest first: "shch" before "sch" before "sh", "tsch" before "ts", "dzh" before "zh". */
const DIGRAPHS: readonly (readonly [string, string])[] = [
  ['shch', 'sh'],
  ['tsch', 'ch'],
  ['sch', 'sh'],
  ['tch', 'ch'],
  ['dzh', 'j'],
  ['sh', 'sh'],
  ['ch', 'ch'],
  ['zh', 'j'],
  ['dj', 'j'],
  ['kh', 'h'],
  ['ts', 'c'],
  ['tz', 'c'],
  ['ng', 'n'],
];
/** The digraphs by their first letter, kept longest first: scanning runs for every stored name of a search. */
const DIGRAPHS_BY_FIRST = new Map<string, (readonly [string, string])[]>();
for (const d of DIGRAPHS) {
  const first = d[0].charAt(0);
  DIGRAPHS_BY_FIRST.set(first, [...(DIGRAPHS_BY_FIRST.get(first) ?? []), d]);
}

const RAW_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** A glide (from y or i before a vowel), resolved before the word is joined again. */
const GLIDE = 'J';

/** Splits one word into phoneme symbols (step 6). Symbols may be several letters ("sh"). */
function scan(word: string): string[] {
  const symbols: string[] = [];
  let i = 0;
  outer: while (i < word.length) {
    const ch = String.fromCodePoint(word.codePointAt(i) ?? 0);
    for (const [from, to] of DIGRAPHS_BY_FIRST.get(ch) ?? []) {
      if (word.startsWith(from, i)) {
        symbols.push(to);
        i += from.length;
        continue outer;
      }
    }
    if (ch === 'x') {
      const between = RAW_VOWELS.has(word.charAt(i - 1)) && RAW_VOWELS.has(word.charAt(i + 1));
      if (between) symbols.push('k', 's');
      else symbols.push('h');
    } else if (ch === 'w') {
      symbols.push('v');
    } else {
      symbols.push(ch);
    }
    i += ch.length;
  }
  return symbols;
}

/** Steps 7–9 over the symbols of one word. */
function foldSymbols(input: readonly string[]): string[] {
  // Step 7a: a j closing a syllable is й.
  const closed = input.map((s, k) =>
    s === 'j' && RAW_VOWELS.has(input[k - 1] ?? '') && !RAW_VOWELS.has(input[k + 1] ?? '') ? 'i' : s,
  );
  // Step 7b: which y and i are glides.
  const marked = closed.map((s, k) => {
    const next = closed[k + 1];
    if (s === 'y') return next === 'a' || next === 'e' || next === 'o' || next === 'u' ? GLIDE : 'i';
    if (s === 'i') return next === 'a' || next === 'e' || next === 'u' ? GLIDE : 'i';
    return s;
  });
  // Step 7c: an i before a glide is swallowed by it, and so is one before a j that a vowel follows,
  // which is the same glide in German and South Slavic spellings (Marija, Julija).
  const swallowed = marked.filter((s, k) => {
    const next = marked[k + 1];
    return !(s === 'i' && (next === GLIDE || (next === 'j' && VOWELS.has(marked[k + 2] ?? ''))));
  });
  // Step 7d: what each glide becomes, by the vowel after it and the sound before it.
  const resolved: string[] = [];
  for (let k = 0; k < swallowed.length; k++) {
    const s = swallowed[k] as string;
    if (s !== GLIDE) {
      resolved.push(s);
      continue;
    }
    const next = swallowed[k + 1];
    const prev = resolved[resolved.length - 1];
    if (next === 'o') {
      resolved.push('e');
      k += 1;
    } else if (next === 'e') {
      if (prev !== undefined && !VOWELS.has(prev)) resolved.push('j');
    } else {
      resolved.push('j');
    }
  }
  // Step 8: oe → o, ue → u.
  const umlauts = resolved.filter((s, k) => !(s === 'e' && (resolved[k - 1] === 'o' || resolved[k - 1] === 'u')));
  // Step 9: doubled symbols collapse.
  return umlauts.filter((s, k) => s !== umlauts[k - 1]);
}

function foldWord(word: string): string {
  let current = word;
  // A second pass only finds leftovers the first one made (a "kh" from "k" + "kh", an "ng" from
  // "ң" + "г"), so the word settles in two or three passes; the bound stops a pathological input.
  for (let pass = 0; pass < 16; pass++) {
    const next = foldSymbols(scan(current)).join('');
    if (next === current) return next;
    current = next;
  }
  return current;
}

/** Letters and digits only, lower case, marks and foreign letters reduced to plain Latin (steps 1–5). */
function plainLatin(text: string): string {
  // Plain ASCII has no Cyrillic, no marks and no special letters: steps 1, 3 and 4 change nothing.
  if (ASCII.test(text)) return text.toLowerCase().replace(APOSTROPHES, '');
  const lower = toLatin(text).toLowerCase();
  const specials = Array.from(lower, (ch) => LATIN_SPECIALS[ch] ?? ch).join('');
  const unmarked = specials.normalize('NFKD').replace(/\p{M}/gu, '');
  return toLatin(unmarked).toLowerCase().replace(APOSTROPHES, '');
}

/**
 * Text that is certainly its own key: lower-case ASCII words in which no folding rule can fire.
 * Conservative (some keys fail it and take the long way); it lets ranking skip re-keying the stored
 * keys of a whole pool. Each alternative names what would change: a digraph, x/w/y, a j closing a
 * syllable, a glide i, an i before a j-glide, oe/ue, a doubled letter or a doubled sh/ch.
 */
const MIGHT_FOLD =
  /sch|tch|zh|dj|kh|ts|tz|ng|hch|[xwy]|[aeiou]j(?![aeiouy])|i[aeu]|ij[aeiou]|[ou]e|([a-z])\1|shsh|chch/;
const KEY_SHAPE = /^[a-z]+(?: [a-z]+)*$/;
export function isOwnKey(text: string): boolean {
  return KEY_SHAPE.test(text) && !MIGHT_FOLD.test(text);
}

/** `searchKey` without the `isOwnKey` shortcut: for tests that hold the shortcut to the rules. */
export function searchKeyFull(text: string): string {
  return plainLatin(text)
    .split(WORD_SEPARATOR)
    .filter((w) => w.length > 0)
    .map(foldWord)
    .filter((w) => w.length > 0)
    .join(' ');
}

/**
 * The phonetic comparison key of a name: its words' keys, in order, separated by single spaces.
 * Identical for the common spellings of one name across scripts and romanisation systems; lossy
 * by design. Empty for text without letters or digits.
 */
export function searchKey(text: string): string {
  return isOwnKey(text) ? text : searchKeyFull(text);
}

/**
 * A name as people are grouped by it: its phonetic key, so Cyrillic and Latin spellings and case meet;
 * a name with no letter to key keeps its own characters, folded.
 */
export function normalisedName(name: string): string {
  const key = searchKey(name);
  return key !== '' ? key : name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
