/* The map page: draws the graph with vis-network (physics off, positions precomputed in Python),
   and adds labels that never overlap, search, filters and an evidence panel.
   Every text from the data reaches the page through textContent or as a vis tooltip element:
   nothing is ever parsed as HTML. */
(function () {
  "use strict";

  var LABEL_PX = 12;
  var MAX_LABELS = 160;
  var LABEL_CHARS = 42;
  var MAX_NEIGHBOURS = 60;
  var MAX_RESULTS = 40; // search lists this many; the count above says how many match in all
  var MAX_FIT_ZOOM = 1.6; // a small map is enlarged to fill the view, up to this zoom
  var MAX_SELECT_ZOOM = 2.5; // a click zooms to the node and its neighbours, up to this zoom

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var container = document.getElementById("network");
  var panel = document.getElementById("panel");
  var kinds = {};
  data.kinds.forEach(function (k) { kinds[k.kind] = k; });
  var relations = {};
  data.relations.forEach(function (r) { relations[r.relation] = r; });
  var info = data.nodes;
  var byRank = info.slice().sort(function (a, b) { return a.rank - b.rank; }).map(function (n) { return n.id; });
  var where = info.map(function (n) { return { x: n.x, y: n.y }; });
  var hidden = info.map(function () { return false; });
  var state = { selected: null, labels: [], scale: null, dirty: true, near: null, community: false };
  var shownRelations = {};
  var kg = (window.kgMap = { data: data, firstDrawMs: null });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function kindName(kind) {
    return kinds[kind] ? kinds[kind].name : kind;
  }

  function short(label) {
    return label.length > LABEL_CHARS ? label.slice(0, LABEL_CHARS - 1) + "\u2026" : label;
  }

  function nodeTip(n) {
    var box = el("div");
    box.appendChild(el("strong", null, n.label));
    box.appendChild(el("div", "tip-kind", kindName(n.kind) + (n.info ? " \u00b7 " + n.info : "")));
    return box;
  }

  function relationNames(e) {
    return e.relations.map(function (r) { return relations[r] ? relations[r].name : r; }).join(", ");
  }

  function edgeTip(e) {
    var box = el("div");
    box.appendChild(el("strong", null, info[e.from].label + " \u2014 " + info[e.to].label));
    box.appendChild(el("div", "tip-kind", relationNames(e) + " \u00b7 click for evidence"));
    return box;
  }

  /* Looks: a node's colour is its kind's, or its community's; a faded node or line is one that is
     not next to the selection. */
  function nodeColour(n) {
    if (!state.community) return data.options.groups[n.kind].color;
    var fill = data.communities[n.community % data.communities.length];
    return { background: fill, border: "#333333", highlight: { background: fill, border: "#111111" }, hover: { background: fill, border: "#111111" } };
  }

  function edgeColour(e, faded) {
    var r = relations[e.relation] || { color: data.options.edges.color.color };
    return { color: r.color, highlight: r.color, hover: r.color, opacity: faded ? data.faded : 0.85 };
  }

  function isFaded(id) {
    return state.near !== null && !state.near[id];
  }

  if (typeof vis === "undefined") {
    container.appendChild(el("p", "empty", "The drawing library did not load."));
    return;
  }

  var nodes = new vis.DataSet(info.map(function (n) {
    return { id: n.id, x: n.x, y: n.y, size: n.size, group: n.kind, title: nodeTip(n) };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var r = relations[e.relation];
    return { id: e.id, from: e.from, to: e.to, width: e.width, title: edgeTip(e), color: edgeColour(e, false), dashes: r ? r.dashes : false };
  }));
  var network = new vis.Network(container, {}, data.options);
  network.once("afterDrawing", function () { kg.firstDrawMs = performance.now(); });
  network.setData({ nodes: nodes, edges: edges });
  network.fit({ maxZoomLevel: MAX_FIT_ZOOM });

  /* Labels: the most central visible nodes first, each kept only if its box on screen overlaps
     no label already kept; the selected node and its neighbours go first. */
  var measure = document.createElement("canvas").getContext("2d");
  measure.font = LABEL_PX + "px system-ui, sans-serif";
  var widths = {};

  function textWidth(id) {
    if (!(id in widths)) widths[id] = measure.measureText(short(info[id].label)).width;
    return widths[id];
  }

  function chooseLabels() {
    var scale = network.getScale();
    var view = network.getViewPosition();
    var w = container.clientWidth, h = container.clientHeight;
    var cell = 80, grid = {}, chosen = [];
    var first = state.selected === null ? [] : [state.selected].concat(network.getConnectedNodes(state.selected));
    var seen = {};
    var candidates = first.concat(byRank);
    for (var i = 0; i < candidates.length && chosen.length < MAX_LABELS; i++) {
      var id = candidates[i];
      if (seen[id] || hidden[id]) continue;
      seen[id] = true;
      var sx = (where[id].x - view.x) * scale + w / 2;
      var sy = (where[id].y - view.y) * scale + h / 2 + info[id].size * scale + 2;
      var half = textWidth(id) / 2 + 3;
      if (sx + half < 0 || sx - half > w || sy > h || sy + LABEL_PX < 0) continue;
      var box = [sx - half, sy, sx + half, sy + LABEL_PX + 3];
      if (collides(grid, cell, box)) continue;
      insert(grid, cell, box);
      chosen.push(id);
    }
    state.labels = chosen;
    state.scale = scale;
    state.dirty = false;
  }

  function cells(cell, box, visit) {
    for (var gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx++) {
      for (var gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy++) {
        if (visit(gx + "," + gy)) return true;
      }
    }
    return false;
  }

  function collides(grid, cell, box) {
    return cells(cell, box, function (key) {
      return (grid[key] || []).some(function (o) { return box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]; });
    });
  }

  function insert(grid, cell, box) {
    cells(cell, box, function (key) { (grid[key] = grid[key] || []).push(box); return false; });
  }

  network.on("beforeDrawing", function () {
    if (state.dirty || state.scale !== network.getScale()) chooseLabels();
  });

  network.on("afterDrawing", function (ctx) {
    var scale = network.getScale();
    ctx.save();
    ctx.font = LABEL_PX / scale + "px system-ui, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3 / scale;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.fillStyle = "#1f2328";
    state.labels.forEach(function (id) {
      var text = short(info[id].label);
      var y = where[id].y + info[id].size + 2 / scale;
      ctx.globalAlpha = isFaded(id) ? 0.2 : 1;
      ctx.strokeText(text, where[id].x, y);
      ctx.fillText(text, where[id].x, y);
    });
    ctx.restore();
  });

  function refresh() {
    state.dirty = true;
    network.redraw();
  }

  network.on("dragEnd", function (params) {
    var moved = network.getPositions(params.nodes);
    Object.keys(moved).forEach(function (id) { where[id] = moved[id]; });
    refresh();
  });
  network.on("resize", refresh);

  /* The evidence panel. */
  function section(title) {
    panel.appendChild(el("h3", null, title));
  }

  function chips(labels) {
    var box = el("div", "chips");
    labels.forEach(function (label) { box.appendChild(el("span", "chip", label)); });
    panel.appendChild(box);
  }

  function facts(rows) {
    var list = el("dl");
    rows.forEach(function (row) {
      list.appendChild(el("dt", null, row[0]));
      list.appendChild(el("dd", null, row[1]));
    });
    panel.appendChild(list);
  }

  function evidence(items, unquoted) {
    section("Evidence");
    if (!items.length) panel.appendChild(el("p", "empty", unquoted || "No quote recorded."));
    items.forEach(function (item) {
      panel.appendChild(el("blockquote", null, item.quote));
      var cite = el("p", "cite");
      if (item.article) cite.appendChild(el("span", "headline", item.article));
      var from = item.publication || item.source;
      if (from) cite.appendChild(el("span", "publication", (item.article ? " \u2014 " : "") + from));
      if (item.page) cite.appendChild(el("span", "page", ", p. " + item.page));
      if (!item.article && !from) cite.textContent = "source unknown";
      if (item.publication && item.source) cite.title = "source file: " + item.source;
      panel.appendChild(cite);
    });
  }

  function nodeLink(id) {
    var button = el("button", "link", info[id].label);
    button.type = "button";
    button.addEventListener("click", function () { select(id); });
    return button;
  }

  function swatch(kind) {
    var k = kinds[kind] || { color: "#999", border: "#666", shape: "dot" };
    var box = el("span", "swatch " + k.shape);
    box.style.background = k.color;
    box.style.borderColor = k.border;
    return box;
  }

  function showNode(id) {
    var n = info[id];
    clear(panel);
    var tag = el("div", "kind-tag");
    tag.appendChild(swatch(n.kind));
    tag.appendChild(el("span", null, kindName(n.kind)));
    panel.appendChild(tag);
    panel.appendChild(el("h2", null, n.label));
    if (n.info) panel.appendChild(el("p", null, n.info));
    evidence(n.evidence);  /* why the graph says so comes first; figures and filters after it */
    var near = network.getConnectedNodes(id).sort(function (a, b) { return info[a].rank - info[b].rank; });
    section("Connected (" + near.length + ")");
    near.slice(0, MAX_NEIGHBOURS).forEach(function (other) { panel.appendChild(nodeLink(other)); });
    if (near.length > MAX_NEIGHBOURS) panel.appendChild(el("p", "empty", (near.length - MAX_NEIGHBOURS) + " more"));
    var rows = [["links on this map", n.links], ["articles", n.articles], ["degree centrality", n.degree.toFixed(3)], ["betweenness", n.betweenness.toFixed(3)], ["community", n.community]];
    if (n.source) rows.unshift(["source file", n.source]);
    section("Figures");
    facts(rows);
    if (n.themes.length) { section("Theme filters that show it"); chips(n.themes.map(function (t) { return data.themes[t]; })); }
    if (n.organisations.length) { section("Organisation filters that show it"); chips(n.organisations.map(function (o) { return data.organisations[o]; })); }
    panel.appendChild(el("p", "iri", n.iri));
  }

  function showEdge(id) {
    var e = data.edges[id];
    clear(panel);
    panel.appendChild(el("div", "kind-tag", relationNames(e)));
    panel.appendChild(el("h2", null, info[e.from].label + " \u2014 " + info[e.to].label));
    facts([["weight", e.weight]]);
    evidence(e.evidence, relations[e.relation] && relations[e.relation].unquoted);
    section("Between");
    panel.appendChild(nodeLink(e.from));
    panel.appendChild(nodeLink(e.to));
  }

  function showHint() {
    clear(panel);
    panel.appendChild(el("p", "hint", "Click a node or a line to see its evidence quotes and the articles they come from."));
  }

  /* Emphasis: everything that is not in ``ids`` (or, for one node, next to it) fades; null fades nothing. */
  var nodeFaded = info.map(function () { return false; });
  var edgeFaded = data.edges.map(function () { return false; });

  function emphasise(ids) {
    var near = null, centre = ids !== null && ids.length === 1 ? ids[0] : null;
    if (ids !== null) {
      near = {};
      ids.forEach(function (id) { near[id] = true; });
      if (centre !== null) network.getConnectedNodes(centre).forEach(function (id) { near[id] = true; });
    }
    state.near = near;
    var nodeChanges = [], edgeChanges = [];
    info.forEach(function (n) {
      var faded = near !== null && !near[n.id];
      if (faded !== nodeFaded[n.id]) nodeChanges.push({ id: n.id, opacity: faded ? data.faded : 1 });
      nodeFaded[n.id] = faded;
    });
    data.edges.forEach(function (e) {
      var faded = near !== null && !(near[e.from] && near[e.to] && (centre === null || e.from === centre || e.to === centre));
      if (faded !== edgeFaded[e.id]) edgeChanges.push({ id: e.id, color: edgeColour(e, faded) });
      edgeFaded[e.id] = faded;
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    return near === null ? [] : Object.keys(near).map(Number);
  }

  function zoomTo(ids) {
    var shown = ids.filter(function (id) { return !hidden[id]; });
    if (shown.length) network.fit({ nodes: shown, maxZoomLevel: MAX_SELECT_ZOOM, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  }

  function select(id) {
    if (hidden[id]) resetFilters();
    state.selected = id;
    network.selectNodes([id]);
    zoomTo(emphasise([id]));
    showNode(id);
    refresh();
    try { window.history.replaceState(null, "", "#node=" + addressOf(id)); } catch (error) { /* some browsers refuse it for file:// pages */ }
  }

  function unselect() {
    state.selected = null;
    try { window.history.replaceState(null, "", window.location.pathname + window.location.search); } catch (error) { /* as in select */ }
    network.unselectAll();
    emphasise(null);
    showHint();
    refresh();
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      select(params.nodes[0]);
    } else if (params.edges.length) {
      var e = data.edges[params.edges[0]];
      state.selected = null;
      emphasise([e.from, e.to]);
      showEdge(e.id);
      refresh();
    } else {
      unselect();
    }
  });

  /* Filters: node kind (legend), theme, organisation. */
  var themeSelect = document.getElementById("theme");
  var organisationSelect = document.getElementById("organisation");
  var shownKinds = {};

  function fillSelect(menu, everything, labels) {
    menu.appendChild(el("option", null, everything + " (" + labels.length + ")")).value = "";
    labels.forEach(function (label, index) { menu.appendChild(el("option", null, label)).value = String(index); });
    menu.addEventListener("change", applyFilters);
  }

  data.kinds.forEach(function (k) {
    shownKinds[k.kind] = true;
    if (!k.count) return;
    var row = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { shownKinds[k.kind] = box.checked; applyFilters(); });
    row.appendChild(box);
    row.appendChild(swatch(k.kind));
    row.appendChild(el("span", null, k.name));
    row.appendChild(el("span", "count", k.count));
    document.getElementById("legend").appendChild(row);
  });
  /* Lines: one row per relation, coloured and dashed as drawn; unticking one hides its lines. */
  var edgeHidden = data.edges.map(function () { return false; });

  function applyRelations() {
    var changes = [];
    data.edges.forEach(function (e) {
      var hide = shownRelations[e.relation] === false;
      if (hide !== edgeHidden[e.id]) changes.push({ id: e.id, hidden: hide });
      edgeHidden[e.id] = hide;
    });
    edges.update(changes);
    refresh();
  }

  data.relations.forEach(function (r) {
    shownRelations[r.relation] = true;
    var row = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = r.relation;
    box.addEventListener("change", function () { shownRelations[r.relation] = box.checked; applyRelations(); });
    var line = el("span", "line-swatch");
    line.style.borderTopColor = r.color;
    line.style.borderTopStyle = r.dashes ? (r.dashes[0] <= 2 ? "dotted" : "dashed") : "solid";
    row.appendChild(box);
    row.appendChild(line);
    row.appendChild(el("span", null, r.name));
    row.appendChild(el("span", "count", r.count));
    document.getElementById("relations").appendChild(row);
  });

  var most = info.reduce(function (top, n) { return Math.max(top, n.links); }, 0);
  document.getElementById("size-note").textContent = "A node's area grows with its links on this map (largest: " + most + ").";

  var communityBox = document.getElementById("community");
  var communityCount = info.reduce(function (top, n) { return Math.max(top, n.community + 1); }, 0);
  communityBox.parentNode.appendChild(el("span", "count", communityCount));
  communityBox.addEventListener("change", function () {
    state.community = communityBox.checked;
    nodes.update(info.map(function (n) { return { id: n.id, color: nodeColour(n) }; }));
    refresh();
  });

  fillSelect(themeSelect, "All themes", data.themes);
  fillSelect(organisationSelect, "All organisations", data.organisations);

  function applyFilters() {
    var theme = themeSelect.value === "" ? null : Number(themeSelect.value);
    var organisation = organisationSelect.value === "" ? null : Number(organisationSelect.value);
    var changes = [], visible = [];
    info.forEach(function (n) {
      var hide = shownKinds[n.kind] === false ||
        (theme !== null && n.themes.indexOf(theme) < 0) ||
        (organisation !== null && n.organisations.indexOf(organisation) < 0);
      if (hide !== hidden[n.id]) changes.push({ id: n.id, hidden: hide });
      hidden[n.id] = hide;
      if (!hide) visible.push(n.id);
    });
    nodes.update(changes);
    if (state.selected !== null && hidden[state.selected]) { state.selected = null; network.unselectAll(); showHint(); }
    document.getElementById("status").textContent = "Showing " + visible.length + " of " + info.length + " nodes.";
    if (visible.length) network.fit({ nodes: visible, maxZoomLevel: MAX_FIT_ZOOM });
    refresh();
  }

  function resetFilters() {
    Object.keys(shownKinds).forEach(function (k) { shownKinds[k] = true; });
    Array.prototype.forEach.call(document.querySelectorAll("#legend input"), function (box) { box.checked = true; });
    themeSelect.value = "";
    organisationSelect.value = "";
    applyFilters();
  }

  document.getElementById("reset").addEventListener("click", function () {
    search.value = "";
    clear(results);
    unselect();
    resetFilters();
  });

  /* Search: visible nodes whose label contains the text, most central first. */
  var search = document.getElementById("search");
  var results = document.getElementById("results");

  /* Search: visible nodes whose name, aliases or description (roles, publication) hold the text,
     accents and case ignored ("danielle" finds "Daniëlle"); name matches first, then the most important. */
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var haystacks = info.map(function (n) { return [fold(n.label), fold(n.aliases.concat([n.info]).join(" \u00b7 "))]; });

  function matches(text) {
    var query = fold(text.trim()), named = [], described = [];
    if (!query) return named;
    byRank.forEach(function (id) {
      if (hidden[id]) return;
      if (haystacks[id][0].indexOf(query) >= 0) named.push(id);
      else if (haystacks[id][1].indexOf(query) >= 0) described.push(id);
    });
    return named.concat(described);
  }

  function matchedBy(id, query) {
    if (haystacks[id][0].indexOf(query) >= 0) return "";
    return info[id].aliases.concat([info[id].info]).filter(function (t) { return fold(t).indexOf(query) >= 0; })[0] || "";
  }

  search.addEventListener("input", function () {
    clear(results);
    var query = fold(search.value.trim()), found = matches(search.value);
    if (!query) return;
    results.appendChild(el("li", "count", found.length === 1 ? "1 match" : found.length + " matches"));
    found.slice(0, MAX_RESULTS).forEach(function (id) {
      var item = el("li");
      var button = nodeLink(id);
      button.appendChild(el("span", "kind", kindName(info[id].kind)));
      var why = matchedBy(id, query);
      if (why) button.appendChild(el("span", "kind", "\u00b7 " + why));
      item.appendChild(button);
      results.appendChild(item);
    });
    if (found.length > MAX_RESULTS) results.appendChild(el("li", "empty", (found.length - MAX_RESULTS) + " more: type more to narrow."));
    if (!found.length) results.appendChild(el("li", "empty", "No visible node matches."));
  });

  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = matches(search.value);
      if (found.length) select(found[0]);
    }
  });

  document.getElementById("status").textContent = "Showing " + info.length + " of " + info.length + " nodes.";
  if (data.focus !== null && data.focus !== undefined) {
    state.selected = data.focus;
    network.selectNodes([data.focus]);
    emphasise([data.focus]);
    showNode(data.focus);
  }
  /* Addresses: overview.html#node=organization/avans (the end of a node's IRI, or its name) opens the
     page with that node selected; selecting a node puts its address in the location bar. */
  function addressOf(id) {
    return info[id].iri.replace(/\/+$/, "").split("/").slice(-2).join("/");
  }

  function byAddress(key) {
    var folded = fold(key);
    for (var i = 0; i < info.length; i++) {
      if (info[i].iri === key || addressOf(i) === key) return i;
    }
    for (var j = 0; j < info.length; j++) {
      if (fold(info[j].label) === folded) return j;
    }
    return null;
  }

  function followAddress() {
    var found = /^#node=(.+)$/.exec(window.location.hash);
    if (!found) return;
    var key;
    try { key = decodeURIComponent(found[1]); } catch (error) { key = found[1]; }
    var id = byAddress(key);
    if (id === null) document.getElementById("status").textContent = "This map has no node \u201c" + key + "\u201d.";
    else select(id);
  }

  window.addEventListener("hashchange", followAddress);
  followAddress();

  kg.network = network;
  kg.nodes = nodes;
  kg.edges = edges;
  kg.showNode = showNode;
  kg.showEdge = showEdge;
  kg.select = select;
  kg.applyFilters = applyFilters;
  kg.labels = function () { return state.labels.slice(); };
})();
