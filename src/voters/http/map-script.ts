// The stations map's script, served from this site (the Content-Security-Policy allows no inline
// script): reads the points the page carries, draws them with Leaflet on the configured tiles.
export const STATIONS_MAP_SCRIPT = `(function () {
  var el = document.getElementById('stations-map');
  var data = document.getElementById('stations-data');
  if (!el || !data || !window.L) return;
  var points = JSON.parse(data.textContent || '[]');
  el.style.height = '28rem';
  var map = window.L.map(el, { preferCanvas: true });
  window.L.tileLayer(el.getAttribute('data-tiles'), {
    maxZoom: 18,
    attribution: el.getAttribute('data-attribution') || ''
  }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    // A text node, never HTML: station names come from an imported file.
    var label = document.createElement('span');
    label.textContent = p[2];
    window.L.circleMarker([p[0], p[1]], { radius: 5 }).bindPopup(label).addTo(map);
    bounds.push([p[0], p[1]]);
  });
  if (bounds.length > 0) map.fitBounds(bounds, { maxZoom: 14 });
  else map.setView([41.2, 74.8], 6);
})();
`;
