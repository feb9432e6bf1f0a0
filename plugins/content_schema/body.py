"""The Markdown body of a content file: raw HTML, link schemes, images, links to the site.

`BodyChecker` scans the source line by line (so each problem has its line); a last
backstop renders the Markdown and scans the HTML for anything the line scan missed. The
build passes `render=False` and scans Pelican's own rendering instead (`scan_rendered`).
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser
from pathlib import Path
import re
from urllib.parse import unquote

import markdown

from .fields import Problem

# Elements a volunteer's Markdown may not contain: they run code, load other origins,
# change where links go or submit data.
FORBIDDEN_TAGS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
    "input", "button", "textarea", "select", "base", "meta", "link", "svg", "math",
    "noscript", "template", "portal",
})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                            "poster", "background", "cite", "srcset", "ping"})
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
INLINE_LINK = re.compile(r"(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)
AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]*:[^>\s]*)>")
FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


class _HTMLScan(HTMLParser):
    """Collect raw HTML tags and attributes in Markdown source, with their lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((self.getpos()[0], tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def url_scheme(url: str) -> str | None:
    """Return the scheme a browser would see, after entities, whitespace and case tricks."""
    cleaned = re.sub(r"[\s\x00-\x1f\x7f]+", "", unescape(unescape(url))).lower()
    if cleaned.startswith("//"):
        return "//"
    m = re.match(r"([a-z][a-z0-9+.\-]*):", cleaned)
    return m.group(1) if m else None


class BodyChecker:
    """Check the Markdown body of one file: raw HTML, link schemes, images, site links."""

    def __init__(
        self, shown: str, path: Path, root: Path, first_line: int, *, render: bool = True
    ) -> None:
        """Remember where the body starts so problems carry file line numbers."""
        self.render = render
        self.shown = shown
        self.path = path
        self.root = root
        self.first_line = first_line
        self.links: list[tuple[int, str]] = []
        self.problems: list[Problem] = []

    def problem(self, line: int, name: str, message: str, fix: str) -> None:
        """Record one problem at a body line (0-based)."""
        self.problems.append(Problem(self.shown, self.first_line + line, name, message, fix))

    def check(self, body: str) -> list[Problem]:
        """Return every problem in the body."""
        text = "\n".join(_blank_code(body.split("\n")))
        self._check_html(text)
        for m in INLINE_LINK.finditer(text):
            line = text.count("\n", 0, m.start(3))
            if m.group(1):
                self._check_image(line, m.group(3), " ".join(m.group(2).split()))
            else:
                self._check_link(line, m.group(3))
        for regex, group in ((REFERENCE_DEF, 1), (AUTOLINK, 1)):
            for m in regex.finditer(text):
                self._check_link(text.count("\n", 0, m.start(group)), m.group(group))
        if self.render:
            self._backstop(body)
        return self.problems

    def _check_html(self, text: str) -> None:
        scan = _HTMLScan()
        scan.feed(text)
        scan.close()
        for line, tag, attrs in scan.found:
            at = line - 1
            if tag in FORBIDDEN_TAGS:
                self.problem(at, "body", f"the HTML element <{tag}> is not allowed",
                             "remove it; write plain Markdown (a script or embed would load "
                             "code or another website into our pages)")
                continue
            for name, value in sorted(attrs.items()):
                if name.startswith("on"):
                    self.problem(at, "body", f"the HTML attribute '{name}' (an event handler) "
                                 "is not allowed", "remove it")
                elif name == "style":
                    self.problem(at, "body", "inline 'style' attributes are not allowed",
                                 "remove it; the site's stylesheet sets the look")
                elif name in URL_ATTRIBUTES:
                    if tag == "img" and name == "src":
                        self._check_image(at, value, attrs.get("alt", ""))
                    else:
                        self._check_link(at, value)

    def _check_link(self, line: int, url: str) -> None:
        scheme = url_scheme(url)
        if scheme == "//":
            self.problem(line, "body", f"the link '{url}' has no scheme",
                         "write the full address, starting with https://")
        elif scheme is not None and scheme not in ALLOWED_SCHEMES:
            self.problem(line, "body", f"links to '{scheme}:' addresses are not allowed",
                         "link only to https://, http://, mailto: or tel: addresses, or to a "
                         "page of this site such as /platform/prevention/")
        elif scheme is None:
            self._site_link(line, url)

    def _site_link(self, line: int, url: str) -> None:
        if not url or url.startswith(("#", "?")):
            return
        for marker in ("{static}", "{attach}"):
            if url.startswith(marker):
                self._file_exists(line, url[len(marker):], "body")
                return
        if url.startswith("{filename}"):
            target = url[len("{filename}"):]
            if not self._resolve(target):
                self.problem(line, "body", f"'{url}' points to no file",
                             "link to a file that exists in content/, e.g. "
                             "{filename}/platform/prevention.md, or to an address such as "
                             "/platform/prevention/")
            return
        if url.startswith("{"):
            self.problem(line, "body", f"'{url}' is not a link Pelican understands",
                         "link to a page of the site such as /platform/prevention/")
            return
        if not url.startswith("/"):
            self.problem(line, "body", f"the relative link '{url}' depends on where the page is",
                         "start it with '/', e.g. /platform/prevention/")
            return
        if url.startswith("/images/"):
            self._file_exists(line, url, "body")
            return
        self.links.append((self.first_line + line, url))

    def _resolve(self, target: str) -> bool:
        """Return True if `target` (root- or file-relative) is a file inside content/."""
        clean = unquote(target.split("#", 1)[0].split("?", 1)[0])
        base = self.root if clean.startswith("/") else self.path.parent
        resolved = (base / clean.lstrip("/")).resolve()
        return resolved.is_relative_to(self.root.resolve()) and resolved.is_file()

    def _file_exists(self, line: int, target: str, name: str) -> bool:
        if not self._resolve(target):
            self.problem(line, name, f"'{target}' is not a file in {self.root.name}/",
                         "put the file in content/images/ and link it as /images/<name>")
            return False
        return True

    def _check_image(self, line: int, src: str, alt: str) -> None:
        if not alt.strip():
            self.problem(line, "image", f"the image '{src}' has no alt text",
                         "describe the image in the brackets: ![what it shows](/images/x.jpg)")
        scheme = url_scheme(src)
        if scheme is not None:
            self.problem(line, "image", f"the image '{src}' is not one of our files",
                         "download it (if its licence allows), put it in content/images/ and "
                         "write /images/<name>; pages load nothing from other websites")
            return
        target = src
        for marker in ("{static}", "{attach}", "{filename}"):
            target = target.removeprefix(marker)
        self._file_exists(line, target, "image")

    def _backstop(self, body: str) -> None:
        """Render the body as the build does; report dangers the line scan missed."""
        if self.problems:
            return
        unsafe, links = scan_rendered(render(body))
        seen = {link for _, link in self.links}
        self.links += [(self.first_line, link) for link in links if link not in seen]
        if unsafe:
            self.problem(0, "body", f"the rendered text contains an unsafe <{unsafe}> element",
                         "remove raw HTML and unusual links from the text")


# One Markdown instance for every backstop render (creating one per file costs more
# than the render itself). The build passes render=False and scans Pelican's own HTML.
_MARKDOWN = markdown.Markdown(extensions=["markdown.extensions.extra"])


def render(text: str) -> str:
    """Render Markdown as the checks see it (Python-Markdown with the extra extension)."""
    return _MARKDOWN.reset().convert(text)


def scan_rendered(html: str) -> tuple[str | None, list[str]]:
    """Return the first unsafe element's tag (or None) and the site links in rendered HTML."""
    scan = _HTMLScan()
    scan.feed(html)
    scan.close()
    links: list[str] = []
    for _, tag, attrs in scan.found:
        href = attrs.get("href", "")
        if tag == "a" and href.startswith("/") and not href.startswith("//") \
                and href not in links and not href.startswith("/images/"):
            links.append(href)
        bad = tag in FORBIDDEN_TAGS or any(k.startswith("on") for k in attrs) or any(
            (url_scheme(v) or "http") not in ALLOWED_SCHEMES
            for k, v in attrs.items() if k in URL_ATTRIBUTES
        )
        if bad:
            return tag, links
    return None, links


def _blank_code(lines: list[str]) -> list[str]:
    """Blank out fenced code blocks and code spans (they are shown as text, never run)."""
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        m = FENCE_RE.match(line)
        if fence:
            out.append("")
            if m and m.group(1) == fence:
                fence = None
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        out.append(CODE_SPAN.sub(lambda c: " " * len(c.group()), line))
    return out
