"""The generic content rules, shared by the build, `make check-content` and the editor.

`check_file` checks one file on its own (front matter, fields, slug, body HTML, images);
`check_tree` checks every file under content/ and then the rules across files
(duplicate addresses, links to pages of the site that do not exist).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
import posixpath
import re
from typing import Any
from urllib.parse import unquote

import markdown

from . import frontmatter
from .cases import OUTCOMES, SLUG_HELP, SLUG_PATTERN
from .collections import COLLECTIONS, SLUG_REQUIRED, URLS, extra_checks
from .fields import Problem

CONTENT_SUFFIXES = (".md", ".markdown")
STATUSES = ("published", "draft", "hidden")
# Names Windows cannot use for a folder, whatever the extension.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
# Addresses made by plugins and templates rather than by a content file.
GENERATED_ROUTES: tuple[str, ...] = (
    r"",
    r"cases/(?:page/\d+/)?",
    r"search/",
    r"outcomes/(?:(?:" + "|".join(OUTCOMES) + r")/)?",
    r"platform/",
    r"act/",
    r"representatives/(?:[a-z]{2}/)?",
    r"feeds/[a-z0-9-]+\.atom\.xml",
    r"api/v1/.+\.json",
    r"admin/",
    r"404\.html",
    r"sitemap\.xml",
    r"robots\.txt",
    r"favicon\.(?:ico|svg)",
    r"theme/.+",
    r"pagefind/.+",
)
GENERATED_RE = re.compile("|".join(f"(?:{r})" for r in GENERATED_ROUTES))
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


@dataclass(slots=True)
class FileReport:
    """What checking one file found: its problems, and what other files may refer to."""

    path: str  # as shown in messages, e.g. content/cases/x.md
    folder: str
    url: str | None = None  # root-relative address without the leading '/', e.g. cases/x/
    problems: list[Problem] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, site path) to resolve
    metadata: dict[str, Any] = field(default_factory=dict)


def iter_content(root: Path) -> Iterator[Path]:
    """Yield every Markdown file under the collection folders of `root`, sorted."""
    for folder in sorted(COLLECTIONS):
        base = root / folder
        if base.is_dir():
            yield from sorted(
                p for p in base.rglob("*")
                if p.is_file() and p.suffix.lower() in CONTENT_SUFFIXES
                and not p.name.startswith(("_", ".")) and p.name != "README.md"
            )


def shown_path(path: Path, root: Path, prefix: str | None = None) -> str:
    """Return the path as messages show it: `prefix` (default: the folder name) + relative."""
    try:
        return str(PurePosixPath(prefix or root.name) / path.relative_to(root).as_posix())
    except ValueError:
        return str(path)


def check_slug(value: str, path: str, line: int, name: str = "slug") -> list[Problem]:
    """A slug is lower-case a-z, 0-9 and hyphens, at most 80 characters, not a device name."""
    if not re.fullmatch(SLUG_PATTERN, value):
        return [Problem(path, line, name, f"'{value}' is not allowed in an address", SLUG_HELP)]
    if len(value) > 80:
        return [Problem(path, line, name, f"is {len(value)} characters long (at most 80)",
                        "shorten it")]
    if value in WINDOWS_RESERVED:
        return [Problem(path, line, name, f"'{value}' is a reserved device name on Windows",
                        "choose another word")]
    return []


def check_file(
    path: Path,
    root: Path,
    folder: str | None = None,
    prefix: str | None = None,
    *,
    render: bool = True,
) -> FileReport:
    """Check one content file on its own (everything except rules across files).

    With `render=False` the Markdown body is not rendered for the last safety scan:
    the build passes it because it scans Pelican's own rendering (`scan_rendered`).
    """
    folder = folder or path.relative_to(root).parts[0]
    shown = shown_path(path, root, prefix)
    report = FileReport(shown, folder)
    fm, problems = frontmatter.read(path, shown)
    report.problems += problems
    if fm is None:
        return report
    report.metadata = fm.metadata
    collection = COLLECTIONS[folder]
    report.problems += [
        p for p in collection.check(fm.metadata, path=shown, lines=fm.lines, raws=fm.raw)
        if p.field not in fm.broken
    ]
    report.problems += extra_checks(folder, fm.metadata, shown, fm.lines)
    status = fm.metadata.get("status")
    if status is not None and status not in STATUSES:
        report.problems.append(Problem(shown, fm.lines.get("status", 1), "status",
                                       f"'{status}' is not one of {', '.join(STATUSES)}",
                                       "write 'status: draft' or delete the line"))
    report.url = _url_of(report, fm, path)
    body = BodyChecker(shown, path, root, fm.body_line, render=render)
    report.problems += body.check(fm.body)
    report.links = body.links
    return report


def _url_of(report: FileReport, fm: frontmatter.FrontMatter, path: Path) -> str | None:
    """Work out the file's address; report a slug taken from a bad file name."""
    slug = fm.metadata.get("slug")
    if not isinstance(slug, str) or not slug:
        if SLUG_REQUIRED[report.folder] or "slug" in fm.lines:
            return None  # already reported as a field problem
        slug = path.stem.lower()
        report.problems += [
            Problem(report.path, 1, "slug", f"the file name gives the address '{slug}', "
                    "which is not allowed", f"rename the file or add a 'slug:' line; {SLUG_HELP}")
            for _ in check_slug(slug, report.path, 1)
        ]
    elif not re.fullmatch(SLUG_PATTERN, slug):
        return None  # reported by the field check
    else:
        report.problems += [p for p in check_slug(slug, report.path, fm.lines.get("slug", 1))
                            if "reserved" in p.message or "characters long" in p.message]
    url = fm.metadata.get("url")
    if report.folder == "pages" and isinstance(url, str):
        return url
    return URLS[report.folder].format(slug=slug)


