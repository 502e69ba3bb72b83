"""Which DICOM transfer syntaxes an install decodes (the README's table), with and without the GPL decoder.

The default install decodes every listed syntax with permissively licensed decoders (GDCM, CharLS via pyjpegls,
openjpeg, Pillow, pydicom's RLE). ``pip install 'careforge[gpl-decoders]'`` adds pylibjpeg's libjpeg (GPL-3.0) as
another path for the JPEG family; its tests skip when it is not installed (the dev extra installs it, so CI runs them).
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from pydicom import dcmread
from pydicom.data import get_testdata_file
from pydicom.pixels import get_decoder, pixel_array

from tools.images import render_image

# transfer syntax -> (a file of pydicom's bundled test data, the permissive decoders expected to read it)
SYNTAXES = {
    "JPEG Baseline (Process 1)": ("SC_rgb_jpeg_dcmtk.dcm", ("gdcm", "pillow")),
    "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])": (
        "SC_rgb_jpeg_gdcm.dcm",
        ("gdcm",),
    ),
    "JPEG-LS Lossless Image Compression": ("MR_small_jpeg_ls_lossless.dcm", ("pyjpegls", "gdcm")),
    "JPEG-LS Lossy (Near-Lossless) Image Compression": ("JPEGLSNearLossless_08.dcm", ("pyjpegls", "gdcm")),
    "JPEG 2000 Image Compression (Lossless Only)": ("MR_small_jp2klossless.dcm", ("pylibjpeg", "gdcm")),
    "JPEG 2000 Image Compression": ("JPEG2000.dcm", ("pylibjpeg", "gdcm")),
    "RLE Lossless": ("MR_small_RLE.dcm", ("pydicom",)),
}
GPL_JPEG = [s for s in SYNTAXES if s.startswith("JPEG") and "2000" not in s]
TWELVE_BIT_EXTENDED = "JPGExtended.dcm"  # JPEG Extended (Process 2 and 4), 12 bits stored
HAS_LIBJPEG = importlib.util.find_spec("libjpeg") is not None
NO_LIBJPEG = "pylibjpeg-libjpeg (GPL-3.0) is not installed: pip install 'careforge[gpl-decoders]'"


def _file(syntax: str) -> str:
    path = str(get_testdata_file(SYNTAXES[syntax][0]))
    assert dcmread(path, stop_before_pixels=True).file_meta.TransferSyntaxUID.name == syntax
    return path


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_each_listed_syntax_renders_through_the_image_tool(syntax: str) -> None:
    rendered = render_image(_file(syntax))
    assert rendered.png[:8] == b"\x89PNG\r\n\x1a\n" and rendered.display.size > 0


@pytest.mark.parametrize("syntax", SYNTAXES)
def test_each_listed_syntax_has_a_permissively_licensed_decoder(syntax: str) -> None:
    path = _file(syntax)
    uid = dcmread(path, stop_before_pixels=True).file_meta.TransferSyntaxUID
    expected = SYNTAXES[syntax][1]
    assert set(expected) <= set(get_decoder(uid).available_plugins)
    for plugin in expected:  # "pylibjpeg" here is openjpeg (MIT), never libjpeg: the JPEG family lists no pylibjpeg
        assert pixel_array(path, decoding_plugin=plugin).size > 0


@pytest.mark.skipif(
    not HAS_LIBJPEG, reason="pylibjpeg-libjpeg (GPL-3.0) is not installed: pip install '.[gpl-decoders]'"
)
@pytest.mark.parametrize("syntax", GPL_JPEG)
def test_the_gpl_decoder_reads_the_jpeg_family_as_the_permissive_ones_do(syntax: str) -> None:
    path = _file(syntax)
    gpl = pixel_array(path, decoding_plugin="pylibjpeg").astype(int)
    permissive = pixel_array(path, decoding_plugin=SYNTAXES[syntax][1][0]).astype(int)
    assert gpl.shape == permissive.shape
    lossless = "Lossless" in syntax and "Near" not in syntax
    assert np.abs(gpl - permissive).max() <= (0 if lossless else 8)
