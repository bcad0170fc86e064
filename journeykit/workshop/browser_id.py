"""The browser's id in a room: a random id kept in the page's ``localStorage``.

:class:`BrowserId` is an invisible anywidget. When the page shows it, its
script reads ``localStorage["journeykit-room-<room>"]`` (or makes 16 random
bytes if there is none yet) and sends the id to the kernel, together with the
``name=`` of a personal link. Nothing else from the page is sent: the link's
token stays in the browser.

It needs no cookie, no query string on the server and no reload, and it
arrives the same way in a kernel started for the page and in a pre-heated
one. ``crypto.randomUUID`` exists only on https or localhost pages, so the
script uses ``crypto.getRandomValues``, which a plain-http page on the local
network has too.

Everything the page sends is untrusted (a participant can set any synced
value of their own widgets): the kernel checks the id's form before it uses it
(:data:`journeykit.workshop.names.BROWSER_ID`).
"""

from __future__ import annotations

import anywidget
import traitlets

_SCRIPT = """
export default {
  render({ model, el }) {
    el.style.display = "none";
    const key = model.get("storage_key");
    let id = null;
    try { id = window.localStorage.getItem(key); } catch (e) { id = null; }
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      try { window.localStorage.setItem(key, id); } catch (e) { /* private window */ }
    }
    let name = "";
    try { name = new URLSearchParams(window.location.search).get("name") || ""; }
    catch (e) { name = ""; }
    model.set("link_name", name.slice(0, 200));
    model.set("browser_id", id);
    model.save_changes();
  }
};
"""


class BrowserId(anywidget.AnyWidget):
    """An invisible widget that tells the kernel which browser the page runs in.

    Parameters
    ----------
    storage_key : str
        The ``localStorage`` key; one per room, so rooms do not share ids.

    Examples
    --------
    >>> probe = BrowserId(storage_key="journeykit-room-bakery")
    >>> probe.browser_id, probe.link_name
    ('', '')
    """

    _esm = _SCRIPT
    storage_key = traitlets.Unicode("journeykit-room").tag(sync=True)
    browser_id = traitlets.Unicode("").tag(sync=True)
    link_name = traitlets.Unicode("").tag(sync=True)
