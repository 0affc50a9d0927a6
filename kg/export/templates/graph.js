/* kg graph view: every string from the data reaches the page through textContent only. */
(function () {
  "use strict";
  const t0 = performance.now();
  const stats = (window.kgStats = { stabilizedMs: null, layouts: 0, busy: true, cspViolations: [] });
  document.addEventListener("securitypolicyviolation", (e) => {
    stats.cspViolations.push(e.violatedDirective + " " + e.blockedURI);
  });

  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
  const ATTR_ZH = {
    role: "职务", quote: "引语", stance: "立场", tier: "梯队", rank: "名次", date: "日期",
    confidence: "置信度", extractor: "抽取器", mentions: "提及次数", articles: "来源文章",
    document: "文档", datePublished: "发布日期", count: "数量", year: "年份",
    growthRate: "增长率", scope: "范围", degree: "关系数",
  };
  const STANCE_ZH = { positive: "正面", negative: "负面", neutral: "中性" };
  const OTHER = { type: "Other", zh: "其他", color: "#999999", shape: "dot" };
  const $ = (id) => document.getElementById(id);

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function short(s, n) {
    return s.length > n ? s.slice(0, n - 1) + "…" : s;
  }
  function fmt(v) {
    if (Array.isArray(v)) return v.map(fmt).join("、");
    if (v && typeof v === "object") return JSON.stringify(v);
    return String(v);
  }
  function swatch(info) {
    const s = el("span", "swatch shape-" + info.shape);
    s.style.background = info.shape === "box" ? "#f1efed" : info.color;
    if (info.shape === "box") s.style.borderColor = info.color;
    return s;
  }

  // ---- indexes -------------------------------------------------------------------------
  const typeInfo = new Map(DATA.types.map((t) => [t.type, t]));
  const predInfo = new Map(DATA.predicates.map((p) => [p.predicate, p]));
  const nodeById = new Map();
  DATA.nodes.forEach((n, i) => {
    n.rank = i;
    nodeById.set(n.id, n);
  });
  const edgeById = new Map(DATA.edges.map((e) => [e.id, e]));
  const incident = new Map(DATA.nodes.map((n) => [n.id, []]));
  for (const e of DATA.edges) {
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  }
  const articleTitle = (aid) => {
    const n = nodeById.get("article/" + aid);
    return n ? n.label : aid;
  };
  const tinfo = (n) => typeInfo.get(n.type) || OTHER;
  const pinfo = (p) => predInfo.get(p) || { predicate: p, zh: p, color: "#888888" };

  // ---- state and visibility -------------------------------------------------------------
  const state = {
    mode: "top", selected: null, focus: null, extra: new Set(),
    hiddenTypes: new Set(), hiddenPreds: new Set(),
  };
  let focusSet = new Set();

  function neighbours(id) {
    const out = new Set([id]);
    for (const e of incident.get(id) || []) {
      if (!state.hiddenPreds.has(e.predicate)) out.add(e.from).add(e.to);
    }
    return out;
  }
  function inBase(n) {
    if (state.mode === "all") return true;
    if (state.mode === "focus") return focusSet.has(n.id);
    return n.rank < DATA.maxNodes || state.extra.has(n.id);
  }
  function nodeVisible(id) {
    const n = nodeById.get(id);
    return !!n && !state.hiddenTypes.has(n.type) && inBase(n);
  }
  function edgeVisible(id) {
    const e = edgeById.get(id);
    return !state.hiddenPreds.has(e.predicate) && nodeVisible(e.from) && nodeVisible(e.to);
  }

  // ---- vis data -------------------------------------------------------------------------
  function nodeItem(n) {
    const t = tinfo(n);
    const item = { id: n.id, label: short(n.label, n.type === "Article" ? 16 : 20), shape: t.shape };
    if (t.shape === "box") {
      item.color = { background: "#f1efed", border: t.color,
        highlight: { background: "#ffffff", border: "#333333" }, hover: { background: "#ffffff", border: "#555555" } };
      item.margin = 6;
      item.font = { size: 12 };
    } else {
      item.value = Math.max(1, n.degree);
      // Hubs push harder, so their neighbours and the unconnected nodes keep clear of them.
      item.mass = 1 + Math.sqrt(n.degree);
      item.color = { background: t.color, border: "#ffffff",
        highlight: { background: t.color, border: "#1f2933" }, hover: { background: t.color, border: "#1f2933" } };
    }
    return item;
  }
  const pairCount = new Map();
  function edgeItem(e) {
    const p = pinfo(e.predicate);
    const pair = e.from < e.to ? e.from + "\u0000" + e.to : e.to + "\u0000" + e.from;
    const k = pairCount.get(pair) || 0;
    pairCount.set(pair, k + 1);
    return {
      id: e.id, from: e.from, to: e.to, label: p.zh,
      color: { color: p.color, highlight: p.color, hover: p.color, opacity: 0.8 },
      smooth: k === 0 ? false : { enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.2 * Math.ceil(k / 2) },
    };
  }
  const nodes = new vis.DataSet(DATA.nodes.map(nodeItem));
  const edges = new vis.DataSet(DATA.edges.map(edgeItem));
  const nodesView = new vis.DataView(nodes, { filter: (item) => nodeVisible(item.id) });
  const edgesView = new vis.DataView(edges, { filter: (item) => edgeVisible(item.id) });
  // DataView.getIds() re-applies the filter, so what is on screen is tracked here.
  let shownIds = new Set(nodesView.getIds());
  const shown = shownIds.size;
  const big = shown > 800;
  // Stabilisation iterations: many for small views, fewer as each iteration gets dearer.
  const budget = (n, work, lo, hi) => Math.max(lo, Math.min(hi, Math.round(work / Math.max(n, 1))));
  // Barnes-Hut approximates more for big views: a third of the time at 3000 nodes.
  const theta = (n) => (n > 500 ? 1.2 : 0.6);

  const network = new vis.Network($("graph"), { nodes: nodesView, edges: edgesView }, {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: shown <= 150 },
    nodes: {
      font: { face: FONT, size: 18, color: "#1f2933", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { min: 10, max: 26, label: { enabled: false } },
      borderWidth: 1.5,
    },
    edges: {
      font: { face: FONT, size: 11, color: "#4b5563", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      width: 1.3, selectionWidth: 1.5, hoverWidth: 1,
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      smooth: false,
    },
    physics: {
      solver: "barnesHut",
      barnesHut: { theta: theta(shown), gravitationalConstant: -2500, centralGravity: 1.0, springLength: 120, springConstant: 0.03, damping: 0.35, avoidOverlap: 0.8 },
      stabilization: { enabled: true, iterations: budget(shown, 40000, 80, 500), updateInterval: 25, fit: true },
      minVelocity: 1,
    },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, tooltipDelay: 100 },
  });

  stats.networkMs = Math.round(performance.now() - t0);
  stats.shownEdges = edgesView.length;

  // Physics stabilises, then stops; a changed view runs a short stabilisation again.
  let pendingFocus = null;
  network.on("stabilizationProgress", (p) => setStatus("布局中 " + Math.round((100 * p.iterations) / p.total) + "%"));
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    stats.layouts += 1;
    stats.busy = false;
    if (stats.stabilizedMs === null) stats.stabilizedMs = Math.round(performance.now() - t0);
    setStatus("布局完成（" + stats.stabilizedMs + " ms）");
    if (pendingFocus) focusOn(pendingFocus);
    pendingFocus = null;
  });
  if (shown === 0) {
    stats.stabilizedMs = Math.round(performance.now() - t0);
    stats.busy = false;
  }

  function relayout() {
    stats.busy = true;
    network.setOptions({ physics: { enabled: true, barnesHut: { theta: theta(shownIds.size) }, stabilization: { fit: false } } });
    network.stabilize(budget(shownIds.size, 20000, 50, 250));
  }
  function focusOn(id) {
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  }
  function setStatus(text) {
    $("status").textContent = text;
  }

  // Place newly shown nodes beside a node already on screen, so that layout moves little.
  function seed(added, before) {
    const updates = [];
    added.forEach((id, i) => {
      const e = (incident.get(id) || []).find((x) => before.has(x.from === id ? x.to : x.from));
      if (!e) return;
      const p = network.getPosition(e.from === id ? e.to : e.from);
      const a = (i * 2.399963) % (2 * Math.PI);
      updates.push({ id, x: p.x + 90 * Math.cos(a), y: p.y + 90 * Math.sin(a) });
    });
    if (updates.length) nodes.update(updates);
  }

  function refresh() {
    focusSet = state.focus ? neighbours(state.focus) : new Set();
    const before = shownIds;
    const added = DATA.nodes.filter((n) => nodeVisible(n.id) && !before.has(n.id)).map((n) => n.id);
    if (added.length && added.length <= 300 && before.size) seed(added, before);
    nodesView.refresh();
    edgesView.refresh();
    shownIds = new Set(nodesView.getIds());
    $("view-count").textContent = "当前显示 " + nodesView.length + " / " + DATA.nodes.length + " 个节点，"
      + edgesView.length + " / " + DATA.edges.length + " 条关系";
    highlight();
    if (added.length) relayout();
    return added.length > 0;
  }

  // ---- neighbourhood highlight ----------------------------------------------------------
  let dimNodes = new Set();
  let dimEdges = new Set();
  function highlight() {
    const sel = state.selected && nodeVisible(state.selected) ? state.selected : null;
    const wantN = new Set();
    const wantE = new Set();
    if (sel) {
      const keep = new Set([sel]);
      const keepE = new Set();
      for (const e of incident.get(sel)) {
        if (edgeVisible(e.id)) {
          keep.add(e.from).add(e.to);
          keepE.add(e.id);
        }
      }
      for (const id of nodesView.getIds()) if (!keep.has(id)) wantN.add(id);
      for (const id of edgesView.getIds()) if (!keepE.has(id)) wantE.add(id);
    }
    const nu = [];
    const eu = [];
    for (const id of dimNodes) if (!wantN.has(id)) nu.push({ id, opacity: 1, font: { color: "#1f2933" } });
    for (const id of wantN) if (!dimNodes.has(id)) nu.push({ id, opacity: 0.15, font: { color: "rgba(31,41,51,0.2)" } });
    for (const id of dimEdges) if (!wantE.has(id)) eu.push({ id, color: edgeItem0(id).color, font: { color: "#4b5563" } });
    for (const id of wantE) {
      if (!dimEdges.has(id)) eu.push({ id, color: { color: "#cbd2d9", opacity: 0.25 }, font: { color: "rgba(75,85,99,0.15)" } });
    }
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    dimNodes = wantN;
    dimEdges = wantE;
  }
  function edgeItem0(id) {
    const p = pinfo(edgeById.get(id).predicate);
    return { color: { color: p.color, highlight: p.color, hover: p.color, opacity: 0.8 } };
  }

  // ---- selection ------------------------------------------------------------------------
  function select(id, opts) {
    opts = opts || {};
    const n = id ? nodeById.get(id) : null;
    state.selected = n ? n.id : null;
    const focusRadio = document.querySelector('input[name="mode"][value="focus"]');
    focusRadio.disabled = !n;
    if (n) {
      if (state.hiddenTypes.has(n.type)) {
        state.hiddenTypes.delete(n.type);
        const box = document.querySelector('#type-filters input[data-index="' + DATA.types.findIndex((t) => t.type === n.type) + '"]');
        if (box) box.checked = true;
      }
      if (state.mode === "focus") state.focus = n.id;
      if (state.mode === "top" && !nodeVisible(n.id)) neighbours(n.id).forEach((x) => state.extra.add(x));
    } else if (state.mode === "focus") {
      setMode("top");
    }
    const moved = refresh();
    if (n) {
      network.selectNodes([n.id]);
      if (opts.focus) {
        if (moved) pendingFocus = n.id;
        else focusOn(n.id);
      }
      showPanel(n);
    } else {
      network.unselectAll();
      $("panel").hidden = true;
    }
  }
  function setMode(mode) {
    state.mode = mode;
    state.focus = mode === "focus" ? state.selected : null;
    document.querySelector('input[name="mode"][value="' + mode + '"]').checked = true;
  }

  network.on("click", (p) => {
    if (p.nodes.length) select(p.nodes[0]);
    else if (!p.edges.length) select(null);
  });

  // ---- side panel -----------------------------------------------------------------------
  function attrList(entries) {
    const dl = el("dl", "attrs");
    for (const [k, v] of entries) {
      if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) continue;
      let text = fmt(v);
      if (k === "quote") text = "“" + text + "”";
      if (k === "stance") text = STANCE_ZH[v] ? STANCE_ZH[v] + "（" + v + "）" : text;
      if (k === "articles") text = v.map(articleTitle).join("；");
      const dt = el("dt", null, ATTR_ZH[k] || k);
      dt.title = k;
      dl.append(dt, el("dd", null, text));
    }
    return dl;
  }
  function nodeLink(id) {
    const n = nodeById.get(id);
    const b = el("button", "node-link", n ? n.label : id);
    b.type = "button";
    b.title = n ? tinfo(n).zh + "（" + n.type + "）" : id;
    b.addEventListener("click", () => select(id, { focus: true }));
    return b;
  }
  function predBadge(predicate) {
    const p = pinfo(predicate);
    const b = el("span", "pred", p.zh);
    b.style.background = p.color;
    b.title = predicate;
    return b;
  }
  function showPanel(n) {
    const body = $("panel-body");
    body.replaceChildren();
    const t = tinfo(n);
    const typeLine = el("div", "type-line");
    typeLine.append(swatch(t), el("span", null, t.zh + "（" + n.type + "）"));
    body.append(el("h2", null, n.label), typeLine, el("div", "node-id", n.id));
    const actions = el("div", "panel-actions");
    const bFocus = el("button", null, "居中显示");
    bFocus.type = "button";
    bFocus.addEventListener("click", () => focusOn(n.id));
    const bHood = el("button", null, "只看邻域");
    bHood.type = "button";
    bHood.addEventListener("click", () => {
      setMode("focus");
      refresh();
      network.fit({ animation: { duration: 300 } });
    });
    actions.append(bFocus, bHood);
    body.append(actions);
    if (n.aliases.length) {
      const chips = el("div", "chips");
      n.aliases.forEach((a) => chips.append(el("span", "chip", a)));
      body.append(el("h3", null, "别名"), chips);
    }
    body.append(el("h3", null, "属性"), attrList([["degree", n.degree], ...Object.entries(n.attrs)]));
    const rels = (incident.get(n.id) || []).slice().sort((a, b) =>
      (DATA.predicates.findIndex((p) => p.predicate === a.predicate) - DATA.predicates.findIndex((p) => p.predicate === b.predicate))
      || (a.id < b.id ? -1 : 1));
    body.append(el("h3", null, "关系（" + rels.length + "）"));
    const ul = el("ul", "relations");
    for (const e of rels) {
      const li = el("li");
      const head = el("div", "rel-head");
      head.append(e.from === n.id ? el("strong", null, n.label) : nodeLink(e.from), predBadge(e.predicate),
        e.to === n.id ? el("strong", null, n.label) : nodeLink(e.to));
      li.append(head, attrList(Object.entries(e.attrs).filter(([k]) => k !== "key")));
      for (const ev of e.evidence) {
        const q = el("blockquote", "evidence", ev.sentence);
        q.append(el("span", "source", "—— 《" + articleTitle(ev.article) + "》"));
        li.append(q);
      }
      ul.append(li);
    }
    body.append(ul);
    $("panel").hidden = false;
  }
  $("panel-close").addEventListener("click", () => select(null));

  // ---- tooltip --------------------------------------------------------------------------
  const tip = $("tooltip");
  function showTip(pointer, parts) {
    tip.replaceChildren(...parts);
    tip.hidden = false;
    const wrap = $("graph-wrap");
    const x = Math.min(pointer.x + 14, wrap.clientWidth - tip.offsetWidth - 4);
    const y = Math.min(pointer.y + 14, wrap.clientHeight - tip.offsetHeight - 4);
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = Math.max(0, y) + "px";
  }
  const hideTip = () => { tip.hidden = true; };
  network.on("hoverNode", (p) => {
    const n = nodeById.get(p.node);
    const parts = [el("div", "t-head", n.label), el("div", "t-sub", tinfo(n).zh + "（" + n.type + "）")];
    if (n.aliases.length) parts.push(el("div", null, "别名：" + n.aliases.join("、")));
    parts.push(el("div", "t-sub", "关系 " + n.degree + " · 提及 " + n.mentions));
    showTip(p.pointer.DOM, parts);
  });
  network.on("hoverEdge", (p) => {
    const e = edgeById.get(p.edge);
    const parts = [el("div", "t-head", e.predicate + " · " + pinfo(e.predicate).zh),
      el("div", null, nodeById.get(e.from).label + " → " + nodeById.get(e.to).label)];
    for (const [k, v] of Object.entries(e.attrs)) {
      if (k !== "key" && v !== null && !(Array.isArray(v) && !v.length)) parts.push(el("div", "t-sub", (ATTR_ZH[k] || k) + "：" + fmt(v)));
    }
    if (e.evidence.length) parts.push(el("div", null, short(e.evidence[0].sentence, 80)));
    showTip(p.pointer.DOM, parts);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach((ev) => network.on(ev, hideTip));

  // ---- search ---------------------------------------------------------------------------
  const searchIndex = DATA.nodes.map((n) => ({ n, keys: [n.label, ...n.aliases].map((s) => s.toLowerCase()) }));
  function findMatches(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const out = [];
    for (const { n, keys } of searchIndex) {
      let best = 9;
      let via = null;
      keys.forEach((k, i) => {
        const pos = k.indexOf(q);
        if (pos < 0) return;
        const score = (k === q ? 0 : pos === 0 ? 1 : 2) + (i ? 0.5 : 0);
        if (score < best) {
          best = score;
          via = i ? n.aliases[i - 1] : null;
        }
      });
      if (best < 9) out.push({ n, score: best, via });
    }
    return out.sort((a, b) => a.score - b.score || a.n.rank - b.n.rank);
  }
  const input = $("search");
  const results = $("search-results");
  let matches = [];
  let active = 0;
  function renderResults(typed) {
    results.replaceChildren();
    if (typed && input.value.trim() && !matches.length) results.append(el("li", "empty", "没有匹配的节点"));
    matches.slice(0, 50).forEach((m, i) => {
      const li = el("li", i === active ? "active" : "");
      li.setAttribute("role", "option");
      li.dataset.id = m.n.id;
      const b = el("button");
      b.type = "button";
      b.append(swatch(tinfo(m.n)), el("span", null, m.n.label),
        el("span", "sub", m.via ? "别名：" + short(m.via, 12) : tinfo(m.n).zh));
      b.addEventListener("click", () => choose(m.n.id));
      li.append(b);
      results.append(li);
    });
    if (matches.length > 50) results.append(el("li", "empty", "另有 " + (matches.length - 50) + " 个匹配，请输入更多字"));
  }
  function choose(id) {
    input.value = nodeById.get(id).label;
    matches = [];
    renderResults();
    select(id, { focus: true });
  }
  input.addEventListener("input", () => {
    matches = findMatches(input.value);
    active = 0;
    renderResults(true);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      active = Math.max(0, Math.min(Math.min(matches.length, 50) - 1, active + (ev.key === "ArrowDown" ? 1 : -1)));
      renderResults();
      ev.preventDefault();
    } else if (ev.key === "Enter" && matches.length) {
      choose(matches[active].n.id);
    } else if (ev.key === "Escape") {
      input.value = "";
      matches = [];
      renderResults();
    }
  });

  // ---- filters, legend and view controls ------------------------------------------------
  function filterList(target, items, hidden, key, makeSwatch, label, count) {
    const list = $(target);
    items.forEach((item, i) => {
      const li = el("li");
      const lab = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.index = String(i);
      box.addEventListener("change", () => {
        if (box.checked) hidden.delete(item[key]);
        else hidden.add(item[key]);
        refresh();
      });
      lab.title = item[key];
      lab.append(box, makeSwatch(item), el("span", null, label(item)), el("span", "en", item[key]), el("span", "count", count(item)));
      li.append(lab);
      list.append(li);
    });
  }
  const typeCount = new Map();
  DATA.nodes.forEach((n) => typeCount.set(n.type, (typeCount.get(n.type) || 0) + 1));
  const predCount = new Map();
  DATA.edges.forEach((e) => predCount.set(e.predicate, (predCount.get(e.predicate) || 0) + 1));
  filterList("type-filters", DATA.types, state.hiddenTypes, "type", swatch, (t) => t.zh, (t) => typeCount.get(t.type));
  filterList("predicate-filters", DATA.predicates, state.hiddenPreds, "predicate", (p) => {
    const s = el("span", "line");
    s.style.background = p.color;
    return s;
  }, (p) => p.zh, (p) => predCount.get(p.predicate));
  document.querySelectorAll(".toggle-all").forEach((button) => {
    button.addEventListener("click", () => {
      const boxes = [...document.querySelectorAll("#" + button.dataset.target + " input")];
      const on = boxes.some((b) => !b.checked);
      boxes.forEach((b) => {
        if (b.checked !== on) {
          b.checked = on;
          b.dispatchEvent(new Event("change"));
        }
      });
    });
  });
  document.querySelectorAll('input[name="mode"]').forEach((radio) => {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      setMode(radio.value);
      if (refresh() === false) network.fit({ animation: { duration: 300 } });
    });
  });
  $("fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));

  // ---- header ---------------------------------------------------------------------------
  const s = DATA.summary;
  $("title").textContent = DATA.title;
  $("summary").textContent = s.articles + " 篇文章 · " + s.entities + " 个实体 · " + s.relations + " 条关系"
    + (s.filings ? " · " + s.filings + " 条专利申请记录" : "");
  $("mode-top-label").textContent = "度数前 " + Math.min(DATA.maxNodes, DATA.nodes.length) + " 个节点";
  $("mode-all-label").textContent = "全部 " + DATA.nodes.length + " 个节点";
  $("view-count").textContent = "当前显示 " + nodesView.length + " / " + DATA.nodes.length + " 个节点，"
    + edgesView.length + " / " + DATA.edges.length + " 条关系";

  // A small read-only handle for tests and the console.
  window.kg = {
    network, select, findMatches: (q) => findMatches(q).map((m) => m.n.id),
    visibleNodes: () => [...shownIds], state: () => ({ mode: state.mode, selected: state.selected }),
  };
})();
