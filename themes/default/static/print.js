// The report's print button: a file, not an inline script, so the Content-Security-Policy stays
// `script-src 'self'`. Without JavaScript the button stays hidden and the browser's own print
// menu does the same.
(function () {
  var button = document.getElementById("print-report");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
})();
