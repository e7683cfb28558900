// Draw an entity's neighbourhood with Cytoscape.js from the page's JSON block; nodes open their pages.
(function () {
  "use strict";

  function localPath(iri) {
    var base = "https://w3id.org/kneekg/";
    if (iri.indexOf(base) === 0) { return "/" + iri.slice(base.length); }
    return "/resource?iri=" + encodeURIComponent(iri);
  }

  function draw() {
    var holder = document.getElementById("graph");
    var dataBlock = document.getElementById("graph-data");
    if (!holder || !dataBlock || typeof window.cytoscape !== "function") { return; }
    var data = JSON.parse(dataBlock.textContent);
    var elements = [];
    data.nodes.forEach(function (n) {
      elements.push({ group: "nodes", data: { id: n.id, label: n.label, url: localPath(n.id), centre: n.centre ? 1 : 0 } });
    });
    data.edges.forEach(function (e) {
      elements.push({ group: "edges", data: { id: e.id, source: e.source, target: e.target, label: e.label } });
    });
    holder.classList.add("ready");
    var cy = window.cytoscape({
      container: holder,
      elements: elements,
      minZoom: 0.3,
      maxZoom: 1.6,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 110,
          "background-color": "#0b5cad", "color": "#1d2430", "width": 14, "height": 14,
          "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "node[centre = 1]", style: { "background-color": "#c98a00", "width": 22, "height": 22, "font-weight": "bold" } },
        { selector: "edge", style: {
          "width": 1.2, "line-color": "#9bb7d4", "target-arrow-color": "#9bb7d4", "target-arrow-shape": "triangle",
          "curve-style": "bezier", "label": "data(label)", "font-size": 8, "color": "#5b6575",
          "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8 } }
      ],
      layout: { name: "concentric", concentric: function (node) { return node.data("centre") ? 2 : 1; },
                levelWidth: function () { return 1; }, minNodeSpacing: 28, animate: false }
    });
    cy.on("tap", "node", function (evt) {
      var url = evt.target.data("url");
      if (url) { window.location.assign(url); }
    });
    holder.setAttribute("data-nodes", String(data.nodes.length));
    window.kgGraph = cy;  // for tests and the curious
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
