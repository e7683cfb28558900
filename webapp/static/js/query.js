/* The query editor: YASGUI on this app's /sparql, named queries as ready tabs, IRIs opening local pages.
   Loaded as a file (the Content-Security-Policy allows no inline script); its data comes from the
   JSON block #query-config that the server renders. */
(function () {
  "use strict";
  var configEl = document.getElementById("query-config");
  var host = document.getElementById("yasgui");
  if (!configEl || !host || typeof Yasgui === "undefined") { return; }
  var config = JSON.parse(configEl.textContent);
  var base = config.base;
  // YASGUI needs an absolute endpoint: its error renderer calls `new URL(endpoint)`, which throws on the
  // relative "/sparql" and hides the server's 400 message (line and column) behind a TypeError.
  var endpoint = new URL(config.endpoint, window.location.href).href;

  function prefixBlock() {
    return Object.keys(config.prefixes).sort().map(function (p) {
      return "PREFIX " + p + ": <" + config.prefixes[p] + ">";
    }).join("\n");
  }

  var defaultQuery = prefixBlock() + "\n\nSELECT ?entity ?label ?type WHERE {\n" +
    "  ?entity skos:prefLabel ?label ; a ?type .\n  FILTER(STRSTARTS(STR(?type), STR(kgo:)))\n}\nORDER BY ?label\nLIMIT 50\n";

  // Only autocompleters that need no outside server (the CSP blocks other origins anyway).
  var yasqeDefaults = Yasgui.Yasqe && Yasgui.Yasqe.defaults ? Yasgui.Yasqe.defaults : {};
  var completers = (yasqeDefaults.autocompleters || []).filter(function (name) { return name === "variables"; });

  var yasgui = new Yasgui(host, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "kneekg-yasgui",
    yasqe: { value: defaultQuery, autocompleters: completers },
    yasr: { prefixes: config.prefixes }
  });

  function localPath(iri) {
    return iri.indexOf(base) === 0 ? "/" + iri.slice(base.length) : null;
  }

  // Result IRIs under the graph's base open the app's own page for them: rewrite each link as YASR
  // draws it (so a click, a middle-click or the keyboard all open the local page).
  function retarget(root) {
    var links = root.querySelectorAll ? root.querySelectorAll("a[href^='" + base + "']") : [];
    Array.prototype.forEach.call(links, function (link) {
      var path = localPath(link.getAttribute("href"));
      if (path) {
        link.setAttribute("href", path);
        link.setAttribute("title", link.getAttribute("title") || "open this entity's page");
        link.removeAttribute("target");
      }
    });
  }

  // YASGUI draws controls without names and a tab list that holds a button; name them, and make the
  // scrolling areas reachable by keyboard (WCAG 4.1.2, 2.1.1). Runs after every redraw; idempotent.
  function name(el, text) {
    if (el && !el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby")) { el.setAttribute("aria-label", text); }
  }
  function each(root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }
  function repair(root) {
    each(root, ".tabsList", function (tabs) {
      name(tabs, "Query tabs");
      // A tablist may own tabs only: the "add a tab" button goes just after the list (its empty
      // wrapper stays in place, YASGUI inserts new tabs before it).
      var add = tabs.querySelector("button.addTab");
      if (add) { tabs.parentNode.insertBefore(add, tabs.nextSibling); }
      if (!tabs.hasAttribute("data-keys")) {
        // Left and right arrows move between the tabs alone (YASGUI's own handler counts the wrapper).
        tabs.setAttribute("data-keys", "");
        tabs.addEventListener("keydown", function (evt) {
          if (evt.key !== "ArrowLeft" && evt.key !== "ArrowRight") { return; }
          var all = Array.prototype.slice.call(tabs.querySelectorAll("[role=tab]"));
          var at = all.indexOf(document.activeElement);
          if (at < 0) { return; }
          evt.preventDefault();
          evt.stopImmediatePropagation();
          var next = all[(at + (evt.key === "ArrowRight" ? 1 : -1) + all.length) % all.length];
          all.forEach(function (tab) { tab.setAttribute("tabindex", tab === next || tab.getAttribute("aria-selected") === "true" ? "0" : "-1"); });
          next.focus();
        }, true);
      }
    });
    each(root, ".tabsList [role=tab] input", function (input) { name(input, "Tab name"); });
    each(root, ".controlbar input.autocomplete", function (input) { name(input, "SPARQL endpoint"); });
    each(root, ".controlbar .clearEndpointBtn", function (button) { name(button, "Clear the endpoint"); });
    each(root, ".tabMenu select", function (select) {
      var label = select.parentNode.querySelector("label");
      name(select, "Accept header for " + (label ? label.textContent : "results"));
    });
    each(root, ".tabMenu .textSetting", function (setting) {
      var label = setting.querySelector("label");
      each(setting, "input", function (input, i) {
        name(input, (label ? label.textContent : "Setting") + (i % 2 ? " value" : " name"));
      });
    });
    each(root, ".yasqe .CodeMirror textarea", function (area) { name(area, "SPARQL query"); });
    each(root, ".yasqe .CodeMirror-scroll", function (scroller) {
      scroller.setAttribute("tabindex", "0");
      scroller.setAttribute("role", "region");
      name(scroller, "Query text (scrolls)");
    });
    each(root, ".yasr select", function (select) { name(select, select.classList.contains("tableSizer") ? "Rows per page" : "Option"); });
    each(root, ".yasr input:not([type=hidden])", function (input) { name(input, input.type === "search" ? "Filter the results" : "Option"); });
    each(root, ".yasr table thead th", function (th) {
      if (!th.textContent.trim() && !th.querySelector(".visually-hidden")) {
        var span = document.createElement("span");
        span.className = "visually-hidden";
        span.textContent = "Row";
        th.appendChild(span);
      }
    });
    each(root, ".yasr_results, .yasr .CodeMirror-scroll, .yasr .dt-scroll-body", function (region) {
      if (!region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
        region.setAttribute("role", "region");
        name(region, "Query results");
      }
    });
  }

  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; retarget(host); repair(host); });
  }).observe(host, { childList: true, subtree: true });
  repair(host);

  // A tab kept from an earlier visit (localStorage) may still hold the relative endpoint.
  (yasgui.persistentConfig && yasgui.persistentConfig.getTabs ? yasgui.persistentConfig.getTabs() : []).forEach(function (id) {
    var tab = yasgui.getTab(id);
    if (tab && tab.getEndpoint && tab.getEndpoint() !== endpoint) { tab.setEndpoint(endpoint); }
  });

  function findTab(name) {
    var tabs = yasgui.persistentConfig && yasgui.persistentConfig.getTabs ? yasgui.persistentConfig.getTabs() : [];
    for (var i = 0; i < tabs.length; i++) {
      var tab = yasgui.getTab(tabs[i]);
      if (tab && tab.getName && tab.getName() === name) { return tab; }
    }
    return null;
  }

  function openQuery(name, text, run) {
    var tab = name ? findTab(name) : null;
    if (!tab) {
      tab = yasgui.addTab(true, { name: name || "Query", yasqe: { value: text },
        requestConfig: { endpoint: endpoint } });
    }
    yasgui.selectTabId(tab.getId());
    tab.setQuery(text);
    if (run) { tab.query(); }
    return tab;
  }

  var byName = {};
  config.examples.forEach(function (example) { byName[example.name] = example; });
  Array.prototype.forEach.call(document.querySelectorAll("button.example"), function (button) {
    button.addEventListener("click", function () {
      var example = byName[button.getAttribute("data-name")];
      if (example) { openQuery(example.summary, example.query, true); }
    });
  });

  if (config.initial) {
    var summary = config.initialName && byName[config.initialName] ? byName[config.initialName].summary : "Linked query";
    openQuery(summary, config.initial, true);
  }
})();
