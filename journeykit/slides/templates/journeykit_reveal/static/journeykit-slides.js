/* JourneyKit slides: start reveal.js and draw plotly figures, with no network.
 *
 * reveal.js and its notes plugin are loaded by plain <script> tags before this
 * file (no module loader). plotly.js is large, so it is loaded only when a slide
 * with a figure is first shown; the first slide paints without waiting for it.
 * Each figure is drawn when its slide becomes visible, so it takes the size of
 * the slide it is on, and shrinks to fit a crowded slide. When printing
 * (?print-pdf) every figure is drawn once the print layout is ready.
 */
(function () {
  "use strict";

  var plotlySrc = document.currentScript.getAttribute("data-plotly");
  var config = JSON.parse(document.getElementById("jk-reveal-config").textContent);
  var plotlyLoading = null;

  function loadPlotly() {
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        if (window.Plotly) { resolve(window.Plotly); return; }
        var script = document.createElement("script");
        script.src = plotlySrc;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { reject(new Error("could not load " + plotlySrc)); };
        document.head.appendChild(script);
      });
    }
    return plotlyLoading;
  }

  /* Fitting figures into their slide. A figure with a size of its own (data-jk-size,
     "WxH", 0 for "fill the width") is scaled as a whole, like a picture; on screen
     not below MIN_SCALE (past that the slide scrolls), on paper as far as needed.
     A journey map cut for slides (data-jk-zoom) is drawn that much larger, and only
     shrunk if it still does not fit. A figure without a size is made shorter, down to
     MIN_FIGURE_HEIGHT. */
  var MIN_FIGURE_HEIGHT = 300;
  var MIN_SCALE = 0.75;
  var PRINT_FIGURE_HEIGHT = 400;
  var printing = /print-pdf/i.test(window.location.search);

  function fitFigure(div, roomWidth, roomHeight, minScale) {
    var size = (div.getAttribute("data-jk-size") || "").split("x").map(Number);
    var height = parseFloat(div.style.height);
    var zoom = parseFloat(div.getAttribute("data-jk-zoom")) || 1;
    if (size.length === 2) {
      var width = size[0] || roomWidth;
      var scale = Math.min(zoom, roomWidth / width, Math.max(roomHeight / size[1], minScale));
      if (scale !== 1) { div.parentNode.style.zoom = scale; }
    } else if (height > roomHeight) {
      div.style.height = Math.max(roomHeight, MIN_FIGURE_HEIGHT) + "px";
    }
  }

  /* On screen: fit the room left on the slide once everything else is laid out. */
  function fitOnSlide(div) {
    var slide = div.closest("section");
    if (!slide || printing) { return; }
    var spare = Math.min(slide.clientHeight, config.height) - contentHeight(slide);
    if (slide.scrollHeight <= slide.clientHeight) { spare = config.height - contentHeight(slide); }
    if (!div.hasAttribute("data-jk-zoom")) { spare = Math.min(spare, 0); }
    fitFigure(div, div.parentNode.parentNode.clientWidth, div.offsetHeight + spare, MIN_SCALE);
  }

  /* The height of what a slide holds, in slide pixels (reveal.js scales the whole slide). */
  function contentHeight(slide) {
    var children = slide.children;
    if (!children.length) { return 0; }
    var top = children[0].getBoundingClientRect().top;
    var bottom = top;
    Array.prototype.forEach.call(children, function (child) {
      bottom = Math.max(bottom, child.getBoundingClientRect().bottom);
    });
    return (bottom - top) / (Reveal.getScale() || 1) + 8;
  }

  /* On paper: reveal.js counts pages before figures are drawn, so size them first. */
  if (printing) {
    Array.prototype.forEach.call(document.querySelectorAll(".jk-plotly"), function (div) {
      fitFigure(div, config.width * 0.95, PRINT_FIGURE_HEIGHT, 0);
    });
  }

  function drawFigure(Plotly, div) {
    if (div.jkDrawn) {
      return div.jkDrawn.then(function () { return Plotly.Plots.resize(div); });
    }
    fitOnSlide(div);
    var spec = JSON.parse(div.nextElementSibling.textContent);
    div.jkDrawn = Plotly.newPlot(div, spec.data, spec.layout, spec.config).then(function () {
      div.setAttribute("data-jk-drawn", "true");
    });
    return div.jkDrawn;
  }

  /* Draw (or resize) every figure inside `element`; resolves when all are drawn. */
  function draw(element) {
    var figures = element ? Array.prototype.slice.call(element.querySelectorAll(".jk-plotly")) : [];
    if (!figures.length) { return Promise.resolve(0); }
    return loadPlotly().then(function (Plotly) {
      return Promise.all(figures.map(function (div) { return drawFigure(Plotly, div); }));
    }).then(function () { return figures.length; }, function (error) {
      console.error("JourneyKit slides: " + error.message);
      throw error;
    });
  }

  /* Say "more below" while the current slide (taller than the screen) has more to scroll. */
  function markOverflow(slide) {
    var more = !!slide && slide === Reveal.getCurrentSlide() &&
      slide.scrollTop + slide.clientHeight < slide.scrollHeight - 4;
    Reveal.getRevealElement().classList.toggle("jk-more-below", more);
  }

  function drawCurrent() {
    var slide = Reveal.getCurrentSlide();
    return draw(slide).then(function (count) {
      // a map drawn larger (data-jk-zoom) changed the slide's height: centre it again
      if (slide && slide.querySelector("[data-jk-zoom]")) { Reveal.layout(); }
      markOverflow(slide);
      return count;
    });
  }

  document.addEventListener("scroll", function (event) {
    if (event.target.classList && event.target.tagName === "SECTION") { markOverflow(event.target); }
  }, true);

  /* On a slide that scrolls, bring each fragment into view as it appears. */
  Reveal.on("fragmentshown", function (event) {
    var slide = event.fragment.closest("section");
    if (!slide) { return; }
    var below = event.fragment.offsetTop + event.fragment.offsetHeight - slide.clientHeight;
    if (below > slide.scrollTop) {
      slide.scrollTo({ top: below + 16, behavior: "smooth" });
    }
  });

  Reveal.on("slidechanged", drawCurrent);
  Reveal.on("resize", drawCurrent);
  var printed = new Promise(function (resolve, reject) {
    /* reveal.js shows the pages only after its pdf-ready handlers run: draw a frame later. */
    Reveal.on("pdf-ready", function () {
      requestAnimationFrame(function () { draw(Reveal.getSlidesElement()).then(resolve, reject); });
    });
  });

  var ready = Reveal.initialize(Object.assign({}, config, { plugins: [RevealNotes] }))
    .then(function () { return Reveal.isPrintView() ? printed : drawCurrent(); });

  /* For the PDF printer, tests and benchmarks. `ready` resolves once the first
     slide (or, with ?print-pdf, every page) is laid out and its figures drawn. */
  window.journeykitSlides = {
    ready: ready,
    drawCurrent: drawCurrent,
  };
})();
