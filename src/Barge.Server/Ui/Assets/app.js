// Barge UI: live fragment swapping over SSE and drag-and-drop promote. No dependencies.
(function () {
  "use strict";

  // Every element with data-live="<url>" listens to that SSE stream; each "fragment" event carries
  // HTML whose root element has an id: the element with that id is replaced in place. A fragment for
  // an element the page does not show is appended, unless the container is data-live-replace-only
  // (the project page: a card or lane filtered out stays out). Fresh fragments get the drag handlers.
  function live(container) {
    var source = new EventSource(container.getAttribute("data-live"));
    var replaceOnly = container.hasAttribute("data-live-replace-only");
    source.addEventListener("fragment", function (event) {
      var template = document.createElement("template");
      template.innerHTML = event.data.trim();
      var fresh = template.content.firstElementChild;
      if (!fresh || !fresh.id) { return; }
      var old = document.getElementById(fresh.id);
      if (!old && replaceOnly) { return; }
      dragAndDrop(template.content);
      if (old) { old.replaceWith(fresh); } else { container.appendChild(fresh); }
    });
    // The server can no longer patch this page (its changes were compacted away): show it afresh.
    source.addEventListener("stale", function () {
      source.close();
      window.location.reload();
    });
  }

  // Freight chips are draggable onto Stage cards; a drop opens the review page, as the Promote buttons do.
  function dragAndDrop(root) {
    var drop = document.getElementById("promote-drop");
    if (!drop) { return; }
    root = root && root.querySelectorAll ? root : document;
    root.querySelectorAll("[data-freight][draggable=true]").forEach(function (chip) {
      chip.addEventListener("dragstart", function (event) {
        event.dataTransfer.setData("text/plain", chip.getAttribute("data-freight"));
        event.dataTransfer.effectAllowed = "move";
      });
    });
    root.querySelectorAll("[data-stage]").forEach(function (card) {
      card.addEventListener("dragover", function (event) { event.preventDefault(); card.classList.add("target"); });
      card.addEventListener("dragleave", function () { card.classList.remove("target"); });
      card.addEventListener("drop", function (event) {
        event.preventDefault();
        card.classList.remove("target");
        var freight = event.dataTransfer.getData("text/plain");
        var stage = card.getAttribute("data-stage");
        if (!freight) { return; }
        var form = document.createElement("form");
        form.method = "get"; // the review page (dry run) confirms, as the Promote buttons
        form.action = drop.getAttribute("data-action").replace("{stage}", encodeURIComponent(stage));
        [["freight", freight]].forEach(function (pair) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = pair[0];
          input.value = pair[1];
          form.appendChild(input);
        });
        document.body.appendChild(form);
        form.submit();
      });
    });
  }

  document.addEventListener("DOMContentLoaded", dragAndDrop);
  // Streams open after the load event: a stream opened while the page loads can hold the load event
  // (and the browser's busy indicator) open for as long as it runs.
  window.addEventListener("load", function () {
    document.querySelectorAll("[data-live]").forEach(live);
  });
})();
