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
  function connect() {
    var source = new EventSource("/__prongsai/events");
    function check(e) {
      if (e.data !== version) {
        source.close();
        location.reload();
      } else {
        window.prongsaiLive = "connected";
      }
    }
    source.addEventListener("hello", check);
    source.addEventListener("reload", check);
    source.addEventListener("failed", check);
    source.onerror = function () {
      window.prongsaiLive = "reconnecting";
      source.close();
      setTimeout(connect, 1000);
    };
  }
  connect();
})();
