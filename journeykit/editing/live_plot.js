// The editor's live preview in the page: one plotly figure, redrawn with Plotly.react.
//
// The kernel sends the figure whole (the model's "figure") when a preview is made or the
// kind of traces changes, and otherwise one patch per edit: for each trace, and for the
// layout, only the top-level properties that changed, and of a list only the items that
// changed. The patch is applied here, so what did not change keeps its objects and
// Plotly.react knows to skip it (the map's cell texts are labels of layout shapes, which it
// redraws one by one). A patch's "hover" part (hover text, when nothing but the layout
// changed otherwise) is drawn once typing pauses: a new list in a trace makes Plotly.react
// redraw every trace, several times the work of the typed text itself. Nothing is sent
// back but a "hello" from each new view (the kernel answers with the figure whole if the
// model's copy is out of date) and, once per page when the server does not serve
// plotly.js, a request for it.

const PLOTLY = Symbol.for("journeykit.plotly");
// Hover text waits this long after the last patch (nobody reads a hover box mid-word), so a
// learner typing on a slow laptop pays for one redraw of the traces per pause, not per key.
const HOVER_PAUSE_MS = 300;

// The page's base URL: JupyterLab and Voila both put it in their page config.
function baseUrl() {
  try {
    const config = document.getElementById("jupyter-config-data");
    return new URL(JSON.parse(config.textContent).baseUrl || "/", location.href);
  } catch {
    return new URL("/", location.href);
  }
}

// plotly.min.js is a UMD bundle: given a `module` object it puts Plotly on module.exports.
async function evaluate(source) {
  const blob = new Blob(["const module = {exports: {}};\n", source,
    "\nexport default module.exports;\n"], { type: "text/javascript" });
  const url = URL.createObjectURL(blob);
  try {
    return (await import(url)).default;
  } finally {
    URL.revokeObjectURL(url);
  }
}

// plotly.js from the installed plotly package, once per page whatever the number of
// previews: from the URL the server serves it at (a file the browser caches), else
// from the kernel.
function plotly(model) {
  globalThis[PLOTLY] ??= (async () => {
    const path = model.get("plotly_url");
    if (path) {
      try {
        const reply = await fetch(new URL(path, baseUrl()));
        if (reply.ok) return await evaluate(await reply.text());
      } catch (error) {
        console.warn("journeykit: plotly.js is not served here, asking the kernel", error);
      }
    }
    return new Promise((resolve, reject) => {
      const take = (message, buffers) => {
        if (message.kind !== "plotly") return;
        model.off("msg:custom", take);
        evaluate(buffers[0]).then(resolve, reject);
      };
      model.on("msg:custom", take);
      model.send({ kind: "send-plotly" });
    });
  })();
  return globalThis[PLOTLY];
}

function replaced(object, changes) {
  const out = { ...object };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

// A copy of *object* with items of its lists set: *lists* is {property: {item index: value}}.
function itemsSet(object, lists) {
  const out = { ...object };
  for (const [key, items] of Object.entries(lists)) {
    const list = Array.from(out[key] || []);
    for (const [item, value] of Object.entries(items)) list[item] = value;
    out[key] = list;
  }
  return out;
}

// The figure after *patch*: {traces: {index: {property: value or null}},
// items: {index: {property: {item index: value}}}, layout: {property: value or null},
// layout_items: {property: {item index: value}}}.
function patched(figure, patch) {
  const data = figure.data.slice();
  for (const [index, changes] of Object.entries(patch.traces || {})) {
    if (data[index]) data[index] = replaced(data[index], changes);
  }
  for (const [index, lists] of Object.entries(patch.items || {})) {
    if (data[index]) data[index] = itemsSet(data[index], lists);
  }
  const layout = itemsSet(replaced(figure.layout, patch.layout || {}), patch.layout_items || {});
  return { data, layout };
}

function initialize({ model }) {
  // Patches are applied to the model, not sent back: every view redraws, and a notebook
  // saved with its widget state stores the figure the page shows.
  let whole = null; // the figure with every patch applied, while hover text waits
  let waiting = 0;
  const drawWaiting = () => {
    waiting = 0;
    if (whole) model.set("figure", whole);
    whole = null;
  };
  const onPatch = (message) => {
    if (message.kind !== "patch") return;
    const base = whole || model.get("figure");
    if (!message.hover) {
      clearTimeout(waiting);
      whole = null;
      model.set("figure", patched(base, message));
      return;
    }
    whole = patched(patched(base, message), message.hover);
    model.set("figure", patched(model.get("figure"), message));
    clearTimeout(waiting);
    waiting = setTimeout(drawWaiting, HOVER_PAUSE_MS);
  };
  model.on("msg:custom", onPatch);
  return () => {
    clearTimeout(waiting);
    model.off("msg:custom", onPatch);
  };
}

async function render({ model, el }) {
  const target = document.createElement("div");
  el.appendChild(target);
  const Plotly = await plotly(model);
  let drawn = false;
  let closed = false;
  // Each view draws its own copies of the traces (their arrays stay shared).
  const figure = () => {
    const { data, layout } = model.get("figure");
    return [data.map((trace) => ({ ...trace })), { ...layout }];
  };
  // The first drawing waits until the element is on the page, so plotly.js measures the
  // title's size; changes that come before it are drawn by it.
  const first = () => {
    if (closed) return;
    if (!el.isConnected) return requestAnimationFrame(first);
    drawn = true;
    Plotly.newPlot(target, ...figure(), model.get("config"));
  };
  // No config after the first drawing: Plotly.react given one copies and compares it
  // on every call, which costs more than the edit itself.
  const draw = () => drawn && Plotly.react(target, ...figure());
  first();
  model.on("change:figure", draw);
  model.send({ kind: "hello" });
  return () => {
    closed = true;
    model.off("change:figure", draw);
    Plotly.purge(target);
  };
}

export default { initialize, render };
