// Live reload for `prongsai serve`, loaded by every previewed page (never written to public/). A
// file, not an inline script, so the theme's Content-Security-Policy allows it.
// `window.prongsaiLive` says whether the reload connection is up (the browser test waits on it).
(function () {
  var version = document.currentScript.dataset.version;
  var box = document.getElementById("prongsai-error");
  if (box) {
    box.querySelector("button").addEventListener("click", function () {
      box.remove();
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
