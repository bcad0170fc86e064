// A participant's page in a workshop room: says when its link to the room is gone.
//
// The editor's own status line already says "Not saved" the moment the kernel's
// connection drops. What only the room can tell is why, and what to do: when the
// connection has been down for a few seconds, this view asks the room's server about
// the page's kernel. No answer at all: the room's server is gone (the facilitator's
// laptop closed it, slept or lost the network). An answer without the kernel: the
// page's kernel has ended (it crashed, or was stopped while the page was away). Either
// way the page says so above the editor, with a button to reload; what was typed stays
// in the browser (the editor's guard keeps it) and reaches the map after the reload.
// While the server still knows the kernel, the page is only reconnecting: nothing shown.
// Once the kernel sets last_word (the room closed, or the page stopped editing), the
// connection is meant to end: the view stops looking and tells the kernel the page has
// drawn its last sentence, so the room waits for that before it stops its servers.

const FIRST_LOOK_MS = 2000;
const LOOK_AGAIN_MS = 3000;

function render({ model, el }) {
  // hidden by the page's style until there is something to say: a class, not an inline
  // style, which ipywidgets clears when it lays the box out again (an empty box showed)
  el.classList.add("jk-room-link");
  const kernel = model.widget_manager?.kernel;
  let shown = "";
  let timer = 0;
  let closed = false;

  const say = (why) => {
    if (why === shown) return;
    shown = why;
    el.replaceChildren();
    el.classList.toggle("jk-room-link-on", !!why);
    el.closest(".jk-room")?.classList.toggle("jk-room-lost", !!why);
    if (!why) return;
    const sentence = document.createElement("p");
    sentence.textContent = model.get("sentences")[why] || "";
    const reload = document.createElement("button");
    reload.className = "jupyter-button mod-primary jk-room-reload";
    reload.textContent = model.get("reload_label");
    reload.addEventListener("click", () => location.reload());
    el.append(sentence, reload);
  };

  const healthy = () => kernel && kernel.connectionStatus === "connected" && kernel.status !== "dead";

  const look = async () => {
    timer = 0;
    if (closed) return;
    if (healthy()) return say("");
    let why = "";
    if (kernel?.status === "dead") {
      why = "ended";
    } else {
      try {
        // the page's own server, as the kernel's connection knows it (Voila's base URL)
        const base = new URL(kernel?.serverSettings?.baseUrl || "/", location.href);
        const reply = await fetch(new URL(`api/kernels/${kernel?.id}`, base), {
          cache: "no-store",
          credentials: "same-origin",
        });
        why = reply.ok ? "" : "ended";
      } catch {
        why = "unreachable";
      }
    }
    if (closed) return;
    say(healthy() ? "" : why);
    if (!healthy()) timer = setTimeout(look, LOOK_AGAIN_MS);
  };

  const changed = () => {
    if (healthy()) {
      clearTimeout(timer);
      timer = 0;
      say("");
    } else if (!timer) {
      timer = setTimeout(look, FIRST_LOOK_MS);
    }
  };

  const finished = () => {
    if (!model.get("last_word")) return;
    closed = true;
    clearTimeout(timer);
    say("");
    // answer after the updates already received (the sentence came before last_word);
    // not requestAnimationFrame, which a tab in the background never runs
    setTimeout(() => model.send({ told: true }), 0);
  };

  kernel?.connectionStatusChanged?.connect(changed);
  kernel?.statusChanged?.connect(changed);
  model.on("change:last_word", finished);
  changed();
  finished();
  return () => {
    closed = true;
    model.off("change:last_word", finished);
    clearTimeout(timer);
    kernel?.connectionStatusChanged?.disconnect(changed);
    kernel?.statusChanged?.disconnect(changed);
  };
}

export default { render };