def normalise_route(target: str) -> str:
    """Turn '/platform/x', '/platform/x/index.html' or '/platform/x/' into 'platform/x/'."""
    route = target.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    if route.endswith("index.html"):
        route = route[: -len("index.html")]
    last = route.rsplit("/", 1)[-1]
    if route and not route.endswith("/") and "." not in last:
        route += "/"
    return route


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
        unsafe, links = scan_rendered(_MARKDOWN.reset().convert(body))
        seen = {link for _, link in self.links}
        self.links += [(self.first_line, link) for link in links if link not in seen]
        if unsafe:
            self.problem(0, "body", f"the rendered text contains an unsafe <{unsafe}> element",
                         "remove raw HTML and unusual links from the text")


# One Markdown instance for every backstop render (creating one per file costs more
# than the render itself). The build passes render=False and scans Pelican's own HTML.
_MARKDOWN = markdown.Markdown(extensions=["markdown.extensions.extra"])


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


def cross_file(reports: Iterable[FileReport], root: Path) -> list[Problem]:
    """Rules across files: two files with one address; links to addresses nobody builds."""
    reports = list(reports)
    problems: list[Problem] = []
    by_url: dict[str, list[FileReport]] = {}
    for r in reports:
        if r.url is not None:
            by_url.setdefault(normalise_route(r.url), []).append(r)
    for url, owners in sorted(by_url.items()):
        if GENERATED_RE.fullmatch(url) and url not in ("", "platform/", "act/"):
            for r in owners:
                problems.append(Problem(r.path, 1, "slug", f"the address /{url} is used by the "
                                        "site itself", "choose another slug"))
        if len(owners) > 1:
            for r in owners:
                others = ", ".join(o.path for o in owners if o is not r)
                problems.append(Problem(r.path, 1, "slug", f"the address /{url} is also used by "
                                        f"{others}", "give one of them another slug"))
    known = set(by_url)
    for r in reports:
        for line, link in r.links:
            route = normalise_route(link)
            if route in known or GENERATED_RE.fullmatch(route):
                continue
            if not _static_file(root, route):
                choices = sorted(k for k in known if k.split("/")[0] == route.split("/")[0])
                listed = ", ".join("/" + c for c in choices[:6])
                hint = f" (pages there: {listed})" if choices else ""
                problems.append(Problem(r.path, line, "body", f"the link '{link}' goes to no page "
                                        f"of the site{hint}", "correct the address or remove "
                                        "the link"))
    return problems


