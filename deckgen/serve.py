"""`deckgen watch --serve`: a page on 127.0.0.1 that shows the talk as it is written.

The page lists every slide (a PNG drawn from deckgen's own slides PDF) with its notes,
the talk-time estimate and the current warnings; after a failed build it shows the
errors over the last good slides. It asks for the build's state every second and redraws
when a new build is there. Only this machine can reach it; it serves what deckgen made
in memory, never a file, and every text is set as text, never as markup.

It answers only requests addressed to it by name (``Host: 127.0.0.1:PORT`` or
``localhost:PORT``: a page of another site that renamed itself to 127.0.0.1, DNS
rebinding, gets 421), sends the same security headers with every answer (errors too)
and no version banner, and never writes to the terminal (a client that hangs up
mid-answer is nothing to say). Connections are held by ``Door``: one that has not asked
anything yet costs no thread, at most ``MAX_WAITING`` wait (the longest waiting is
closed first) and no longer than ``IDLE_SECONDS``; at most ``MAX_ANSWERING`` threads
answer, each connection for at most ``ANSWER_SECONDS``.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler

from .door import Door
from .inline import plain
from .labels import Labels, labels_for

SLIDE_WIDTH = 960  # pixels: the page's slides

# sent with every answer: the page's own script and styles, its own images and JSON,
# never framed (clickjacking), never sniffed as another type, never read by other sites
SECURITY_HEADERS = (
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
        "form-action 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Cache-Control", "no-store"),
)

# the web handout's own answer: its pictures and fonts are inside it, its one style sheet
# is named by its hash in its own policy; never framed, no script
HANDOUT_POLICY = (
    "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>deckgen preview</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 0; background: #eef1f5; color: #1f2933; }
 header { position: sticky; top: 0; background: #1f2a44; color: #fff; padding: .6rem 1rem; }
 header h1 { font-size: 1.1rem; margin: 0; display: inline; }
 header span { margin-left: 1rem; opacity: .85; }
 header a { margin-left: 1rem; color: #fff; }
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
<header><h1 id="title">deckgen preview</h1><span id="time"></span><span id="build"></span>
<a id="handout" href="handout.html" hidden>web handout</a></header>
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
  const words = state.words;
  document.documentElement.lang = state.lang;
  document.title = words.preview;
  document.getElementById("title").textContent = state.title;
  document.getElementById("time").textContent = state.time;
  document.getElementById("build").textContent = words.build;
  document.getElementById("handout").textContent = words.handout;
  document.getElementById("handout").hidden = !state.handout;
  const problems = document.getElementById("problems");
  problems.replaceChildren(
    ...state.errors.map(m => text("div", m, "error")),
    ...state.warnings.map(m => text("div", m, "warning")));
  const slides = document.getElementById("slides");
  slides.replaceChildren(...state.slides.map(s => {
    const card = document.createElement("article");
    const img = document.createElement("img");
    img.src = s.image; img.alt = s.alt;
    card.append(img, text("h2", s.heading));
    s.notes.forEach(n => card.append(text("p", n)));
    return card;
  }));
}
refresh();
setInterval(refresh, 1000);
</script>
</body></html>
"""


def _words(labels: Labels, build: int) -> dict[str, str]:
    """The page's own words, in the talk's language: its header's, as the state says them."""
    return {
        "preview": labels("preview"),
        "build": labels("preview_build", number=build),
        "handout": labels("preview_handout"),
    }


def _talk_time(labels: Labels, time) -> str:
    """The talk-time estimate as the page's header says it, in the talk's language."""
    return labels(
        "preview_time",
        minutes=labels.number(round(time.minutes)),
        words=labels.number(time.words),
        pace=labels.number(time.words_per_minute),
        slides=labels.number(time.slides),
        seconds=labels.number(time.seconds_per_slide),
    )


