// marsad dashboard: plain JavaScript over the JSON API, no libraries.
// Safety rule: data from the store is only ever put into the page with textContent / setAttribute on
// non-executable attributes (never innerHTML), so markup inside an article is shown as text.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const QUADS = [
  ["q1", "verbal cooperation"], ["q2", "material cooperation"],
  ["q3", "verbal conflict"], ["q4", "material conflict"], ["other", "no quad"],
];
const state = { filters: {}, speaker: null };

// ---- DOM helpers -------------------------------------------------------------------------------------
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVGNS, tag);
  setAttrs(node, attrs);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) throw new Error("event handlers are attached with addEventListener");
    node.setAttribute(k, String(v));
  }
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function $(sel) { return document.querySelector(sel); }

function tooltip(node, text) { node.appendChild(svg("title", {}, text)); return node; }

// ---- data ------------------------------------------------------------------------------------------------
function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) p.set(k, v);
  const s = p.toString();
  return s ? "?" + s : "";
}

async function api(path, params) {
  const res = await fetch(path + query(params || {}), { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let msg = res.status + "";
    try { const e = await res.json(); msg = `${e.code}: ${e.message}`; } catch (_) { /* not JSON */ }
    throw new Error(msg);
  }
  return res.json();
}

function readFilters() {
  const f = {};
  for (const [k, v] of new FormData($("#filters")).entries()) if (String(v).trim()) f[k] = String(v).trim();
  return f;
}

function writeFilters(f) {
  for (const input of $("#filters").elements) {
    if (input.name) input.value = f[input.name] || "";
  }
}

function partyLabel(m) {
  if (!m) return "";
  const a = m.actor || {};
  return a.name || (a.country ? a.country + (a.sector || "") : "") || m.text || "";
}

// ---- views -----------------------------------------------------------------------------------------------
function drawTimeline(items) {
  const box = clear($("#timeline"));
  const W = 900, H = 180, L = 34, B = 22, T = 8;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events per day by quad class" });
  box.appendChild(s);
  if (!items.length) { s.appendChild(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "no events")); return; }
  const dated = items.filter((d) => d.date);
  const day = (d) => Date.parse(d + "T00:00:00Z") / 86400000;
  const d0 = day(dated[0].date), d1 = day(dated[dated.length - 1].date);
  const ndays = Math.max(1, d1 - d0 + 1);
  const max = Math.max(...dated.map((d) => d.total), 1);
  const bw = Math.max(1, (W - L - 4) / ndays);
  const y = (n) => (H - B - T) * n / max;
  s.appendChild(svg("line", { x1: L, y1: H - B, x2: W, y2: H - B, class: "grid" }));
  s.appendChild(svg("text", { x: L - 4, y: T + 8, "text-anchor": "end" }, max));
  s.appendChild(svg("text", { x: L - 4, y: H - B, "text-anchor": "end" }, 0));
  for (const d of dated) {
    const x = L + (day(d.date) - d0) * bw;
    let base = H - B;
    for (const [q, name] of QUADS) {
      if (!d[q]) continue;
      const h = y(d[q]);
      base -= h;
      s.appendChild(tooltip(svg("rect", { x: x.toFixed(1), y: base.toFixed(1), width: Math.max(0.8, bw - 0.6).toFixed(1),
        height: h.toFixed(1), class: q }), `${d.date}: ${d[q]} ${name}`));
    }
  }
  s.appendChild(svg("text", { x: L, y: H - 6 }, dated[0].date));
  s.appendChild(svg("text", { x: W - 2, y: H - 6, "text-anchor": "end" }, dated[dated.length - 1].date));
}

function drawLegend() {
  const box = clear($("#timeline-legend"));
  for (const [q, name] of QUADS.slice(0, 4)) box.appendChild(el("span", {}, el("span", { class: `swatch ${q}` }), name));
}

