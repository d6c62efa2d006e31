// Synthetic party logos for the demo: a coloured shape with the initials of the party's short name.
// These are NOT the parties' real logos (which are their own marks and not ours to copy); each SVG
// says so in its <title> and stays well under 2 KB so that pages can inline it.
import type { Party } from '../domain/election.ts';
import { rngFor } from './random.ts';

/** Up to three initials of the English short name ("Butun Kyrgyzstan" → "BK"), Latin so any font has them. */
export function initialsOf(shortNameEn: string): string {
  const words = shortNameEn.split(/[\s-]+/).filter((w) => /^[A-Za-z]/.test(w));
  const letters = words.length > 1 ? words.map((w) => w[0] ?? '') : [shortNameEn.slice(0, 2)];
  return letters.join('').slice(0, 3).toUpperCase();
}

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

const SHAPES = ['circle', 'rounded', 'hexagon', 'shield'] as const;

function shapeSvg(shape: (typeof SHAPES)[number], fill: string): string {
  switch (shape) {
    case 'circle':
      return `<circle cx="60" cy="60" r="56" fill="${fill}"/>`;
    case 'rounded':
      return `<rect x="6" y="6" width="108" height="108" rx="22" fill="${fill}"/>`;
    case 'hexagon':
      return `<polygon points="60,4 109,32 109,88 60,116 11,88 11,32" fill="${fill}"/>`;
    case 'shield':
      return `<path d="M60 4 L110 18 V58 C110 88 88 106 60 116 C32 106 10 88 10 58 V18 Z" fill="${fill}"/>`;
    default: {
      const never: never = shape;
      throw new Error(`unknown shape ${String(never)}`);
    }
  }
}

/**
 * The synthetic logo of a party: 120×120 viewBox, background shape in a colour drawn from the
 * party's own random stream (hue anywhere, saturation and lightness kept where white text reads).
 */
export function syntheticLogoSvg(party: Party): string {
  const rng = rngFor(`logo:${party.registrationNumber}`);
  const hue = rng.int(0, 359);
  const fill = `hsl(${hue},${rng.int(55, 75)}%,${rng.int(30, 40)}%)`;
  const ring = `hsl(${(hue + 180) % 360},70%,85%)`;
  const shape = rng.pick(SHAPES);
  const initials = initialsOf(party.shortName.en);
  const size = initials.length > 2 ? 34 : 44;
  const title = escapeXml(`Synthetic demo logo for ${party.shortName.en}, not the party's real logo`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120" role="img">` +
    `<title>${title}</title>` +
    shapeSvg(shape, fill) +
    `<circle cx="60" cy="60" r="44" fill="none" stroke="${ring}" stroke-width="3"/>` +
    `<text x="60" y="60" dy="0.35em" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" ` +
    `font-weight="bold" font-size="${size}" fill="#fff">${escapeXml(initials)}</text>` +
    `</svg>`
  );
}
