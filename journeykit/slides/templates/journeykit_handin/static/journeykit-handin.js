/* JourneyKit hand-in: draw every plotly figure of the page, with no network.
 *
 * plotly.js is inlined into the page just before this script. Each figure is an
 * empty div.jk-plotly followed by its JSON (journeykit/slides/figure_html.py).
 * A figure designed at a size of its own (data-jk-size="WxH") is scaled down as a
 * whole when the page is narrower, like a picture; the others fill the width.
 */
(function () {
  "use strict";

  function fit(div) {
    var size = (div.getAttribute("data-jk-size") || "").split("x").map(Number);
    var room = div.parentNode.parentNode.clientWidth;
    if (size.length === 2 && size[0] > 0 && room > 0) {
      div.parentNode.style.zoom = Math.min(1, room / size[0]);
    }
  }

  function draw(div) {
    var spec = JSON.parse(div.nextElementSibling.textContent);
    fit(div);
    return window.Plotly.newPlot(div, spec.data, spec.layout, spec.config).then(function () {
      div.setAttribute("data-jk-drawn", "true");
    });
  }

  var figures = Array.prototype.slice.call(document.querySelectorAll(".jk-plotly"));
  window.addEventListener("resize", function () { figures.forEach(fit); });
  /* For tests: resolves once every figure is drawn. */
  window.journeykitHandin = { ready: Promise.all(figures.map(draw)) };
})();
