// A logged record before or after a change, as a reader sees it. Pure.

/** Longest change shown on the page; the full record stays in the log. */
const MAX_SHOWN = 4000;

/** A before/after value as readable JSON, cut when long; undefined when the log holds none. */
export function changeText(json: string | null): string | undefined {
  if (json === null) return undefined;
  let text: string;
  try {
    text = JSON.stringify(JSON.parse(json), null, 1);
  } catch {
    text = json;
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)} …` : text;
}