class Preview:
    """The page's state after each build, and the server that hands it out."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._build = 0
        self._state: dict = {"build": 0, "title": "deckgen preview", "time": "",
                             "slides": [], "warnings": [], "errors": [],
                             "lang": "en", "words": _words(labels_for("en"), 0)}  # fmt: skip
        self._images: dict[str, bytes] = {}
        self._page = b""  # the last build's web handout (--format html)
        self._labels = labels_for("en")  # the last good build's words: the page's own
        self._door: Door | None = None
        self._hosts: frozenset[str] = frozenset()

    def start(self, port: int = 0) -> str:
        """Serve on 127.0.0.1 (``port`` 0: any free one); the page's address."""
        preview = self

        class Handler(_Handler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                preview._answer(self)

        self._door = Door(port, Handler)
        bound = self._door.port
        self._hosts = frozenset({f"127.0.0.1:{bound}", f"localhost:{bound}"})
        return f"http://127.0.0.1:{bound}/"

    def stop(self) -> None:
        if self._door is not None:
            self._door.close()

    def publish(self, outcome) -> None:
        """A build's outcome on the page: its slides and notes when it built, its
        errors (over the last good slides) when it did not."""
        with self._lock:
            self._build += 1
            state = dict(self._state, build=self._build)
            # the last good build's language: a failed build's page keeps it
            state["words"] = _words(self._labels, self._build)
        if outcome.error is not None or outcome.crash is not None:
            self._failed(state, outcome)
            return
        prepared = outcome.prepared
        try:
            images = _slide_images(prepared.deck, self._build)
        except Exception as exc:  # a bug drawing the slides: said on the page, then raised
            from .watch import crash_line

            with self._lock:
                self._state = dict(state, errors=[crash_line(exc)])
            raise
        labels = prepared.talk.labels
        state.update(
            lang=labels.language,
            words=_words(labels, self._build),
            title=prepared.deck.meta.title,
            time=_talk_time(labels, prepared.time),
            errors=[],
            handout=bool(outcome.page),
            warnings=[str(d) for d in outcome.result.diagnostics],
            slides=[
                {
                    "number": frame.number,
                    "title": frame.title,
                    "image": f"slide/{self._build}/{frame.number}.png",
                    "notes": [plain(p) for p in frame.presenter_notes.split("\n") if p.strip()],
                    "alt": labels("preview_slide", number=frame.number, title=frame.title),
                    "heading": labels("preview_heading", number=frame.number, title=frame.title),
                }
                for frame in prepared.deck.slides
            ],
        )
        with self._lock:
            self._state, self._images, self._page = state, images, outcome.page
            self._labels = labels

    def _failed(self, state: dict, outcome) -> None:
        if outcome.error is not None:
            error = outcome.error
            state["errors"] = [str(d) for d in error.diagnostics] or [str(error)]
        else:
            from .watch import crash_line

            state["errors"] = [crash_line(outcome.crash)]
        with self._lock:
            self._state = state

    def _answer(self, request: BaseHTTPRequestHandler) -> None:
        hosts = request.headers.get_all("Host") or []
        if len(hosts) != 1 or hosts[0].strip().lower() not in self._hosts:
            names = " or ".join(f"http://{host}/" for host in sorted(self._hosts))
            request.send_error(HTTPStatus.MISDIRECTED_REQUEST, explain=f"ask {names}")
            return
        path = request.path.split("?", 1)[0]
        with self._lock:
            state, images, page = self._state, self._images, self._page
        if path in ("/", "/index.html"):
            body, kind = PAGE.encode(), "text/html; charset=utf-8"
        elif path == "/state.json":
            body, kind = json.dumps(state).encode(), "application/json"
        elif path == "/handout.html" and page:
            body, kind = page, "text/html; charset=utf-8"
            request.policy = HANDOUT_POLICY
        elif path.lstrip("/") in images:
            body, kind = images[path.lstrip("/")], "image/png"
        else:
            request.send_error(HTTPStatus.NOT_FOUND)
            return
        request.send_response(HTTPStatus.OK)
        request.send_header("Content-Type", kind)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)


class _Handler(BaseHTTPRequestHandler):
    """http.server's request handler, quiet and without a version banner, that sends
    ``SECURITY_HEADERS`` with every answer, errors (400, 404, 421, 501) included."""

    error_content_type = "text/plain; charset=utf-8"
    default_request_version = "HTTP/1.0"  # an answer to garbage has headers too
    error_message_format = "%(code)d %(message)s: %(explain)s\n"

    def send_response(self, code, message=None) -> None:
        self.send_response_only(code, message)  # no Server: banner
        self.send_header("Date", self.date_time_string())

    policy: str | None = None  # a page's own Content-Security-Policy, over the preview's

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS:
            if name == "Content-Security-Policy" and self.policy is not None:
                value = self.policy
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *_args) -> None:  # the terminal is for the build, and a
        pass  # stderr nobody reads must never stop the server (or Ctrl-C)


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