function drawNetwork(net) {
  const box = clear($("#network"));
  const W = 640, H = 400, cx = W / 2, cy = H / 2, R = 140;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  box.appendChild(s);
  const nodes = net.nodes.slice(0, 18);
  if (!nodes.length) { s.appendChild(svg("text", { x: cx, y: cy, "text-anchor": "middle" }, "no actor → recipient events")); return; }
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos.set(n.id, [cx + R * Math.cos(a), cy + R * Math.sin(a), a]);
  });
  const maxW = Math.max(...net.edges.map((e) => e.weight), 1);
  for (const e of net.edges) {
    const p = pos.get(e.source), q = pos.get(e.target);
    if (!p || !q || e.source === e.target) continue;
    const conflict = e.conflict / e.weight;
    const color = conflict > 0.5 ? "#d64541" : "#2f9e62";
    // a slight curve so that A->B and B->A stay apart
    const mx = (p[0] + q[0]) / 2 + (q[1] - p[1]) * 0.12, my = (p[1] + q[1]) / 2 - (q[0] - p[0]) * 0.12;
    s.appendChild(tooltip(svg("path", { d: `M${p[0].toFixed(1)},${p[1].toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${q[0].toFixed(1)},${q[1].toFixed(1)}`,
      fill: "none", stroke: color, "stroke-opacity": 0.55, "stroke-width": (0.8 + 5 * e.weight / maxW).toFixed(2) }),
      `${e.source} → ${e.target}: ${e.weight} events (${e.conflict} conflict)`));
  }
  const maxN = Math.max(...nodes.map((n) => n.weight), 1);
  for (const n of nodes) {
    const [x, y, a] = pos.get(n.id);
    const g = svg("g", { class: "actor", "data-actor": n.id });
    g.appendChild(tooltip(svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 7 * Math.sqrt(n.weight / maxN)).toFixed(1), class: "node" }),
      `${n.id}: ${n.weight} events`));
    const right = Math.cos(a) >= 0;
    g.appendChild(svg("text", { x: (x + (right ? 12 : -12)).toFixed(1), y: (y + 4).toFixed(1), class: "node-label",
      "text-anchor": right ? "start" : "end" }, n.id.length > 26 ? n.id.slice(0, 25) + "…" : n.id));
    g.addEventListener("click", () => { state.filters.actor = n.id; writeFilters(state.filters); refresh(); });
    s.appendChild(g);
  }
}

function mapView(items) {
  // The smallest lon/lat window (at least 40 by 20 degrees, 2:1) that holds every place, with a margin.
  if (!items.length) return { lon0: -180, lon1: 180, lat0: -90, lat1: 90 };
  let lon0 = Math.min(...items.map((p) => p.lon)), lon1 = Math.max(...items.map((p) => p.lon));
  let lat0 = Math.min(...items.map((p) => p.lat)), lat1 = Math.max(...items.map((p) => p.lat));
  let w = Math.max(40, (lon1 - lon0) * 1.3, (lat1 - lat0) * 2.6);
  w = Math.min(360, w);
  const cx = (lon0 + lon1) / 2, cy = (lat0 + lat1) / 2;
  return { lon0: cx - w / 2, lon1: cx + w / 2, lat0: cy - w / 4, lat1: cy + w / 4 };
}

function drawMap(items) {
  const box = clear($("#map"));
  const W = 520, H = 280;
  const v = mapView(items);
  const X = (lon) => (lon - v.lon0) / (v.lon1 - v.lon0) * W, Y = (lat) => (v.lat1 - lat) / (v.lat1 - v.lat0) * H;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "map of event places" });
  box.appendChild(s);
  s.appendChild(svg("rect", { x: 0, y: 0, width: W, height: H, class: "frame" }));
  const step = (v.lon1 - v.lon0) > 120 ? 30 : 10;
  for (let lon = Math.ceil(v.lon0 / step) * step; lon <= v.lon1; lon += step) {
    s.appendChild(svg("line", { x1: X(lon), y1: 0, x2: X(lon), y2: H, class: "grid" }));
    s.appendChild(svg("text", { x: X(lon) + 2, y: H - 3 }, `${Math.abs(lon)}°${lon < 0 ? "W" : lon > 0 ? "E" : ""}`));
  }
  for (let lat = Math.ceil(v.lat0 / step) * step; lat <= v.lat1; lat += step) {
    s.appendChild(svg("line", { x1: 0, y1: Y(lat), x2: W, y2: Y(lat), class: "grid" }));
    s.appendChild(svg("text", { x: 2, y: Y(lat) - 2 }, `${Math.abs(lat)}°${lat < 0 ? "S" : lat > 0 ? "N" : ""}`));
  }
  const max = Math.max(...items.map((p) => p.events), 1);
  for (const p of items) {
    s.appendChild(tooltip(svg("circle", { cx: X(p.lon).toFixed(1), cy: Y(p.lat).toFixed(1), r: (3 + 10 * Math.sqrt(p.events / max)).toFixed(1), class: "place" }),
      `${p.name || "?"} (${p.country || "?"}): ${p.events} events`));
  }
  for (const p of items.slice(0, 12)) {
    s.appendChild(svg("text", { x: (X(p.lon) + 8).toFixed(1), y: (Y(p.lat) + 4).toFixed(1), class: "node-label" }, `${p.name || ""} ${p.events}`));
  }
}

