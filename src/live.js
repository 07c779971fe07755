// Live reload for `prongsai serve`, loaded by every previewed page (never written to public/). A
// file, not an inline script, so the theme's Content-Security-Policy allows it.
// `window.prongsaiLive` says whether the reload connection is up (the browser test waits on it).
(function () {
  var version = document.currentScript.dataset.version;
  // The words of the to-do box, in the language the preview speaks (serve.ftl).
  var words = JSON.parse(document.currentScript.dataset.text || "{}");
  var box = document.getElementById("prongsai-error");
  if (box) {
    box.querySelector("button").addEventListener("click", function () {
      box.remove();
    });
  }
  // The clerk's OIT to-do list, over the checklist and item pages of the preview only: the
  // published pages never hold it (site.yaml `public_oit_todo: true` puts it there too).
  var oit = document.querySelector("[data-oit-year]");
  if (oit) {
    fetch("/__prongsai/notes.json").then(function (r) { return r.json(); }).then(function (all) {
      var notes = all[oit.dataset.oitYear];
      var code = oit.dataset.oitCode;
      if (!notes) return;
      var todo = notes.todo.filter(function (t) { return !code || t.code === code; });
      if (code && !todo.length) return;
      var el = function (tag, text, cls) {
        var e = document.createElement(tag);
        if (text) e.textContent = text;
        if (cls) e.className = cls;
        return e;
      };
      var box = el("section", null, "prongsai-notes");
      box.id = "prongsai-notes";
      box.setAttribute("aria-label", words.label);
      box.appendChild(el("p", words.title, "title"));
      if (!code) {
        box.appendChild(el("p", words.count.replace("%n", todo.length)));
      }
      var list = el("ul");
      todo.forEach(function (t) {
        var li = el("li");
        li.appendChild(el("b", t.code + " " + t.title));
        li.appendChild(el("span", " " + t.status_label + (t.verified ? "" : " " + words.unverified)));
        if (t.why) li.appendChild(el("span", t.why, "why"));
        if (t.requires.length) li.appendChild(el("span", words.requires + " " + t.requires.join("; "), "why"));
        list.appendChild(li);
      });
      box.appendChild(list);
      if (!code) {
        notes.caveats.forEach(function (c) { box.appendChild(el("p", c, "caveat")); });
      }
      oit.insertBefore(box, oit.firstChild);
      window.prongsaiNotes = todo.length;
    });
  }
  // What the server announced: this page's version, or a newer one, which means reload.
  function heard(data) {
    if (data !== version) {
      location.reload();
    } else {
      window.prongsaiLive = "connected";
    }
  }
  function connect(tell) {
    var source = new EventSource("/__prongsai/events");
    function on(e) {
      tell(e.data);
      if (e.data !== version) source.close();
      heard(e.data);
    }
    source.addEventListener("hello", on);
    source.addEventListener("reload", on);
    source.addEventListener("failed", on);
    source.onerror = function () {
      window.prongsaiLive = "reconnecting";
      source.close();
      setTimeout(function () {
        connect(tell);
      }, 1000);
    };
  }
  // One connection for all the preview's tabs: a browser opens at most six to one address over
  // HTTP/1.1, so with one each the seventh tab would never load. The tab holding the lock
  // listens and tells the others; when it closes, another takes the lock and listens. (Without
  // locks, outside a secure context such as a --bind address, each tab listens for itself.)
  if (!window.BroadcastChannel || !navigator.locks) {
    connect(function () {});
    return;
  }
  var channel = new BroadcastChannel("prongsai-live");
  var last = null;
  channel.onmessage = function (e) {
    if (e.data === "?") {
      if (last !== null) channel.postMessage(last);
    } else {
      heard(e.data);
    }
  };
  navigator.locks.request("prongsai-live", function () {
    connect(function (data) {
      last = data;
      channel.postMessage(data);
    });
    return new Promise(function () {}); // held until the tab closes
  });
  channel.postMessage("?");
})();
