// The two small static assets of the lottery pages: their stylesheet and the hall screen's script
// (timed reveal of the tickets, and polling for rolls during a live ceremony). Both are served by
// lottery.routes.tsx under content-hashed paths, since the site CSP allows only scripts from 'self'.
// The script is plain browser JavaScript in a string: the pages need no build step, and without
// JavaScript the hall screen simply shows everything at once.
import { createHash } from 'node:crypto';

export const LOTTERY_CSS = `
.hash,.ticket-digits,.seed{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all;overflow-wrap:anywhere}
.ticket-digits{font-size:.85rem}
.lottery-steps li{margin:.25rem 0}
.lottery-steps li[aria-current]{font-weight:700}
.problems{border-left:4px solid var(--bad);background:#fdecec;padding:.5rem 1rem;margin:1rem 0}
.problems p{margin:.25rem 0;font-weight:600}
.note-box{background:var(--warn-bg);border:1px solid #e8d48a;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.console{border:2px solid #0b3d6e;border-radius:8px;padding:.5rem 1rem;margin:1.5rem 0}
.console fieldset{border:1px solid var(--line);border-radius:6px;margin:.75rem 0;padding:.5rem 1rem}
.console label{display:block;margin:.5rem 0 .25rem;font-weight:600}
.console input[type=text],.console textarea{width:100%;max-width:36rem}
.console textarea{font:inherit;padding:.35rem .5rem;border:1px solid #8a939c;border-radius:4px;min-height:4rem}
.console .help{color:var(--muted);margin:.25rem 0}
#verify-steps{padding-left:1.25rem}
#verify-steps li{margin:.2rem 0;overflow-wrap:anywhere}
#verify-steps li[data-ok=true]{color:var(--ok)}
#verify-steps li[data-ok=false]{color:var(--bad);font-weight:600}
pre.shell{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
body.present{background:#0b1d33;color:#fff;margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
body.present a{color:#9fd0ff}
.present main{max-width:none;padding:2vh 3vw;font-size:clamp(1.2rem,2.2vw,2.6rem);line-height:1.35}
.present h1{font-size:1.6em;margin:0 0 .5em}
.present h2{font-size:1em;margin:.8em 0 .3em;color:#cfe3ff}
.present .hash{font-size:.75em}
.present .rolls{list-style:none;padding:0;margin:0}
.present .rolls li{margin:.2em 0}
.present .observer{display:inline-block;min-width:10em;color:#cfe3ff}
.present .digit{display:inline-block;min-width:1.3em;text-align:center;border:2px solid #f5a623;border-radius:.2em;margin:.08em;font-weight:700;font-variant-numeric:tabular-nums}
.present .tickets{list-style:none;padding:0;margin:0}
.present .tickets li{display:grid;grid-template-columns:3.2em 1fr;gap:0 .6em;margin:.25em 0;align-items:baseline}
.present .bn{font-size:1.5em;font-weight:700;text-align:center;background:#f5a623;color:#0b1d33;border-radius:.15em}
.present .ticket-digits{grid-column:2;font-size:.55em;color:#cfe3ff}
.present .small{font-size:.6em}
`;

export const PRESENT_SCRIPT = `// Hall screen: reveal the tickets one by one, and follow a live ceremony by polling.
(function () {
  var main = document.querySelector('main[data-live-url]');
  if (!main) return;
  var state = main.getAttribute('data-state');
  var pace = Number(main.getAttribute('data-pace')) || 2000;
  var tickets = Array.prototype.slice.call(document.querySelectorAll('#tickets li'));
  if (state === 'drawn' && tickets.length > 0) {
    tickets.forEach(function (li) { li.hidden = true; });
    var i = 0;
    var next = function () {
      if (i >= tickets.length) { main.setAttribute('data-revealed', 'true'); return; }
      tickets[i].hidden = false;
      if (tickets[i].scrollIntoView) tickets[i].scrollIntoView({ block: 'nearest' });
      i += 1;
      setTimeout(next, pace);
    };
    setTimeout(next, pace);
    return;
  }
  if (state !== 'frozen' && state !== 'seeded') return;
  var rolls = document.getElementById('rolls');
  var progress = document.getElementById('seed-progress');
  var template = progress ? progress.getAttribute('data-template') || '' : '';
  var shown = rolls ? rolls.children.length : 0;
  function render(parts, digits) {
    if (!rolls) return;
    var items = parts.map(function (p) {
      var li = document.createElement('li');
      var who = document.createElement('span');
      who.className = 'observer';
      who.textContent = p.observer;
      li.appendChild(who);
      li.appendChild(document.createTextNode(' '));
      Array.prototype.forEach.call(p.digits, function (d) {
        var box = document.createElement('span');
        box.className = 'digit';
        box.textContent = d;
        li.appendChild(box);
      });
      return li;
    });
    rolls.replaceChildren.apply(rolls, items);
    if (progress) progress.textContent = template.replace('{n}', String(digits));
    shown = parts.length;
  }
  function poll() {
    fetch(main.getAttribute('data-live-url'), { cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (live) {
        if (!live) return;
        if (live.state === 'superseded' && live.supersededById) {
          location.href = main.getAttribute('data-present-base') + live.supersededById + '/present' + location.search;
          return;
        }
        if (live.state !== state && live.state !== 'seeded') { location.reload(); return; }
        if (live.state === 'drawn') { location.reload(); return; }
        if (live.seedParts.length !== shown) render(live.seedParts, live.seedDigits);
      })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
})();
`;

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Versioned by content, so browsers may cache them for a year. */
export const lotteryCssPath = `/static/lottery/lottery.${shortHash(LOTTERY_CSS)}.css`;
export const presentScriptPath = `/static/lottery/present.${shortHash(PRESENT_SCRIPT)}.js`;
export const verifyScriptPath = '/static/lottery/verify-draw.client.js';
