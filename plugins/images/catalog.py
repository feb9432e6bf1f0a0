"""The images of one build: what content/images/ holds and what each becomes in output/images/.

`scan` reads each file's header once at the start of the build (cheap), so pages know every
image's published size before they are rendered; `publish` writes the files at the end, from the
cache when the source and the settings are unchanged, else by encoding them.
"""

from __future__ import annotations

from dataclasses import dataclass
import hashlib
import logging
from pathlib import Path, PurePosixPath

from .cache import Store, cache_key
from .processing import FORMATS, ImageError, Plan, encode, plan
from .settings import LOG_PREFIX, ImagesSettings
from .svg import SvgError, clean_svg, svg_size

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Output:
    """One published file: its path in the output (and URL path), size and cache blob name."""

    path: str
    width: int | None
    height: int | None
    blob: str


@dataclass(frozen=True, slots=True)
class Source:
    """One image of content/images/ and the files it is published as (the full size first)."""

    rel: str
    file: Path
    digest: str
    plan: Plan | None  # None for SVG
    outputs: tuple[Output, ...]

    @property
    def full(self) -> Output:
        """The full-size copy (same name as the source)."""
        return self.outputs[0]


@dataclass(frozen=True, slots=True)
class Catalog:
    """Every publishable image of the build, by content-relative path ('images/a.jpg')."""

    sources: dict[str, Source]
    problems: tuple[str, ...]

    def get(self, rel: str) -> Source | None:
        """Return the image published from this content-relative path, if any."""
        return self.sources.get(rel)


def _shown(root: Path, file: Path) -> str:
    return (PurePosixPath(root.name) / file.relative_to(root).as_posix()).as_posix()


def _source(root: Path, file: Path, cfg: ImagesSettings) -> Source:
    rel = file.relative_to(root).as_posix()
    data = file.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    shown = _shown(root, file)
    pure = PurePosixPath(rel)
    if pure.suffix.lower() == ".svg":
        size = svg_size(data, shown)
        width, height = size if size else (None, None)
        return Source(rel, file, digest, None, (Output(rel, width, height, "svg"),))
    planned = plan(data, shown, pure.suffix, cfg)
    outputs = tuple(
        Output(str(pure.with_name(f"{pure.stem}{s.suffix}{pure.suffix}")), s.width, s.height,
               f"{s.width}x{s.height}")
        for s in planned.sizes
    )
    return Source(rel, file, digest, planned, outputs)


def scan(root: Path, cfg: ImagesSettings) -> Catalog:
    """Plan every image under <root>/<IMAGES_FOLDER>; a missing folder is an empty catalog."""
    folder = root / cfg.folder
    sources: dict[str, Source] = {}
    problems: list[str] = []
    owners: dict[str, str] = {}
    if not folder.is_dir():
        return Catalog({}, ())
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if not file.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        if file.suffix.lower() not in (*FORMATS, ".svg"):
            continue  # not an image: content_schema reports it, nothing is published
        try:
            source = _source(root, file, cfg)
        except (ImageError, SvgError) as exc:
            problems.append(str(exc))
            continue
        clash = next((o.path for o in source.outputs if o.path in owners), None)
        if clash:
            problems.append(
                f"{LOG_PREFIX} {_shown(root, file)}: would be published as {clash}, the name of a "
                f"copy of {owners[clash]}; rename one of the two files"
            )
            continue
        owners.update({o.path: source.rel for o in source.outputs})
        sources[source.rel] = source
    return Catalog(sources, tuple(problems))


def _make(source: Source, shown: str, cfg: ImagesSettings) -> dict[str, bytes]:
    data = source.file.read_bytes()
    if source.plan is None:
        return {"svg": clean_svg(data, shown)}
    encoded = encode(data, source.plan, cfg)
    return {f"{s.width}x{s.height}": encoded[s.suffix] for s in source.plan.sizes}


def write(output: Path, rel: str, data: bytes) -> None:
    """Write one file into the output folder."""
    target = output / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def publish(catalog: Catalog, root: Path, output: Path, store: Store, cfg: ImagesSettings) -> None:
    """Write every image of the catalog into the output folder (cached or freshly encoded)."""
    for source in catalog.sources.values():
        shown = _shown(root, source.file)
        kind = "svg" if source.plan is None else "raster"
        key = cache_key(kind, cfg.encoding_key(), source.digest)
        try:
            blobs = store.fetch(key, [o.blob for o in source.outputs],
                                lambda s=source, n=shown: _make(s, n, cfg))
        except (OSError, ValueError, SvgError) as exc:
            logger.error("%s %s: cannot be published (%s); export it again from an image editor",
                         LOG_PREFIX, shown, exc)
            continue
        for out in source.outputs:
            write(output, out.path, blobs[out.blob])
