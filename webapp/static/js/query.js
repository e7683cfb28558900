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
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
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
  var pending = false;
  new MutationObserver(function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; retarget(host); });
  }).observe(host, { childList: true, subtree: true });

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
        requestConfig: { endpoint: config.endpoint } });
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
