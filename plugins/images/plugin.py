"""Receivers of the images plugin and its generator; register() is the table of contents.

One build: `ImagesGenerator` is made before any content is read; it reads the settings and
scans content/images/ once and leaves that in the context all generators share (BUILD_KEY).
Each page's HTML is then given its images' sizes as Pelican reads it (content_object_init);
after the pages are read, platform, action and home pages get `share_image`; at the end the
images and share images are written (from the cache when nothing changed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
import logging
from pathlib import Path, PurePosixPath
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.utils import get_relative_path, path_to_url

from content_schema.checks import checks
from content_schema.routes import Routes, routes
from pluginkit import SiteError, requires, settings_of

from .cache import Store, cache_key
from .catalog import Catalog, publish, scan, write
from .checks import content_checks
from .html import rewrite
from .settings import LOG_PREFIX, SHARE_SIZE, ImagesSettings
from .share import ShareImage, draw_card, load_font, missing_glyphs

logger = logging.getLogger(__name__)

#: Where one build keeps its `Build` in the context shared by its generators and contents.
BUILD_KEY = "images_build"


class ImagesError(SiteError, ValueError):
    """Two pages or files would be published under one name; the message names them."""


@dataclass
class Build:
    """What one build knows about its images (made once, by ImagesGenerator)."""

    cfg: ImagesSettings
    root: Path
    catalog: Catalog
    store: Store
    cards: dict[str, ShareImage] = field(default_factory=dict)
    font: bytes = b""


def _share_name(rel: str, slug: str, cfg: ImagesSettings) -> str | None:
    """Return the share image's file name for a content file, or None if it gets none."""
    for path, kind in cfg.share_pages:
        if rel == path:
            return f"{kind}.png"
        if rel.startswith(f"{path}/"):
            return f"{kind}-{slug}.png"
    return None


class ImagesGenerator(Generator):
    """Publish content/images/ safely and draw the share images."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Read the settings and plan every image (errors in the settings stop the build)."""
        super().__init__(*args, **kwargs)
        cfg = settings_of(self.settings, ImagesSettings)
        root = Path(self.path)
        catalog = scan(root, cfg)
        for problem in catalog.problems:
            logger.error("%s", problem)
        self.build = Build(cfg, root, catalog, Store(Path(self.settings["CACHE_PATH"])))
        self.context[BUILD_KEY] = self.build

    def generate_context(self) -> None:
        """Give the home, platform and action pages their `share_image`."""
        build, cfg = self.build, self.build.cfg
        site = str(self.settings.get("SITENAME", ""))
        tagline = str(self.settings.get("SITE_TAGLINE", "") or "")
        taken = {o.path for s in build.catalog.sources.values() for o in s.outputs}
        pages = [*self.context.get("pages", []), *self.context.get("hidden_pages", [])]
        for page in sorted(pages, key=lambda p: p.get_relative_source_path()):
            rel = PurePosixPath(page.get_relative_source_path().replace("\\", "/")).as_posix()
            name = _share_name(rel, page.slug, cfg)
            if name is None:
                continue
            path = f"{cfg.share_folder}/{name}"
            if path in taken or path in build.cards:
                raise ImagesError(f"{LOG_PREFIX} content/{rel}: its share image {path} has the "
                                  "name of another file; give the page another slug")
            if not build.font:
                build.font = load_font(cfg.share_font)
            text = " ".join(str(page.title).split())
            if text.casefold() == site.casefold() and tagline:
                text = tagline  # the home page: the site's name is drawn anyway
            if missing := missing_glyphs(cfg.share_font, text):
                logger.warning("%s content/%s: title: the share image's font has no letter %s; "
                               "write the title without it, or set IMAGES_SHARE_FONT to a font "
                               "that has it", LOG_PREFIX, rel, " ".join(map(repr, missing)))
            card = ShareImage(path, *SHARE_SIZE, f"{text} ({site})" if site else text, text)
            build.cards[path] = card
            page.share_image = card

    def generate_output(self, writer: Any) -> None:
        """Write the images and the share images; forget cache entries no longer used."""
        del writer
        build, cfg = self.build, self.build.cfg
        output = Path(self.output_path)
        publish(build.catalog, build.root, output, build.store, cfg)
        site = str(self.settings.get("SITENAME", ""))
        colours = repr((SHARE_SIZE, cfg.share_background, cfg.share_text, cfg.share_accent))
        for path, card in build.cards.items():
            key = cache_key("card", colours, build.font, card.text, site)
            blobs = build.store.fetch(
                key, ["png"], lambda c=card: {"png": draw_card(c.text, site, cfg)}
            )
            write(output, path, blobs["png"])
        build.store.prune()
        logger.info("%s %d image(s) and %d share image(s) written; %d from the cache, %d made",
                    LOG_PREFIX, len(build.catalog.sources), len(build.cards),
                    build.store.hits, build.store.misses)


def check_settings(pelican: Any) -> None:
    """Stop at start-up on a bad IMAGES_* setting or a missing content_schema plugin."""
    requires(pelican.settings, "images", "content_schema")
    settings_of(pelican.settings, ImagesSettings)


def image_routes(settings: Any) -> Routes:
    """Tell content_schema which addresses this plugin writes."""
    return settings_of(settings, ImagesSettings).routes()


def add_generator(pelican: Any) -> type[ImagesGenerator]:
    """Contribute the generator (it runs after the pages are read, before static files)."""
    del pelican
    return ImagesGenerator


def rewrite_images(content: Any) -> None:
    """content_object_init: give the page's <img> of ours width, height, srcset, lazy loading."""
    context = getattr(content, "_context", None) or {}
    build: Build | None = context.get(BUILD_KEY)
    html = getattr(content, "_content", None)
    if build is None or not isinstance(html, str) or "<img" not in html:
        return
    rel = PurePosixPath(content.get_relative_source_path().replace("\\", "/"))
    settings = content.settings
    if settings.get("RELATIVE_URLS"):
        siteurl = path_to_url(get_relative_path(content.save_as))
    else:
        siteurl = str(settings.get("SITEURL", "")).rstrip("/")
    new, attached = rewrite(html, build.catalog, rel.parent.as_posix(), siteurl, build.cfg.sizes)
    content._content = new
    for src in attached:
        logger.warning("%s content/%s: image '%s': {attach} would publish the file as it is, "
                       "beside the page; write /%s/<name> instead", LOG_PREFIX, rel, src,
                       build.cfg.folder)


def drop_static_copies(generator: Any) -> None:
    """static_generator_finalized: Pelican copies nothing from content/images/ (we publish it)."""
    build: Build | None = generator.context.get(BUILD_KEY)
    if build is None:
        return
    prefix = f"{build.cfg.folder}/"
    kept = [
        s for s in generator.staticfiles
        if not s.get_relative_source_path().replace("\\", "/").startswith(prefix)
    ]
    generator.staticfiles[:] = kept
    generator.context["staticfiles"] = generator.staticfiles


def register() -> None:
    """Connect receivers; no logic here."""
    signals.initialized.connect(check_settings)
    signals.get_generators.connect(add_generator)
    routes.connect(image_routes)
    checks.connect(content_checks)
    signals.content_object_init.connect(rewrite_images)
    signals.static_generator_finalized.connect(drop_static_copies)
