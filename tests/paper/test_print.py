"""``journeykit print``: the PDFs a facilitator hands out, read back page by page.

Each test prints through the command line with the machine's Chromium, then reads
the PDF with PDFium (pypdfium2): the sheet size and count, the words on each page,
and each page drawn in grey as a grey printer would, saved as PNG in
``test-output/`` for a person to look at.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import pytest

import journeykit as jk
from journeykit.catalogue import schema
from journeykit.chromium import find_chromium
from journeykit.cli import main
from journeykit.figures.canvas import canvas_rows, canvas_sheets, prompt
from journeykit.figures.journey_map import row_label
from journeykit.paper import PAPERS
from tests.conftest import missing_dependency

pdfium = pytest.importorskip("pypdfium2")

#: Points (1/72 inch) per millimetre, for the sheet sizes PDFium reports.
PT_PER_MM = 72 / 25.4


@pytest.fixture(autouse=True)
def chromium() -> None:
    if find_chromium() is None:
        missing_dependency("Chromium", "install chromium (Debian: apt-get install chromium)")


def words(text: str) -> str:
    """Text with every run of white space as one space (lines wrap differently on paper)."""
    return " ".join(text.split())


def read_pdf(path: Path, out: Path) -> list[tuple[tuple[float, float], str]]:
    """Each page's size in points and its text; each page drawn in grey saved beside *out*."""
    document = pdfium.PdfDocument(path)
    pages = []
    for number, page in enumerate(document, 1):
        text = page.get_textpage().get_text_bounded()
        grey = page.render(scale=100 / 72, grayscale=True).to_numpy()
        save_grey_png(grey, out.with_name(f"{out.stem}-{number}.png"))
        check_readable_in_grey(grey, f"{path.name} page {number}")
        pages.append((page.get_size(), words(text)))
    document.close()
    return pages


def check_readable_in_grey(grey, where: str) -> None:
    """Dark ink on white or pale fills: real black text, and no area of mid grey (a tint
    a grey printer turns into a muddy background that text drowns in). An area is an
    8 x 8 pixel block with every pixel mid grey; text and lines are never that."""
    pixels = grey if grey.ndim == 2 else grey[..., 0]
    assert pixels.min() < 60, f"{where}: nothing printed dark"
    height, width = (n - n % 8 for n in pixels.shape)
    blocks = pixels[:height, :width].reshape(height // 8, 8, width // 8, 8)
    muddy = ((blocks.min(axis=(1, 3)) > 100) & (blocks.max(axis=(1, 3)) < 215)).mean()
    assert muddy < 0.005, f"{where}: {muddy:.1%} of the page is a mid-grey area"


def save_grey_png(grey, target: Path) -> None:
    """A grey image as a PNG file (no imaging library needed)."""
    pixels = grey if grey.ndim == 2 else grey[..., 0]
    height, width = pixels.shape
    raw = b"".join(b"\x00" + bytes(row) for row in pixels.astype("uint8"))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    target.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def landscape(size: str) -> tuple[float, float]:
    paper = PAPERS[size]
    return paper.width_mm * PT_PER_MM, paper.height_mm * PT_PER_MM


def test_a_blank_canvas_prints_every_stage_and_lane_with_its_prompt(tmp_path, test_output_dir):
    for framework, size in (("five-stage-decision", "A4"), ("eight-stage", "A3")):
        pdf = tmp_path / f"{framework}.pdf"
        code = main(["print", "canvas", "--framework", framework, "--size", size, "-o", str(pdf)])
        assert code == 0
        pages = read_pdf(pdf, test_output_dir / f"canvas-{framework}-{size}.png")
        expected = len(canvas_sheets(framework, *PAPERS[size].content_px))
        assert len(pages) == expected, (framework, size)
        for (width, height), text in pages:
            assert (width, height) == pytest.approx(landscape(size), abs=1)
            for i, stage in enumerate(jk.get_framework(framework).stage_names, 1):
                assert f"{i}. {stage}" in text, (stage, text[:300])
            assert "Business:" in text and "Team:" in text
        every_page = " ".join(text for _, text in pages)
        for row in canvas_rows():  # a journey map's lanes (the blueprint's with --lanes)
            assert words(row_label(row)) in every_page, row
            assert words(prompt(row)) in every_page, prompt(row)


def test_a_canvas_of_chosen_lanes_fits_one_a4_sheet(tmp_path, test_output_dir):
    pdf = tmp_path / "three.pdf"
    args = ["print", "canvas", "--lanes", "goal,emotion,pain_points", "-o", str(pdf)]
    assert main(args) == 0
    pages = read_pdf(pdf, test_output_dir / "three-lanes.png")
    assert len(pages) == 1
    text = pages[0][1]
    assert "Customer goal" in text and "Pain points" in text and "Touchpoints" not in text


def test_a_saved_map_prints_every_item_on_sheets_read_from_a_wall(tmp_path, test_output_dir):
    shop = jk.example("clothing-store")
    path = shop.save(tmp_path / "shop.json")
    for size in ("A4", "A3"):
        pdf = tmp_path / f"shop-{size}.pdf"
        assert main(["print", "map", str(path), "--size", size, "-o", str(pdf)]) == 0
        pages = read_pdf(pdf, test_output_dir / f"map-{size}.png")
        assert len(pages) > 1 if size == "A4" else len(pages) >= 1
        printed = " ".join(text for _, text in pages)
        for spec in schema().lanes:
            for stage in shop.stages:
                value = getattr(stage, spec.name)
                for item in value if isinstance(value, list) else [value]:
                    for word in re.findall(r"[A-Za-z]{4,}", str(item)):
                        assert word in printed, (spec.key, stage.name, item)
        assert "hover" not in printed
        for (width, height), _ in pages:
            assert (width, height) == pytest.approx(landscape(size), abs=1)


def test_persona_cards_print_filled_and_blank(tmp_path, test_output_dir):
    shop = jk.example("clothing-store")
    path = shop.save(tmp_path / "shop.json")
    pdf = tmp_path / "personas.pdf"
    assert main(["print", "persona", str(path), "--blank", "1", "-o", str(pdf)]) == 0
    pages = read_pdf(pdf, test_output_dir / "personas.png")
    assert len(pages) == 1, "two cards to a sheet"
    text = pages[0][1]
    assert f"Persona: {shop.persona.name}" in text
    assert words(shop.persona.description) in text
    for spec in schema().scope("persona"):
        assert words(spec.help) in text, spec.key  # the blank card's prompts
        assert spec.label.upper() in text.upper()


def test_print_refuses_what_it_cannot_print(capsys, tmp_path):
    assert main(["print", "canvas", "--lanes", "goal,feelings", "-o", str(tmp_path / "x")]) == 1
    assert "no lane 'feelings'" in capsys.readouterr().err
    assert main(["print", "map", str(tmp_path / "missing.json")]) == 1
    assert "missing.json" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))
