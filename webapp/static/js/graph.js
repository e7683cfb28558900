// An entity's neighbourhood, drawn so people can read it: neighbours grouped by relation (one box per
// relation and direction), laid out by fCoSE (cytoscape-fcose, for compound graphs), labels inside
// their nodes so they never overlap. A click on a neighbour expands it (its own neighbours, from the
// named query "neighbourhood"), a second click folds it again; the "Open … page" link under the graph
// opens the selected entity. On a phone, and for keyboard and screen-reader users, the same groups as
// a list: the canvas is an image with a name, and the Graph/List switch comes first.
(function () {
  "use strict";

  var BASE = "https://w3id.org/kneekg/";
  var PHONE = "(max-width: 599px)";
  var FONT = "13px system-ui, -apple-system, 'Segoe UI', sans-serif";
  var LINE = 16, PAD = 8, MAX_TEXT = 140;
  var MIN_ZOOM_TO_READ = 0.85;  // below this, grow the canvas instead of shrinking the labels
  var MAX_HEIGHT = 1400, MIN_HEIGHT = 260;
  var MAX_ZOOM = 1.2;
  var EXPAND_MAX = 12;  // new neighbours added by one click
  var MAX_TRIES = 6;  // layout seeds to try for a drawing without overlaps

  function localPath(iri) {
    if (iri.indexOf(BASE) === 0) { return "/" + iri.slice(BASE.length); }
    return "/resource?iri=" + encodeURIComponent(iri);
  }

  // Word-wrap a label to MAX_TEXT pixels, as Cytoscape will draw it, to size the node around it.
  var measure = (function () {
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = FONT;
    return function (label) {
      var words = String(label).split(/\s+/), lines = [], line = "";
      words.forEach(function (word) {
        var next = line ? line + " " + word : word;
        if (line && ctx.measureText(next).width > MAX_TEXT) { lines.push(line); line = word; } else { line = next; }
      });
      if (line) { lines.push(line); }
      var width = Math.max.apply(null, lines.map(function (l) { return ctx.measureText(l).width; }));
      return { w: Math.ceil(Math.min(width, MAX_TEXT)) + 2 * PAD, h: lines.length * LINE + 2 * PAD };
    };
  })();

  // The page's graph data (nodes; edges source → target with a relation label) as groups by relation.
  function groupsOf(data) {
    var centre = data.nodes.filter(function (n) { return n.centre; })[0];
    var labels = {};
    data.nodes.forEach(function (n) { labels[n.id] = n.label; });
    var groups = {}, order = [];
    data.edges.forEach(function (e) {
      var out = e.source === centre.id;
      var other = out ? e.target : e.source;
      var key = (out ? "out " : "in ") + e.label;
      var words = e.phrase || e.label;  // the relation as a predicate: "is a side effect of"
      if (!groups[key]) {
        groups[key] = { key: key, out: out, relation: e.label, members: [],
                        title: out ? centre.label + " " + words + " …" : "… " + words + " " + centre.label };
        order.push(key);
      }
      if (groups[key].members.every(function (m) { return m.id !== other; })) {
        groups[key].members.push({ id: other, label: labels[other] || other });
      }
    });
    var list = order.map(function (k) { return groups[k]; });
    list.forEach(function (g) { g.members.sort(function (a, b) { return a.label.localeCompare(b.label); }); });
    // Bigger groups first (what the article says most about), then by relation name.
    list.sort(function (a, b) { return b.members.length - a.members.length || a.title.localeCompare(b.title); });
    return { centre: centre, groups: list };
  }

  function buildList(holder, model) {
    var outer = document.createElement("ul");
    outer.className = "graph-groups";
    model.groups.forEach(function (g) {
      var item = document.createElement("li");
      var title = document.createElement("span");
      title.className = "group-title";
      title.textContent = g.title + " (" + g.members.length + ")";
      item.appendChild(title);
      var inner = document.createElement("ul");
      g.members.forEach(function (m) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = localPath(m.id);
        a.textContent = m.label;
        li.appendChild(a);
        inner.appendChild(li);
      });
      item.appendChild(inner);
      outer.appendChild(item);
    });
    holder.textContent = "";
    holder.appendChild(outer);
  }

  function node(id, iri, label, extra) {
    var size = measure(label);
    var data = { id: id, iri: iri, label: label, url: localPath(iri), centre: 0, w: size.w, h: size.h };
    Object.keys(extra || {}).forEach(function (k) { data[k] = extra[k]; });
    return { group: "nodes", data: data };
  }

  function elementsOf(model) {
    var c = model.centre;
    var elements = [node(c.id, c.id, c.label, { centre: 1 })];
    model.groups.forEach(function (g, i) {
      var box = "group-" + i;
      elements.push({ group: "nodes", data: { id: box, label: g.title, box: 1 } });
      g.members.forEach(function (m) {
        elements.push(node(box + " " + m.id, m.id, m.label, { parent: box }));
      });
      elements.push({ group: "edges", data: { id: "link-" + i, source: g.out ? c.id : box, target: g.out ? box : c.id } });
    });
    return elements;
  }

  var STYLE = [
    { selector: "node", style: {
      "shape": "round-rectangle", "width": "data(w)", "height": "data(h)",
      "background-color": "#dcebfa", "border-width": 1, "border-color": "#7fa6cf",
      "label": "data(label)", "font-family": "system-ui, -apple-system, 'Segoe UI', sans-serif", "font-size": 13,
      "color": "#1d2430", "text-wrap": "wrap", "text-max-width": MAX_TEXT, "text-valign": "center",
      "text-halign": "center", "line-height": LINE / 13 } },
    { selector: "node[centre = 1]", style: {
      "background-color": "#0b5cad", "border-color": "#0b3d73", "color": "#fff", "font-weight": "bold" } },
    { selector: "node[?expanded]", style: { "border-width": 3, "border-color": "#c98a00" } },
    { selector: "node[?added]", style: { "background-color": "#fff", "border-style": "dashed" } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#c98a00", "overlay-opacity": 0 } },
    { selector: "node[?box]", style: {
      "shape": "round-rectangle", "background-color": "#f6f8fb", "border-color": "#c9d3de", "border-width": 1,
      "label": "data(label)", "text-valign": "top", "text-halign": "center",
      "font-size": 12, "font-weight": "bold", "color": "#3d4757", "text-wrap": "wrap", "text-max-width": 260,
      "padding": 10 } },
    { selector: "edge", style: {
      "width": 1.5, "line-color": "#9bb7d4", "target-arrow-color": "#7fa6cf", "target-arrow-shape": "triangle",
      "curve-style": "bezier" } },
    { selector: "edge[label]", style: {
      "label": "data(label)", "font-size": 11, "color": "#3d4757", "text-rotation": "autorotate",
      "text-background-color": "#fff", "text-background-opacity": 0.9, "text-background-padding": 2 } }
  ];

  function layout(cy, randomize) {
    return cy.layout({
      name: typeof window.cytoscapeFcose === "function" ? "fcose" : "concentric",
      quality: "proof", randomize: randomize, animate: !randomize, animationDuration: 400, fit: false,
      nodeDimensionsIncludeLabels: true, packComponents: true, nodeRepulsion: 9000, idealEdgeLength: 80,
      nestingFactor: 0.6, gravityCompound: 1.2, tilingPaddingVertical: 12, tilingPaddingHorizontal: 12
    });
  }

  // Math.random as a small seeded generator (mulberry32) while fn runs.
  function seeded(seed, fn) {
    var saved = Math.random, state = seed >>> 0;
    Math.random = function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    try { fn(); } finally { Math.random = saved; }
  }

  // What must not overlap: each entity with its label, each group's title (drawn above its box), each box.
  function overlaps(cy) {
    var items = [];
    cy.nodes("[!box]").forEach(function (n) {
      items.push({ name: n.data("label"), bb: n.boundingBox({ includeLabels: true }), parent: n.parent().id() });
    });
    cy.nodes("[?box]").forEach(function (n) {
      var r = n._private.rstyle, all = n.boundingBox({ includeLabels: true }), body = n.boundingBox({ includeLabels: false });
      items.push({ name: "title " + n.data("label"), self: n.id(),
                   bb: { x1: (body.x1 + body.x2 - r.labelWidth) / 2, x2: (body.x1 + body.x2 + r.labelWidth) / 2, y1: all.y1, y2: body.y1 } });
      items.push({ name: "box " + n.data("label"), self: n.id(), box: true, bb: body });
    });
    var found = [];
    for (var i = 0; i < items.length; i++) {
      for (var j = i + 1; j < items.length; j++) {
        var a = items[i], b = items[j];
        if ((a.self && a.self === b.self) || (a.box && b.parent === a.self) || (b.box && a.parent === b.self)) { continue; }
        if (a.bb.x1 < b.bb.x2 && b.bb.x1 < a.bb.x2 && a.bb.y1 < b.bb.y2 && b.bb.y1 < a.bb.y2) { found.push(a.name + " / " + b.name); }
      }
    }
    return found;
  }

  // Fit the drawing; if that makes labels too small to read, make the canvas taller instead.
  function fitReadable(cy, holder) {
    cy.fit(undefined, 24);
    if (cy.zoom() < MIN_ZOOM_TO_READ && holder.offsetHeight < MAX_HEIGHT) {
      var height = Math.min(MAX_HEIGHT, Math.ceil(holder.offsetHeight * MIN_ZOOM_TO_READ / cy.zoom()));
      holder.style.height = height + "px";
      cy.resize();
      cy.fit(undefined, 24);
    }
    if (cy.zoom() > MAX_ZOOM) {
      // A small neighbourhood: draw it at a comfortable size and give back the empty height.
      var box = cy.elements().boundingBox();
      holder.style.height = Math.max(MIN_HEIGHT, Math.ceil(box.h * MAX_ZOOM + 60)) + "px";
      cy.resize();
      cy.zoom(MAX_ZOOM);
      cy.center();
    }
  }

  function draw(section, model) {
    var holder = section.querySelector("#graph");
    var status = section.querySelector(".graph-status");
    var open = section.querySelector(".graph-open");
    holder.classList.add("ready");
    var cy = window.cytoscape({
      container: holder, elements: elementsOf(model), style: STYLE,
      minZoom: 0.3, maxZoom: 2, wheelSensitivity: 0.3, boxSelectionEnabled: false, autoungrabify: false
    });
    status.textContent = "A click on an entity shows its own neighbours (a second click folds them); the link here then opens its page.";
    // fCoSE starts from random positions: seed them, so a page draws the same picture on every visit,
    // and take the next seed in the rare case a run leaves two boxes or labels overlapping.
    for (var seed = 1; seed <= MAX_TRIES; seed++) {
      seeded(seed, function () { layout(cy, true).run(); });
      if (!overlaps(cy).length) { break; }
    }
    fitReadable(cy, holder);
    cy.nodes("[?box]").unselectify();
    holder.setAttribute("data-laid-out", String(seed));

    var expanded = {};  // node id → ids of the elements its expansion added

    function say(text) { status.textContent = text; }

    function choose(n) {
      cy.nodes().unselect();
      n.select();
      open.hidden = false;
      open.href = n.data("url");
      open.textContent = "Open the page of " + n.data("label");
    }

    function fold(n) {
      cy.remove(cy.collection(expanded[n.id()].map(function (id) { return cy.getElementById(id); }))
        .filter(function (el) { return el.isEdge() || el.connectedEdges().length <= 1; }));
      delete expanded[n.id()];
      n.data("expanded", false);
      say(n.data("label") + " folded.");
    }

    function expand(n) {
      var iri = n.data("iri");
      say("Loading the neighbours of " + n.data("label") + "…");
      fetch("/api/queries/neighbourhood?entity=" + encodeURIComponent(iri), { headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (answer) {
          // Every relation has its inverse in the graph, so the outgoing rows name every neighbour.
          var byNeighbour = {}, order = [];
          answer.rows.forEach(function (row) {
            if (row.direction.value !== "out") { return; }
            var other = row.neighbour.value;
            if (other === model.centre.id || other === iri) { return; }
            if (!byNeighbour[other]) { byNeighbour[other] = { label: row.neighbourLabel.value, relations: [] }; order.push(other); }
            if (byNeighbour[other].relations.indexOf(row.relationLabel.value) < 0) {
              byNeighbour[other].relations.push(row.relationLabel.value);
            }
          });
          var added = [], shown = 0, fresh = 0;
          var origin = n.position();
          order.forEach(function (other) {
            var existing = cy.nodes().filter(function (m) { return m.data("iri") === other; });
            var target;
            if (existing.length) {
              target = existing[0].id();
            } else {
              fresh += 1;
              if (shown >= EXPAND_MAX) { return; }
              target = "added " + iri + " " + other;
              var el = node(target, other, byNeighbour[other].label, { added: 1 });
              el.position = { x: origin.x + (Math.random() - 0.5) * 60, y: origin.y + (Math.random() - 0.5) * 60 };
              cy.add(el);
              added.push(target);
              shown += 1;
            }
            var edgeId = "edge " + n.id() + " " + target;
            if (!cy.getElementById(edgeId).length) {
              cy.add({ group: "edges", data: { id: edgeId, source: n.id(), target: target, label: byNeighbour[other].relations.join(", ") } });
              added.push(edgeId);
            }
          });
          expanded[n.id()] = added;
          n.data("expanded", true);
          say(n.data("label") + ": " + order.length + " neighbour" + (order.length === 1 ? "" : "s") + " besides this page's entity" +
              (fresh > shown ? ", the first " + shown + " new ones shown (its page lists all)" : "") + ". Click it again to fold.");
          var again = layout(cy, false);
          holder.setAttribute("data-busy", "");
          again.one("layoutstop", function () { fitReadable(cy, holder); holder.removeAttribute("data-busy"); });
          seeded(1, function () { again.run(); });
        })
        .catch(function () { say("Could not load the neighbours of " + n.data("label") + "."); });
    }

    cy.on("tap", "node", function (evt) {
      var n = evt.target;
      if (n.data("box")) { return; }
      choose(n);
      if (n.data("centre")) { say(n.data("label") + " is this page's entity."); return; }
      if (expanded[n.id()]) { fold(n); } else { expand(n); }
    });
    holder.setAttribute("data-nodes", String(cy.nodes("[!box]").length));
    window.kgGraph = cy;  // for tests and the curious
    window.kgGraphOverlaps = function () { return overlaps(cy); };
    return cy;
  }

  function init() {
    var section = document.querySelector("section.neighbourhood");
    var dataBlock = document.getElementById("graph-data");
    if (!section || !dataBlock) { return; }
    var data = JSON.parse(dataBlock.textContent);
    if (!data.nodes.length || !data.edges.length) { return; }
    var model = groupsOf(data);
    var listHolder = section.querySelector("#graph-list");
    var holder = section.querySelector("#graph");
    var tools = section.querySelector(".graph-tools");
    buildList(listHolder, model);
    var buttons = section.querySelectorAll(".graph-view button");
    var canDraw = typeof window.cytoscape === "function";
    if (canDraw && typeof window.cytoscapeFcose === "function") { window.cytoscape.use(window.cytoscapeFcose); }
    var cy = null;

    function show(view) {
      var list = view === "list" || !canDraw;
      listHolder.hidden = !list;
      holder.hidden = list;
      section.querySelector(".graph-below").hidden = list;
      Array.prototype.forEach.call(buttons, function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-view") === (list ? "list" : "graph"))); });
      if (!list && !cy) { cy = draw(section, model); }
      if (!list && cy) { cy.resize(); }
    }

    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener("click", function () { show(b.getAttribute("data-view")); });
    });
    var phone = window.matchMedia(PHONE);
    tools.hidden = false;
    section.classList.toggle("phone", phone.matches);
    show(phone.matches ? "list" : "graph");
    phone.addEventListener("change", function (evt) {
      section.classList.toggle("phone", evt.matches);
      if (evt.matches) { show("list"); }
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
