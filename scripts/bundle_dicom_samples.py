"""Copy the DICOM sample files from ../shared/data/dicom into samples/dicom with their licence and source notes.

Run from the repository root: ``python scripts/bundle_dicom_samples.py [SOURCE_DIR]``. The copies are committed so that
the demo, the evaluation and the tests work without ../shared.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data/dicom"
TARGET = Path(__file__).resolve().parents[1] / "samples/dicom"


def main() -> None:
    """Copy every file and print its checksum so a reviewer can compare with the source."""
    TARGET.mkdir(parents=True, exist_ok=True)
    for file in sorted(SOURCE.iterdir()):
        shutil.copyfile(file, TARGET / file.name)
        digest = hashlib.sha256(file.read_bytes()).hexdigest()[:16]
        print(f"{file.name:40} {file.stat().st_size:>9} {digest}")


if __name__ == "__main__":
    main()
