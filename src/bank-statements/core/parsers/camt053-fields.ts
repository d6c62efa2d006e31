// How camt.053 elements read as normalised fields, whatever the version: dates from Dt or DtTm, party
// names and identifiers with or without the Pty wrapper of 001.08+, remittance text from Ustrd pieces,
// structured references or additional information. Pure functions over captured subtrees.

import { type XmlNode, at, childrenNamed, textAt } from './xml-capture.ts';

export function nodeText(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const t = node.text.trim();
  return t.length > 0 ? t : undefined;
}

export function dateOf(node: XmlNode | undefined): string | undefined {
  return textAt(node, 'Dt') ?? textAt(node, 'DtTm');
}

export function sameCurrency(node: XmlNode | undefined, ccy: string | undefined): XmlNode | undefined {
  return node && (!ccy || node.attrs?.['Ccy'] === ccy) ? node : undefined;
}

/** Names: `Nm` directly (versions up to 07) or inside `Pty` (08 and later). */
export function partyName(party: XmlNode | undefined): string | undefined {
  const name = textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');
  return name && /\s\s|[\t\n\r]/.test(name) ? name.replace(/\s+/g, ' ') : name;
}

/** The first `Othr/Id` of an organisation or a person: where banks put a tax number (INN) or PIN. */
export function partyId(party: XmlNode | undefined): string | undefined {
  const id = at(party, 'Id') ?? at(party, 'Pty', 'Id');
  return textAt(id, 'OrgId', 'Othr', 'Id') ?? textAt(id, 'PrvtId', 'Othr', 'Id');
}

export function remittanceOf(details: XmlNode | undefined): string | undefined {
  const rmt = at(details, 'RmtInf');
  const lines = childrenNamed(rmt, 'Ustrd').map((n) => n.text);
  if (lines.length > 0) {
    // Banks cut long texts into 35- or 140-character pieces (the field widths); those pieces join
    // without a space. Pieces of other lengths are separate lines and get one.
    let out = lines[0] ?? '';
    for (let i = 1; i < lines.length; i++) {
      const width = Array.from(lines[i - 1] ?? '').length;
      out += (width === 35 || width === 140 ? '' : ' ') + (lines[i] ?? '');
    }
    const t = out.trim();
    if (t) return t;
  }
  for (const strd of childrenNamed(rmt, 'Strd')) {
    const ref = textAt(strd, 'CdtrRefInf', 'Ref') ?? textAt(strd, 'AddtlRmtInf') ?? textAt(strd, 'RfrdDocInf', 'Nb');
    if (ref) return ref;
  }
  return textAt(details, 'AddtlTxInf');
}
