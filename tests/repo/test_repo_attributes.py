"""Our .gitattributes keeps images byte for byte through commit and clone, and text LF."""

from __future__ import annotations

import io
import os
from pathlib import Path
import shutil
import subprocess

from PIL import Image, ImageDraw
import pytest

ROOT = Path(__file__).resolve().parents[2]
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")
BINARY_SUFFIXES = (
    "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "woff", "woff2", "ttf", "otf", "pdf",
)


def git(cwd: Path, *args: str) -> str:
    """Run git with no user or system configuration (so autocrlf on this machine cannot help)."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    done = subprocess.run(
        [GIT or "git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def picture() -> Image.Image:
    """A small real picture: a gradient with a few shapes, like a cropped photo."""
    image = Image.new("RGB", (48, 32))
    image.putdata([(x * 5, y * 7, (x * y) % 256) for y in range(32) for x in range(48)])
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 4, 30, 28), fill=(138, 28, 28))
    draw.rectangle((32, 8, 44, 24), outline=(255, 255, 255), width=2)
    return image


def png_bytes() -> bytes:
    """A real PNG (its 8-byte signature always holds a CR LF pair)."""
    out = io.BytesIO()
    picture().save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes() -> bytes:
    """A real JPEG whose bytes hold a CR LF pair: its comment has a Windows line break."""
    out = io.BytesIO()
    picture().save(out, format="JPEG", quality=85, comment=b"Court building\r\nCC BY 4.0")
    return out.getvalue()


def commit_and_clone(tmp_path: Path, files: dict[str, bytes]) -> Path:
    """Commit `files` in a new repository with our .gitattributes; return a fresh clone."""
    origin = tmp_path / "origin"
    origin.mkdir()
    git(origin, "init", "-q", "-b", "main")
    shutil.copy(ROOT / ".gitattributes", origin / ".gitattributes")
    for name, data in files.items():
        (origin / name).parent.mkdir(parents=True, exist_ok=True)
        (origin / name).write_bytes(data)
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "A volunteer's case with pictures")
    git(tmp_path, "clone", "-q", str(origin), "clone")
    return tmp_path / "clone"


def test_images_come_back_byte_for_byte(tmp_path: Path) -> None:
    """A PNG and a JPEG with CR LF in their bytes survive commit and clone unchanged."""
    png, jpeg = png_bytes(), jpeg_bytes()
    assert b"\r\n" in png
    assert b"\r\n" in jpeg, "the JPEG must hold CR LF, or the test could not fail"
    files = {"content/images/court-building.png": png, "content/images/court-building.jpg": jpeg}
    clone = commit_and_clone(tmp_path, files)
    changed = {
        name: f"{len(data)} bytes committed, {len((clone / name).read_bytes())} came back"
        for name, data in files.items()
        if (clone / name).read_bytes() != data
    }
    assert changed == {}
    for name in files:
        with Image.open(clone / name) as image:
            image.load()
            assert image.size == (48, 32)
    assert git(clone, "status", "--porcelain") == ""


def test_text_is_stored_and_checked_out_with_lf(tmp_path: Path) -> None:
    """Markdown, YAML and SVG written with CR LF are committed and checked out with LF."""
    files = {
        "content/cases/2024-01-01-a.md": b"---\r\ntitle: A\r\n---\r\nText.\r\n",
        "content/data.yaml": b"a: 1\r\nb: 2\r\n",
        "content/images/mark.svg": b'<svg xmlns="http://www.w3.org/2000/svg">\r\n</svg>\r\n',
    }
    clone = commit_and_clone(tmp_path, files)
    for name, data in files.items():
        assert (clone / name).read_bytes() == data.replace(b"\r\n", b"\n"), name


@pytest.mark.parametrize("suffix", BINARY_SUFFIXES)
def test_every_binary_kind_is_binary(suffix: str) -> None:
    """Each image, font and PDF extension, in lower and upper case, is binary; text is not."""
    names = [f"content/images/a.{suffix}", f"theme/static/A.{suffix.upper()}"]
    out = git(ROOT, "check-attr", "binary", "text", "--", *names)
    for name in names:
        assert f"{name}: binary: set" in out, out
        assert f"{name}: text: unset" in out, out


def test_committed_favicon_is_a_valid_icon() -> None:
    """content/extra/favicon.ico as committed is an ICO Pillow can read, 32x32."""
    blob = subprocess.run(
        [GIT or "git", "cat-file", "blob", "HEAD:content/extra/favicon.ico"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout
    with Image.open(io.BytesIO(blob)) as icon:
        icon.load()
        assert icon.format == "ICO"
        assert (32, 32) in icon.info["sizes"]
