// The scripts of the lottery pages: the hall screen's (timed reveal of the tickets, and polling for
// rolls during a live ceremony), served by http/public.routes.tsx under a content-hashed path since the
// site CSP allows only scripts from 'self', and where the browser verifier is served. The hall
// screen's script is plain browser JavaScript in a string: the pages need no build step, and without
// JavaScript the hall screen simply shows everything at once. The pages' styles are in site.css.
import { createHash } from 'node:crypto';

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

/** Versioned by content, so browsers may cache it for a year. */
export const presentScriptPath = `/static/lottery/present.${shortHash(PRESENT_SCRIPT)}.js`;
export const verifyScriptPath = '/static/lottery/verify-draw.client.js';
