// JourneyKit's JupyterLab extension, written by hand: no bundler, no dependency.
//
// JupyterLab loads a prebuilt ("federated") extension by running its remoteEntry script,
// which registers a container in window._JUPYTERLAB under the package's name; JupyterLab
// then calls container.init(shareScope) and container.get("./extension"), and calls the
// factory it gets for the module whose default export lists the plugins. This plugin
// needs no shared package (it reaches the notebook and its renderers through the `app`
// JupyterLab passes in), so the container is this one object.
//
// The plugin: an editor's output carries its map ("application/vnd.journeykit.map+json",
// with the map's figure) beside the widget. When the widget's model is gone (the kernel
// restarted and the page reloaded, the notebook opened the next day), JupyterLab would
// write "Error displaying widget: model not found"; in each notebook this renderer, ranked
// just before the widget renderer, lets the widget renderer try first and draws the
// carried figure (through the notebook's own plotly renderer) when it cannot.
(function () {
  "use strict";
  const WIDGET = "application/vnd.jupyter.widget-view+json";
  const MAP = "application/vnd.journeykit.map+json";
  const PLOTLY = "application/vnd.plotly.v1+json";
  const NOT_FOUND = "Error displaying widget";
  const NOTE =
    "This editor is not running: its kernel restarted or stopped since the cell ran. Here " +
    "is the map as it was then; run the cell again to go on editing.";

  function note(text) {
    const div = document.createElement("div");
    div.className = "jk-saved-editor-note";
    div.textContent = text;
    div.style.cssText = "color:#57606A;font-size:13px;margin:4px 0 6px";
    return div;
  }

  // Draw the carried map into `host` (a Lumino panel, or any renderer) in place of its content.
  async function drawCarried(host, rendermime, record) {
    host.node.textContent = "";
    host.removeClass?.("jupyter-widgets");
    host.addClass?.("jk-saved-editor");
    const title = record && record.map && record.map.title;
    if (record && record.figure && rendermime.getFactory(PLOTLY)) {
      const plot = rendermime.createRenderer(PLOTLY);
      const data = { [PLOTLY]: record.figure };
      await plot.renderModel({ data, metadata: {}, trusted: true, setData() {} });
      if (host.addWidget) host.addWidget(plot);
      else host.node.appendChild(plot.node);
    } else {
      host.node.appendChild(note(title ? "Map: " + title : "(no map stored)"));
    }
    host.node.prepend(note(NOTE)); // after the plot: a panel places its widgets by DOM index
  }

  function savedEditorFactory(rendermime) {
    return {
      safe: false,
      mimeTypes: [MAP],
      createRenderer(options) {
        const live = rendermime.getFactory(WIDGET) ? rendermime.createRenderer(WIDGET) : null;
        const host = live || rendermime.createRenderer(PLOTLY);
        const liveRender = live ? live.renderModel.bind(live) : null;
        host.renderModel = async (model) => {
          const record = model.data[MAP];
          if (!liveRender || !model.data[WIDGET]) return drawCarried(host, rendermime, record);
          await liveRender(model);
          // The widget renderer says it failed in its text (at once, or after the widget
          // manager restored the kernel's widgets): draw the carried map then.
          const check = () => {
            if (host.widgets && host.widgets.length) {
              watcher.disconnect(); // the editor is live: nothing to watch
            } else if (host.node.textContent.startsWith(NOT_FOUND)) {
              watcher.disconnect();
              drawCarried(host, rendermime, record);
            }
          };
          const watcher = new MutationObserver(check);
          watcher.observe(host.node, { childList: true });
          check();
        };
        return host;
      },
    };
  }

  const plugin = {
    id: "journeykit-lab:saved-editors",
    description: "Saved JourneyKit editors whose kernel is gone show the map they carry.",
    autoStart: true,
    activate(app) {
      app.docRegistry.addWidgetExtension("Notebook", {
        createNew(panel) {
          // just before ipywidgets' renderer (rank -10), so editor outputs come here first
          panel.content.rendermime.addFactory(savedEditorFactory(panel.content.rendermime), -11);
        },
      });
    },
  };

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB["journeykit-lab"] = {
    init() {},
    get(module) {
      if (module !== "./extension") {
        return Promise.reject(new Error(`journeykit-lab has no module ${module}`));
      }
      return Promise.resolve(() => ({ __esModule: true, default: [plugin] }));
    },
  };
})();
