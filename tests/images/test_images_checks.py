"""`make check-content` says what the image rules of the build say, before the build."""

from __future__ import annotations

from pathlib import Path

import check_content
from images_helpers import images_site, phone_jpeg
import pytest

from tests.conftest import check_tree


def test_a_photo_with_its_location_is_a_warning_saying_the_copy_will_not_have_it(
    tmp_path: Path,
) -> None:
    content = images_site(tmp_path)
    warnings = [p for p in check_tree(content) if not p.is_error]
    photos = {p.path for p in warnings if "carries its location" in p.message}
    assert photos, warnings
    for problem in warnings:
        assert "the published copy will not" in problem.message
        assert problem.path.startswith("content/images/")
    # A clean photo gets no warning.
    assert not any(p.endswith("clean.jpg") for p in photos)


def test_warnings_alone_pass_check_content(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    content = images_site(tmp_path)
    assert check_content.main([str(content)]) == 0
    captured = capsys.readouterr()
    assert "carries its location" in captured.out and "(warning)" in captured.out
    assert "no problems and" in captured.err and "warning(s)" in captured.err
    assert check_content.main([str(content), "--format", "github"]) == 0
    assert "::warning file=" in capsys.readouterr().out


def test_an_image_linked_with_attach_is_an_error(tmp_path: Path) -> None:
    content = images_site(tmp_path)
    (content / "images" / "more.jpg").write_bytes(phone_jpeg())
    page = content / "pages" / "attach.md"
    page.write_text("---\ntitle: Attach\n---\n\n![A photo]({attach}/images/more.jpg)\n",
                    encoding="utf-8")
    errors = [str(p) for p in check_tree(content) if p.is_error]
    assert any(e.startswith("content/pages/attach.md:5: image: '{attach}/images/more.jpg' "
                            "would publish the file as it is") for e in errors), errors
