"use strict";
// The page script of kg.network.page: draws the graph and the labels that fit,
// filters by class, link and source, searches, and shows a node's details.
// All text from the data reaches the page through textContent, canvas text or
// vis-network's plain-text tooltips, never as HTML.
(function () {
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var LABEL_PX = 12;        // on-screen font size of node labels, whatever the zoom
  var LABEL_CHARS = 32;     // longer labels are cut on the canvas (whole in the panel)
  var MAX_LABELS = 300;     // labels drawn at most per frame
  var byId = {};
  var adjacent = {};
  data.nodes.forEach(function (node) {
    node.name = node.label;  // vis-network draws no label: the page draws those that fit
    delete node.label;
    byId[node.id] = node;
    adjacent[node.id] = [];
  });
  data.edges.forEach(function (edge) {
    var lines = [edge.full || edge.label];
    var words = data.predicateNames[edge.p];
    if (words !== lines[0]) { lines.push(words); }
    if (edge.lh !== undefined) { lines.push("likelihood: " + edge.lh); }
    edge.title = lines.join("\n");
    adjacent[edge.from].push({other: edge.to, edge: edge, out: true});
    if (edge.to !== edge.from) { adjacent[edge.to].push({other: edge.from, edge: edge, out: false}); }
  });
  // Most important first: the size measure, then the order of the data.
  var importance = data.nodes.map(function (n) { return n.id; }).sort(function (a, b) {
    return (byId[b].size - byId[a].size) || (a - b);
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var view = {network: network, nodes: nodes, edges: edges, drawnAt: null, labels: [], scale: null};
  window.kgView = view;  // for the browser console (and the tests)
  if (data.physics) {
    // Settle once, then stop moving so large graphs stay responsive.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
    });
  }

  // ---- state: filters, focus, highlight -------------------------------------------
  var hiddenClass = {};
  var hiddenSource = {};
  var hiddenLink = {};
  var focusSet = null;      // ids shown by "focus here" / "expand", or null
  var lit = null;           // the inspected node's neighbourhood, or null
  var hidden = {};          // id -> true for the nodes hidden now

  function shown(node) {
    if (focusSet !== null) { return Boolean(focusSet[node.id]); }
    if (hiddenClass[node.group]) { return false; }
    if (!node.src) { return true; }
    for (var i = 0; i < node.src.length; i++) {
      if (!hiddenSource[node.src[i]]) { return true; }
    }
    return false;
  }
  function refilter() {
    var changes = [];
    nodes.forEach(function (node) {
      var hide = !shown(node);
      hidden[node.id] = hide;
      if (Boolean(node.hidden) !== hide) { changes.push({id: node.id, hidden: hide}); }
    });
    nodes.update(changes);
    var edgeChanges = [];
    edges.forEach(function (edge) {
      var hide = Boolean(hiddenLink[edge.p]);
      if (Boolean(edge.hidden) !== hide) { edgeChanges.push({id: edge.id, hidden: hide}); }
    });
    edges.update(edgeChanges);
  }
  function bindBoxes(selector, attribute, state, asNumber) {
    document.querySelectorAll(selector).forEach(function (box) {
      box.addEventListener("change", function () {
        var key = box.getAttribute(attribute);
        state[asNumber ? Number(key) : key] = !box.checked;
        refilter();
      });
    });
  }
  bindBoxes("#kg-legend input[data-cls]", "data-cls", hiddenClass, false);
  bindBoxes("#kg-legend input[data-src]", "data-src", hiddenSource, true);
  bindBoxes("#kg-legend input[data-p]", "data-p", hiddenLink, true);

  // Dim everything outside ``ids`` (null: nothing dimmed); only changed items are updated.
  var dimmed = {};
  var dimmedEdges = {};
  function dim(ids) {
    var changes = [];
    nodes.forEach(function (node) {
      var want = ids !== null && !ids[node.id];
      if (Boolean(dimmed[node.id]) !== want) {
        dimmed[node.id] = want;
        changes.push({id: node.id, opacity: want ? 0.18 : 1});
      }
    });
    nodes.update(changes);
    var edgeChanges = [];
    edges.forEach(function (edge) {
      var want = ids !== null && !(ids[edge.from] && ids[edge.to] && (lit.centre === edge.from || lit.centre === edge.to));
      if (Boolean(dimmedEdges[edge.id]) !== want) {
        dimmedEdges[edge.id] = want;
        edgeChanges.push({id: edge.id, color: {opacity: want ? 0.12 : 1}});
      }
    });
    edges.update(edgeChanges);
  }

  // ---- labels: the most important ones that fit, at LABEL_PX on screen --------------
  var widths = {};
  function shortText(node) {
    var text = node.full || node.name;
    return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1).trimEnd() + "…" : text;
  }
  function drawLabels(ctx) {
    var canvas = ctx.canvas;
    var width = canvas.clientWidth, height = canvas.clientHeight;
    if (!width || !height) { return; }
    var ratio = canvas.width / width;
    var scale = network.getScale();
    var cell = 64;
    var grid = {};
    var drawn = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#1f2933";
    var first = [];
    if (lit !== null) { first = Object.keys(lit.ids).map(Number); }
    var queue = first.concat(importance);
    var done = {};
    for (var k = 0; k < queue.length && drawn.length < MAX_LABELS; k++) {
      var id = queue[k];
      if (done[id] || hidden[id] || (lit !== null && !lit.ids[id])) { continue; }
      done[id] = true;
      var body = network.body.nodes[id];
      if (!body) { continue; }
      var at = network.canvasToDOM({x: body.x, y: body.y});
      var node = byId[id];
      var bold = node.focus || (lit !== null && lit.centre === id);
      ctx.font = (bold ? "600 " : "") + LABEL_PX + "px system-ui, sans-serif";
      var text = shortText(node);
      var key = id + (bold ? "b" : "");
      if (widths[key] === undefined) { widths[key] = ctx.measureText(text).width; }
      var w = widths[key] + 4, h = LABEL_PX + 3;
      var x0 = at.x - w / 2, y0 = at.y + node.size * scale + 2;
      if (x0 + w < 0 || x0 > width || y0 + h < 0 || y0 > height) { continue; }
      var gx0 = Math.floor(x0 / cell), gx1 = Math.floor((x0 + w) / cell);
      var gy0 = Math.floor(y0 / cell), gy1 = Math.floor((y0 + h) / cell);
      var clash = false;
      for (var gx = gx0; gx <= gx1 && !clash; gx++) {
        for (var gy = gy0; gy <= gy1 && !clash; gy++) {
          var boxes = grid[gx + "," + gy] || [];
          for (var b = 0; b < boxes.length; b++) {
            var o = boxes[b];
            if (x0 < o[0] + o[2] && o[0] < x0 + w && y0 < o[1] + o[3] && o[1] < y0 + h) {
              clash = true;
              break;
            }
          }
        }
      }
      if (clash) { continue; }
      for (gx = gx0; gx <= gx1; gx++) {
        for (gy = gy0; gy <= gy1; gy++) {
          (grid[gx + "," + gy] = grid[gx + "," + gy] || []).push([x0, y0, w, h]);
        }
      }
      ctx.strokeText(text, at.x, y0 + 1);
      ctx.fillText(text, at.x, y0 + 1);
      drawn.push({id: id, px: LABEL_PX});
    }
    ctx.restore();
    view.labels = drawn;
    view.scale = scale;
  }
  network.on("afterDrawing", drawLabels);
  network.once("afterDrawing", function () { view.drawnAt = performance.now(); });

  // ---- the details panel ---------------------------------------------------------
  var panel = document.getElementById("kg-panel");
  function el(tag, text, cls) {
    var element = document.createElement(tag);
    if (text !== undefined) { element.textContent = text; }
    if (cls) { element.className = cls; }
    return element;
  }
  function clear(element) { while (element.firstChild) { element.removeChild(element.firstChild); } }
  function words(node) { return node.kind || data.classes[node.group] || node.group; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function inspect(id) {
    var node = nodes.get(id);
    if (!node) { return false; }
    var ids = {};
    ids[id] = true;
    adjacent[id].forEach(function (a) { ids[a.other] = true; });
    lit = {centre: id, ids: ids};
    document.getElementById("kg-p-label").textContent = node.full || node.name;
    var summary = [words(node)];
    if (node.lh) { summary.push(node.lh); }
    if (node.src) { summary.push(plural(node.src.length, "source")); }
    if (node.named) { summary.push("named in " + plural(node.named, "passage")); }
    document.getElementById("kg-p-class").textContent = summary.join(" · ");

    var facts = document.getElementById("kg-p-facts");
    clear(facts);
    (node.facts || []).forEach(function (fact) {
      facts.appendChild(el("dt", fact[0]));
      facts.appendChild(el("dd", fact[1]));
    });

    var claims = document.getElementById("kg-p-claims");
    clear(claims);
    (node.ev || []).forEach(function (ev) {
      var item = el("li");
      item.appendChild(el("blockquote", ev[0]));
      var where = [];
      if (ev[1] !== null) { where.push(data.documents[ev[1]]); }
      if (ev[2] !== null) { where.push("line " + ev[2]); }
      if (node.lh) { where.push(node.lh); }
      if (node.hedge) { where.push("“" + node.hedge + "”"); }
      item.appendChild(el("p", where.join(" · "), "cite"));
      claims.appendChild(item);
    });
    document.getElementById("kg-p-claims-h").hidden = !(node.ev && node.ev.length);

    var links = document.getElementById("kg-p-links");
    clear(links);
    adjacent[id].forEach(function (a) {
      var other = byId[a.other];
      var item = el("li");
      var button = el("button", (a.out ? "→ " : "← ") + (a.edge.full || a.edge.label) + ": " +
                      (other.full || other.name) + " (" + words(other) + ")", "link");
      button.type = "button";
      button.addEventListener("click", function () { show(a.other); });
      item.appendChild(button);
      links.appendChild(item);
    });
    panel.hidden = false;
    network.selectNodes([id]);
    dim(ids);
    network.redraw();
    return true;
  }
  function show(id) {
    if (hidden[id]) { expandTo(id); }
    inspect(id);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: {duration: 300}});
  }
  function expandTo(id) {
    if (focusSet === null) { focusSet = {}; nodes.forEach(function (n) { if (!hidden[n.id]) { focusSet[n.id] = true; } }); }
    focusSet[id] = true;
    refilter();
  }
  function focusHere(id) {
    focusSet = {};
    focusSet[id] = true;
    adjacent[id].forEach(function (a) { focusSet[a.other] = true; });
    refilter();
    inspect(id);
    network.fit({nodes: Object.keys(focusSet).map(Number), animation: {duration: 300}});
  }
  function expand(id) {
    if (focusSet === null) { focusSet = {}; nodes.forEach(function (n) { if (!hidden[n.id]) { focusSet[n.id] = true; } }); }
    adjacent[id].forEach(function (a) { focusSet[a.other] = true; });
    focusSet[id] = true;
    refilter();
    inspect(id);
  }
  function reset() {
    panel.hidden = true;
    lit = null;
    focusSet = null;
    refilter();
    dim(null);
    network.unselectAll();
    network.redraw();
  }
  document.getElementById("kg-close").addEventListener("click", reset);
  document.getElementById("kg-focus").addEventListener("click", function () {
    if (lit !== null) { focusHere(lit.centre); }
  });
  document.getElementById("kg-expand").addEventListener("click", function () {
    if (lit !== null) { expand(lit.centre); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { reset(); }
  });
  network.on("click", function (params) {
    if (params.nodes.length) { inspect(params.nodes[0]); }
    else if (lit !== null) { panel.hidden = true; lit = null; dim(null); network.redraw(); }
  });
  view.inspect = inspect;
  view.focusHere = focusHere;
  view.expand = expand;
  view.reset = reset;

  // ---- search: select the visible nodes whose label contains the text, then focus them.
  var hits = document.getElementById("kg-hits");
  document.getElementById("kg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("kg-q").value.trim().toLowerCase();
    if (!query) { network.unselectAll(); hits.textContent = ""; return; }
    var found = nodes.getIds({filter: function (n) {
      return !n.hidden && (n.full || n.name).toLowerCase().indexOf(query) !== -1;
    }});
    network.selectNodes(found);
    hits.textContent = found.length + (found.length === 1 ? " match" : " matches");
    if (found.length === 1) {
      inspect(found[0]);
      network.focus(found[0], {scale: 1.2, animation: true});
    } else if (found.length > 1) {
      network.fit({nodes: found, animation: true});
    }
  });
  refilter();
})();
