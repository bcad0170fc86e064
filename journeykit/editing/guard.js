// The editor's status line in the page, and the guard that keeps a learner's typing safe.
//
// The kernel writes the status sentence (the model's "value", HTML it escaped). This view
// shows it while the kernel can save, and says at once when it cannot, in the words the
// kernel gave beforehand (the model's "lost", by reason):
//   * "reconnecting": the kernel's connection dropped (a network blip, the server gone);
//   * "disconnected": JupyterLab gave up reconnecting (the server is gone);
//   * "stopped": the kernel restarted or died, so the editor's widgets have nothing behind
//     them any more (in JupyterLab the cell must run again, on a served page the page must
//     load again).
// Meanwhile it keeps what the learner types into the editor's text boxes, per file, in the
// page (and in localStorage, so a reload keeps it too), until the kernel says a save holds
// it (a "saved" message with the text it received). Text kept for a file is sent back with
// a "recover" message when the connection returns, and when an editor on the same file
// shows up again (the cell re-run, the page reloaded): the kernel merges it into the file by
// the rules of two editors, with the text the box held before the first unsaved keystroke
// as the common base. Each view also says "hello" when it is shown or the page comes back
// into view, so the kernel can bring the form up to date with the file. Before a box sends
// its text, the view says what the kernel last knew the box held ("typed"), and a value
// the kernel sends a box while it is typed into waits until a save holds the typing: a box
// typed into while someone else's save was on its way to it (a workshop team's shared map)
// is merged from what it showed, so neither the typing nor the other's items are lost.
//
// What is kept: {fileKey: {owner: {orphan, fields: {fieldKey: {text, base}}}}}. An owner is
// one view of a guard; its text is "orphaned" once that view can no longer save it (the
// kernel is gone, the page is closing), and the next guard on the file adopts it.

const PREFIX = "journeykit-unsaved:";
const MEMORY = (globalThis[Symbol.for("journeykit.unsaved")] ??= new Map());
// At most one "hello" per view in this time: the kernel reads the file for each.
const HELLO_GAP_MS = 2000;

function readKept(fileKey) {
  if (MEMORY.has(fileKey)) return MEMORY.get(fileKey);
  try {
    const kept = JSON.parse(localStorage.getItem(PREFIX + fileKey) || "{}");
    return kept && typeof kept === "object" ? kept : {};
  } catch {
    return {};
  }
}

function writeKept(fileKey, kept) {
  for (const owner of Object.keys(kept)) {
    if (!Object.keys(kept[owner].fields || {}).length) delete kept[owner];
  }
  const empty = !Object.keys(kept).length;
  if (empty) MEMORY.delete(fileKey);
  else MEMORY.set(fileKey, kept);
  try {
    if (empty) localStorage.removeItem(PREFIX + fileKey);
    else localStorage.setItem(PREFIX + fileKey, JSON.stringify(kept));
  } catch {
    // a private window or a full storage: the page's memory still holds it
  }
}

