// Lessons are Markdown written by the commission's trainers: trusted, but raw HTML is still never let
// through (a pasted mail with a <script> or a tracking image would otherwise run on a staff page). HTML
// in the source is shown as text, links go only to http(s), mailto or the site itself, and images only
// from the site itself.
import { Marked, type Tokens } from 'marked';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const safeLink = (href: string): boolean => /^(https?:|mailto:|\/(?!\/)|#)/i.test(href.trim());
const safeImage = (href: string): boolean => /^\/(?!\/)/.test(href.trim());

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      if (!safeLink(token.href)) return text;
      return `<a href="${escapeHtml(token.href)}">${text}</a>`;
    },
    image(token: Tokens.Image): string {
      if (!safeImage(token.href)) return escapeHtml(token.text);
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">`;
    },
  },
});

/** The lesson's HTML, safe to put in the page as it is. */
export function renderLessonMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
