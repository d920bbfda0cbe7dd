"""`deckgen watch --serve`: a page on 127.0.0.1 that shows the talk as it is written.

The page lists every slide (a PNG drawn from deckgen's own slides PDF) with its notes,
the talk-time estimate and the current warnings; after a failed build it shows the
errors over the last good slides. It asks for the build's state every second and redraws
when a new build is there. Only this machine can reach it; it serves what deckgen made
in memory, never a file, and every text is set as text, never as markup.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .inline import plain

SLIDE_WIDTH = 960  # pixels: the page's slides

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>deckgen preview</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 0; background: #eef1f5; color: #1f2933; }
 header { position: sticky; top: 0; background: #1f2a44; color: #fff; padding: .6rem 1rem; }
 header h1 { font-size: 1.1rem; margin: 0; display: inline; }
 header span { margin-left: 1rem; opacity: .85; }
 #problems { margin: 1rem; }
 #problems div { background: #fff4d6; border-left: 4px solid #b85c1a; padding: .4rem .8rem;
   margin: .3rem 0; white-space: pre-wrap; }
 #problems div.error { background: #fde2e2; border-color: #b3261e; }
 main { display: grid; grid-template-columns: repeat(auto-fill, minmax(30rem, 1fr));
   gap: 1rem; padding: 1rem; }
 article { background: #fff; padding: .6rem; box-shadow: 0 1px 3px #0002; }
 article img { width: 100%; display: block; border: 1px solid #d0d5dc; }
 article h2 { font-size: .95rem; margin: .5rem 0 .2rem; }
 article p { font-size: .9rem; margin: .2rem 0; white-space: pre-wrap; }
</style></head>
<body>
<header><h1 id="title">deckgen preview</h1><span id="time"></span><span id="build"></span></header>
<section id="problems"></section>
<main id="slides"></main>
<script>
let shown = -1;
function text(tag, value, cls) {
  const node = document.createElement(tag);
  node.textContent = value;
  if (cls) node.className = cls;
  return node;
}
async function refresh() {
  let state;
  try { state = await (await fetch("state.json", {cache: "no-store"})).json(); }
  catch (e) { return; }
  if (state.build === shown) return;
  shown = state.build;
  document.getElementById("title").textContent = state.title;
  document.getElementById("time").textContent = state.time;
  document.getElementById("build").textContent = "build " + state.build;
  const problems = document.getElementById("problems");
  problems.replaceChildren(
    ...state.errors.map(m => text("div", m, "error")),
    ...state.warnings.map(m => text("div", m, "warning")));
  const slides = document.getElementById("slides");
  slides.replaceChildren(...state.slides.map(s => {
    const card = document.createElement("article");
    const img = document.createElement("img");
    img.src = s.image; img.alt = "Slide " + s.number + ": " + s.title;
    card.append(img, text("h2", s.number + ". " + s.title));
    s.notes.forEach(n => card.append(text("p", n)));
    return card;
  }));
}
refresh();
setInterval(refresh, 1000);
</script>
</body></html>
"""


class Preview:
    """The page's state after each build, and the server that hands it out."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._build = 0
        self._state: dict = {"build": 0, "title": "deckgen preview", "time": "",
                             "slides": [], "warnings": [], "errors": []}  # fmt: skip
        self._images: dict[str, bytes] = {}
        self._server: ThreadingHTTPServer | None = None

    def start(self, port: int = 0) -> str:
        """Serve on 127.0.0.1 (``port`` 0: any free one); the page's address."""
        preview = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                preview._answer(self)

            def log_message(self, *_args) -> None:  # the terminal is for the build
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        host, bound = self._server.server_address[:2]
        return f"http://{host}:{bound}/"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def publish(self, outcome) -> None:
        """A build's outcome on the page: its slides and notes when it built, its
        errors (over the last good slides) when it did not."""
        with self._lock:
            self._build += 1
            state = dict(self._state, build=self._build)
        if outcome.error is not None:
            state["errors"] = [str(d) for d in outcome.error.diagnostics] or [str(outcome.error)]
            with self._lock:
                self._state = state
            return
        prepared = outcome.prepared
        images = _slide_images(prepared.deck, self._build)
        state.update(
            title=prepared.deck.meta.title,
            time=prepared.time.describe(),
            errors=[],
            warnings=[str(d) for d in outcome.result.diagnostics],
            slides=[
                {
                    "number": frame.number,
                    "title": frame.title,
                    "image": f"slide/{self._build}/{frame.number}.png",
                    "notes": [plain(p) for p in frame.presenter_notes.split("\n") if p.strip()],
                }
                for frame in prepared.deck.slides
            ],
        )
        with self._lock:
            self._state, self._images = state, images

    def _answer(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?", 1)[0]
        with self._lock:
            state, images = self._state, self._images
        if path in ("/", "/index.html"):
            body, kind = PAGE.encode(), "text/html; charset=utf-8"
        elif path == "/state.json":
            body, kind = json.dumps(state).encode(), "application/json"
        elif path.lstrip("/") in images:
            body, kind = images[path.lstrip("/")], "image/png"
        else:
            request.send_error(HTTPStatus.NOT_FOUND)
            return
        request.send_response(HTTPStatus.OK)
        request.send_header("Content-Type", kind)
        request.send_header("Content-Length", str(len(body)))
        request.send_header("Cache-Control", "no-store")
        request.send_header(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "img-src 'self'; connect-src 'self'",
        )
        request.end_headers()
        request.wfile.write(body)


def _slide_images(deck, build: int) -> dict[str, bytes]:
    """Every slide as a PNG, from the slides PDF, by the page's address for it."""
    from .build import build_time
    from .render.pdf.raster import Raster, encoded
    from .render.pdf.slides import render_slides_pdf

    with Raster(render_slides_pdf(deck, build_time())) as pages:
        return {
            f"slide/{build}/{frame.number}.png": encoded(pages.image(index, SLIDE_WIDTH))
            for index, frame in enumerate(deck.slides)
        }