function drawEvents(data) {
  $("#events-count").textContent = `${data.total} matching`;
  const body = clear($("#events tbody"));
  for (const e of data.items) {
    const tr = el("tr", { "data-article": e.article.id, title: e.article.title || e.article.id },
      el("td", {}, e.date || e.article.date || ""),
      el("td", {}, el("span", { class: `swatch q${e.quad || ""}` }), `${e.type}${e.mode ? "/" + e.mode : ""}`),
      el("td", {}, (e.actor || []).map(partyLabel).join(" + ")),
      el("td", {}, (e.recipient || []).map(partyLabel).join(" + ")),
      el("td", {}, e.place ? (e.place.name || e.place.text) : ""));
    tr.addEventListener("click", () => openArticle(e.article.id));
    body.appendChild(tr);
  }
}

function drawSpeakers(items) {
  const list = clear($("#speakers"));
  for (const sp of items) {
    const b = el("button", { type: "button", class: sp.speaker === state.speaker ? "active" : null },
      `${sp.speaker} (${sp.quotes})`);
    b.addEventListener("click", () => { state.speaker = state.speaker === sp.speaker ? null : sp.speaker; loadQuotes(); });
    list.appendChild(el("li", {}, b));
  }
}

function drawQuotes(data) {
  const box = clear($("#quotes"));
  if (!data.items.length) box.appendChild(el("p", { class: "qmeta" }, "no quotes"));
  for (const q of data.items) {
    const div = el("div", { class: "quote" },
      el("div", { class: "qtext", dir: "rtl", lang: "ar" }, "«", q.text, "»"),
      el("div", { class: "qmeta" }, `${q.speaker_label || "unknown speaker"} · ${q.kind} · ${q.article.date || ""} · `,
        articleLink(q.article)));
    box.appendChild(div);
  }
}

function articleLink(a) {
  const link = el("a", { href: "#article=" + encodeURIComponent(a.id) }, a.title || a.id);
  link.addEventListener("click", (ev) => { ev.preventDefault(); openArticle(a.id); });
  return link;
}

function drawArticles(data) {
  $("#articles-count").textContent = `${data.total} matching`;
  const list = clear($("#articles"));
  for (const a of data.items) {
    const li = el("li", { "data-article": a.id },
      el("span", { class: "atitle", dir: "rtl", lang: "ar" }, a.title || a.id),
      el("span", { class: "ameta" }, [a.date || "no date", a.source, `${a.n_events} events`].filter(Boolean).join(" · ")));
    li.addEventListener("click", () => openArticle(a.id));
    list.appendChild(li);
  }
}

// ---- article view: text with highlighted spans and English glosses ---------------------------------------------
function spansOf(rec) {
  const spans = [];
  for (const e of rec.entities || []) {
    const a = e.actor || {}, g = e.geo || {};
    const gloss = a.name ? a.name + (a.country ? ` (${a.country}${a.sector ? " " + a.sector : ""})` : "")
      : (g.name || (a.country ? a.country : null));
    spans.push({ start: e.start, end: e.end, cls: `hl-ent hl-ent-${e.type}`, gloss, gcls: "g-ent", kind: "entity" });
  }
  for (const q of rec.quotes || []) spans.push({ start: q.start, end: q.end, cls: "hl-quote", kind: "quote",
    title: `quote (${q.kind}) by ${q.speaker ? partyLabel(q.speaker) : "?"}` });
  for (const t of rec.times || []) spans.push({ start: t.start, end: t.end, cls: "hl-time", gloss: t.value, gcls: "g-time", kind: "time" });
  for (const ev of rec.events || []) {
    if (!ev.trigger) continue;
    const who = (ev.actor || []).map(partyLabel).join("+") || "?";
    const whom = (ev.recipient || []).map(partyLabel).join("+");
    spans.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "hl-trigger", kind: "trigger",
      gloss: `${ev.type}${ev.mode ? "/" + ev.mode : ""}${ev.modality && ev.modality !== "asserted" ? " [" + ev.modality + "]" : ""}`,
      gcls: "g-trigger", title: `${who} → ${whom || "—"} (${ev.date || "?"})` });
  }
  return spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start);
}