function randomId() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function render({ model, el }) {
  const me = randomId();
  const line = document.createElement("div");
  el.appendChild(line);
  let root = null; // the editor around this line (class jk-editor)
  let lost = ""; // why the kernel cannot save now ("" while it can)
  let stopped = false; // the kernel restarted or died: this view's widgets are dead for good
  let lastHello = 0;
  const before = {}; // field key -> the box's text before its first unsaved keystroke
  const held = {}; // field key -> [box, text the kernel sent it while it was typed into]
  const known = {}; // field key -> the box's text as the kernel knows it (sent, or shown)
  const fileKey = () => model.get("file_key");

  const show = () => {
    line.innerHTML = lost ? model.get("lost")[lost] || "" : model.get("value");
    root?.classList.toggle("jk-lost", !!lost);
  };

  // ----- keeping what is typed --------------------------------------------------------
  const mine = (kept) => (kept[me] ??= { orphan: false, fields: {} });
  const fieldOf = (target) => {
    const boxed =
      target instanceof HTMLTextAreaElement ||
      (target instanceof HTMLInputElement && target.type === "text");
    const field = boxed && target.closest(".jk-field");
    if (!field || field.closest(".jk-editor") !== root) return null;
    const classes = model.get("fields");
    for (const name of field.classList) if (classes[name]) return classes[name];
    return null;
  };
  const beforeInput = (event) => {
    const key = fieldOf(event.target);
    if (key && !(key in before)) before[key] = event.target.value;
    if (key && !(key in known)) known[key] = event.target.value;
    if (key) holdWhileTyped(event.target);
  };
  // A box being typed into keeps its text: a value the kernel sends it meanwhile (someone
  // else's save to a shared map) is not written over the typing. When the box sends its
  // text, the kernel merges it from what the box showed ("typed") and sends the result.
  const holdWhileTyped = (box) => {
    if (box.__jkHeld) return;
    box.__jkHeld = true;
    const native = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(box), "value");
    Object.defineProperty(box, "value", {
      configurable: true,
      get() {
        return native.get.call(this);
      },
      set(text) {
        const key = fieldOf(this);
        if (key && key in before && document.activeElement === this && !lost) {
          held[key] = [this, text]; // shown once a save holds the typing
          return;
        }
        if (key) delete held[key];
        if (key) known[key] = text;
        native.set.call(this, text);
      },
    });
  };
  const onInput = (event) => {
    const key = fieldOf(event.target);
    if (key) sayTyped(event); // before the box sends its text (as typed, or on leaving it)
    if (!key || !fileKey()) return;
    const kept = readKept(fileKey());
    const bucket = mine(kept);
    bucket.orphan = stopped; // typed into a stopped editor: for the next one on this file
    const entry = (bucket.fields[key] ??= { base: before[key] ?? "", text: "" });
    entry.text = event.target.value;
    writeKept(fileKey(), kept);
  };
  const onSaved = (message) => {
    if (message?.kind !== "saved" || !fileKey()) return;
    const kept = readKept(fileKey());
    const bucket = kept[me];
    for (const [key, text] of Object.entries(message.fields || {})) {
      const entry = bucket?.fields[key];
      if (entry && entry.text === text) delete bucket.fields[key];
      else if (entry) entry.base = text; // saved, and more typed since
      if (entry && entry.text !== text) before[key] = text;
      else delete before[key];
      const [box, sent] = held[key] ?? [];
      if (box && !(key in before)) box.value = sent;
    }
    writeKept(fileKey(), kept);
  };
  const sayTyped = (event) => {
    // the box is about to send its text: say first what the kernel last knew it held
    const key = fieldOf(event.target);
    const text = event.target.value;
    if (!key || lost || !(key in known) || known[key] === text) return;
    model.send({ kind: "typed", fields: { [key]: { text, base: known[key] } } });
    known[key] = text;
  };
  const abandon = () => {
    // this view can no longer save its text: the next guard on the file takes it
    if (!fileKey()) return;
    const kept = readKept(fileKey());
    if (kept[me]) {
      kept[me].orphan = true;
      writeKept(fileKey(), kept);
    }
  };
  const sendKept = (adopt) => {
    // send this view's kept text (and, when adopting, text no other view can save)
    if (!fileKey() || lost) return;
    const kept = readKept(fileKey());
    const bucket = mine(kept);
    if (adopt) {
      for (const [owner, other] of Object.entries(kept)) {
        if (owner === me || !other.orphan) continue;
        for (const [key, entry] of Object.entries(other.fields || {})) {
          bucket.fields[key] = { ...entry, base: bucket.fields[key]?.base ?? entry.base };
        }
        delete kept[owner];
      }
    }
    writeKept(fileKey(), kept);
    if (Object.keys(bucket.fields).length) model.send({ kind: "recover", fields: bucket.fields });
  };
  const hello = () => {
    if (lost || Date.now() - lastHello < HELLO_GAP_MS) return;
    lastHello = Date.now();
    model.send({ kind: "hello" });
    sendKept(true);
  };

  // ----- the kernel's connection ------------------------------------------------------
  const lose = (why) => {
    if (why === "stopped") stopped = true;
    lost = stopped ? "stopped" : why;
    abandon();
    show();
  };
  const regain = () => {
    if (stopped || !lost) return;
    lost = "";
    show();
    sendKept(false);
  };
  const kernel = model.widget_manager?.kernel;
  const onStatus = (_kernel, status) => {
    if (status === "restarting" || status === "autorestarting" || status === "dead") {
      lose("stopped");
    }
  };
  const onConnection = (_kernel, status) => {
    if (status === "connecting") lose("reconnecting");
    else if (status === "disconnected") lose("disconnected");
    else if (status === "connected") regain();
  };
  kernel?.statusChanged?.connect(onStatus);
  kernel?.connectionStatusChanged?.connect(onConnection);
  if (kernel?.connectionStatus && kernel.connectionStatus !== "connected") {
    onConnection(kernel, kernel.connectionStatus);
  }

  // ----- the page ---------------------------------------------------------------------
  const visible = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) hello();
  });
  const onVisibility = () => document.visibilityState === "visible" && hello();
  let closed = false;
  const attach = () => {
    if (closed) return;
    if (!el.isConnected || !el.closest(".jk-editor")) return requestAnimationFrame(attach);
    root = el.closest(".jk-editor");
    root.addEventListener("beforeinput", beforeInput, true);
    root.addEventListener("input", onInput, true);
    root.addEventListener("change", sayTyped, true);
    visible.observe(el);
    show();
  };
  model.on("change:value", show);
  model.on("msg:custom", onSaved);
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", abandon);
  show();
  attach();
  hello();

  return () => {
    closed = true;
    abandon();
    visible.disconnect();
    root?.removeEventListener("beforeinput", beforeInput, true);
    root?.removeEventListener("input", onInput, true);
    root?.removeEventListener("change", sayTyped, true);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("pagehide", abandon);
    kernel?.statusChanged?.disconnect(onStatus);
    kernel?.connectionStatusChanged?.disconnect(onConnection);
    model.off("change:value", show);
    model.off("msg:custom", onSaved);
  };
}

export default { render };