def _static_file(root: Path, route: str) -> bool:
    """Return True if the route is a static file shipped from content/ (images, extra)."""
    clean = posixpath.normpath(unquote(route))
    if clean.startswith(".."):
        return False
    return (root / clean).is_file()


MEDIA_FOLDER = "images"
MEDIA_MAX_BYTES = 5 * 1024 * 1024
MEDIA_NAME = re.compile(r"[a-z0-9]+(?:[._-][a-z0-9]+)*\.(?:jpe?g|png|gif|webp|avif|svg)")
# How each kind of image file starts (so a renamed .html or .js is not served as an image).
MAGIC: dict[str, tuple[bytes, ...]] = {
    "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",), "png": (b"\x89PNG\r\n\x1a\n",),
    "gif": (b"GIF87a", b"GIF89a"),
}
SVG_DANGER = re.compile(
    rb"<script|<foreignobject|\son[a-z]+\s*=|javascript:|(?:href|src)\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def _media_problem(data: bytes, suffix: str) -> str | None:
    """Return what is wrong with an image file's bytes, or None."""
    if suffix in MAGIC and not data.startswith(MAGIC[suffix]):
        return f"the file is not a .{suffix} image (its first bytes say otherwise)"
    if suffix == "webp" and not (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "the file is not a .webp image (its first bytes say otherwise)"
    if suffix == "avif" and data[4:12] not in (b"ftypavif", b"ftypavis"):
        return "the file is not a .avif image (its first bytes say otherwise)"
    if suffix == "svg":
        head = data[:1024].lstrip().lower()
        if not head.startswith((b"<svg", b"<?xml", b"<!--")) or b"<svg" not in data.lower():
            return "the file is not an SVG image"
        if SVG_DANGER.search(data):
            return "the SVG contains a script, an event handler or a link to another website"
    return None


def check_media(root: Path, prefix: str | None = None) -> list[Problem]:
    """Check the files in content/images: safe names, sane sizes, real images."""
    base = root / MEDIA_FOLDER
    problems: list[Problem] = []
    if not base.is_dir():
        return problems
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        shown = shown_path(path, root, prefix)
        relative = path.relative_to(base).as_posix()
        size = path.stat().st_size
        *folders, name = relative.split("/")
        if not MEDIA_NAME.fullmatch(name) or not all(
            re.fullmatch(SLUG_PATTERN, folder) for folder in folders
        ):
            problems.append(Problem(shown, 1, "file", f"'{relative}' is not a safe image name",
                                    "rename it with lower-case letters, digits and hyphens and "
                                    "an image extension, e.g. court-building.jpg"))
            continue
        if size == 0:
            problems.append(Problem(shown, 1, "file", "the image is empty (0 bytes)",
                                    "upload it again, or delete it"))
            continue
        if size > MEDIA_MAX_BYTES:
            problems.append(Problem(shown, 1, "file", f"the image is {size:,} bytes, more than "
                                    f"the limit of {MEDIA_MAX_BYTES:,}",
                                    "resize it (1,600 pixels wide is plenty) and save it again"))
            continue
        with path.open("rb") as f:
            data = f.read() if path.suffix.lower() == ".svg" else f.read(64)
        if message := _media_problem(data, path.suffix.lower().lstrip(".")):
            problems.append(Problem(shown, 1, "file", message,
                                    "export it again as a plain image from an image editor"))
    return problems


def check_tree(root: Path, prefix: str | None = None) -> list[Problem]:
    """Check every content file under `root` and the rules across files; return all problems.

    `prefix` is how `root` is shown in messages (default: its folder name, e.g. content).
    """
    reports = [check_file(p, root, prefix=prefix) for p in iter_content(root)]
    problems = [p for r in reports for p in r.problems]
    problems += cross_file(reports, root)
    problems += check_media(root, prefix)
    return sorted(problems, key=lambda p: (p.path, p.line, p.field, p.message))