function renderText(text, spans) {
  // Cut the text at every span boundary; each piece gets the classes of the spans covering it, and a gloss
  // follows the last piece of a span that has one. Pieces are text nodes: markup stays text.
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!cover.length) { frag.appendChild(document.createTextNode(piece)); continue; }
    const titles = cover.map((s) => s.title).filter(Boolean);
    frag.appendChild(el("span", { class: cover.map((s) => s.cls).join(" "), "data-kind": cover.map((s) => s.kind).join(" "),
      title: titles.length ? titles.join("; ") : null }, piece));
    for (const s of cover) {
      if (s.end === b && s.gloss) frag.appendChild(el("span", { class: `gloss ${s.gcls}`, dir: "ltr", lang: "en" }, s.gloss));
    }
  }
  return frag;
}

async function openArticle(id) {
  let rec;
  try { rec = await api("/articles/" + encodeURIComponent(id)); } catch (err) { $("#summary").textContent = String(err.message); return; }
  const a = rec.article;
  const panel = $("#article-panel");
  panel.hidden = false;
  $("#article-meta").textContent = `${a.id} · ${a.date || "no date"} · ${a.source || ""}`;
  $("#article-title").textContent = a.title || "";
  const box = clear($("#article-text"));
  box.appendChild(renderText(a.text, spansOf(rec)));
  const legend = clear($("#article-legend"));
  for (const [cls, name] of [["hl-ent", "entity (gloss: actor)"], ["hl-quote", "quote"], ["hl-time", "time (gloss: date)"], ["hl-trigger", "event trigger (gloss: PLOVER type)"]]) {
    legend.appendChild(el("span", { class: cls }, name));
  }
  const side = clear($("#article-side"));
  side.appendChild(el("div", {}, `${(rec.events || []).length} events · ${(rec.quotes || []).length} quotes · ` +
    `${(rec.times || []).length} times · ${(rec.entities || []).length} entities`));
  if (a.url && /^https?:\/\//i.test(a.url)) side.appendChild(el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, a.url));
  if (location.hash !== "#article=" + encodeURIComponent(id)) history.replaceState(null, "", "#article=" + encodeURIComponent(id));
  panel.scrollIntoView({ behavior: "instant", block: "start" });
}

// ---- loading ---------------------------------------------------------------------------------------------------
async function loadQuotes() {
  const f = state.filters;
  const [speakers, quotes] = await Promise.all([
    api("/speakers", { limit: 40 }),
    api("/quotes", { speaker: state.speaker, country: f.country, q: f.q, limit: 30 }),
  ]);
  drawSpeakers(speakers.items);
  drawQuotes(quotes);
}

async function refresh() {
  const f = state.filters;
  const ev = { from: f.from, to: f.to, quad: f.quad, type: f.type, country: f.country, actor: f.actor, q: f.q };
  const qs = query(ev);
  for (const [id, path] of [["#export-csv", "/events.csv"], ["#export-jsonl", "/events.jsonl"], ["#export-plover", "/events.plover.json"], ["#export-gdelt", "/events.gdelt.tsv"]]) {
    $(id).setAttribute("href", path + qs);
  }
  $("#summary").textContent = "loading…";
  try {
    const [timeline, network, places, events, articles] = await Promise.all([
      api("/stats/timeline", ev), api("/stats/network", ev), api("/stats/places", ev),
      api("/events", { ...ev, limit: 40 }), api("/articles", { from: f.from, to: f.to, q: f.q, limit: 100 }),
    ]);
    drawTimeline(timeline.items);
    drawNetwork(network);
    drawMap(places.items);
    drawEvents(events);
    drawArticles(articles);
    await loadQuotes();
    const active = Object.entries(f).map(([k, v]) => `${k}=${v}`).join(", ");
    $("#summary").textContent = `${events.total} events in ${articles.total} articles` + (active ? ` · filters: ${active}` : "");
  } catch (err) {
    $("#summary").textContent = "error: " + err.message;
  }
}

async function loadFacets() {
  const facets = await api("/stats/facets");
  const fill = (name, values) => {
    const sel = $(`#filters select[name=${name}]`);
    for (const v of values) sel.appendChild(el("option", { value: v }, v));
  };
  fill("type", facets.types);
  fill("country", facets.countries);
}

function init() {
  drawLegend();
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.filters = readFilters(); refresh(); });
  $("#reset").addEventListener("click", () => { state.filters = {}; state.speaker = null; writeFilters({}); refresh(); });
  loadFacets().catch(() => {}).finally(async () => {
    await refresh();
    const m = location.hash.match(/^#article=(.+)$/);
    if (m) openArticle(decodeURIComponent(m[1]));
    document.body.setAttribute("data-ready", "1");
  });
}

document.addEventListener("DOMContentLoaded", init);
