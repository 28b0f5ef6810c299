"use strict";
// The page script of kg.viz: draws the graph, filters by class and source, searches.
// All text from the data reaches the page through textContent or vis-network's
// plain-text labels and tooltips, never as HTML.
(function () {
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  data.edges.forEach(function (edge) {
    var lines = [edge.full || edge.label, data.predicates[edge.p]];
    if (edge.lh !== undefined) { lines.push("likelihood: " + edge.lh); }
    edge.title = lines.join("\n");
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("kg-network"),
                                {nodes: nodes, edges: edges}, data.options);
  var view = {network: network, nodes: nodes, edges: edges, drawnAt: null};
  window.kgView = view;  // for the browser console (and the tests)
  network.once("afterDrawing", function () { view.drawnAt = performance.now(); });
  if (data.physics) {
    // Settle once, then stop moving so large graphs stay responsive.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
    });
  }

  // Filters: a node shows when its class is ticked and, if the data says which
  // documents state it, at least one of them is ticked.
  var hiddenClass = {};
  var hiddenSource = {};
  function shown(node) {
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
      var hidden = !shown(node);
      if (Boolean(node.hidden) !== hidden) { changes.push({id: node.id, hidden: hidden}); }
    });
    nodes.update(changes);
  }
  document.querySelectorAll("#kg-legend input[data-cls]").forEach(function (box) {
    box.addEventListener("change", function () {
      hiddenClass[box.getAttribute("data-cls")] = !box.checked;
      refilter();
    });
  });
  document.querySelectorAll("#kg-legend input[data-src]").forEach(function (box) {
    box.addEventListener("change", function () {
      hiddenSource[Number(box.getAttribute("data-src"))] = !box.checked;
      refilter();
    });
  });

  // Search: select the visible nodes whose label contains the text, then focus them.
  var hits = document.getElementById("kg-hits");
  document.getElementById("kg-search").addEventListener("submit", function (event) {
    event.preventDefault();
    var query = document.getElementById("kg-q").value.trim().toLowerCase();
    if (!query) { network.unselectAll(); hits.textContent = ""; return; }
    var found = nodes.getIds({filter: function (n) {
      return !n.hidden && (n.full || n.label).toLowerCase().indexOf(query) !== -1;
    }});
    network.selectNodes(found);
    hits.textContent = found.length + (found.length === 1 ? " match" : " matches");
    if (found.length === 1) {
      network.focus(found[0], {scale: 1.2, animation: true});
    } else if (found.length > 1) {
      network.fit({nodes: found, animation: true});
    }
  });
})();
