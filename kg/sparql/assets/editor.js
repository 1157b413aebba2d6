// The query page's editor: YASGUI (bundled, offline) on this endpoint, with the saved questions as examples.
(function () {
  "use strict";
  var host = document.getElementById("yasgui");
  var endpoint = host.getAttribute("data-endpoint");
  var questions = JSON.parse(document.getElementById("kg-questions").textContent);
  // Only the autocompleter that needs no network: the others ask prefix.cc and LOV online. Set on the
  // defaults, because YASGUI adds a tab's own list to them rather than replacing them.
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  var yasgui = new Yasgui(host, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
  });
  var select = document.getElementById("examples");
  function show(index) {
    var question = questions[index];
    if (question) yasgui.getTab().setQuery(question.query);
  }
  select.addEventListener("change", function () { show(select.selectedIndex); });
  show(0);
  window.kgEditor = yasgui;
})();
