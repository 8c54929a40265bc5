#!/usr/bin/python3
"""Rebuild the bundled demo samples from the shared data folder.

Copies three chest X-rays verbatim (after checking their sha256 against the data folder's pinned values) and wraps
the adult one as a DICOM DX object with synthetic, non-identifying tags. Deterministic: UIDs are derived from the
source file's checksum, so running it twice writes byte-identical files.

Run with Debian's interpreter (it has python3-pydicom):  /usr/bin/python3 samples/make_samples.py [DATA_DIR]
DATA_DIR defaults to $RADLENS_DATA, then ../shared/data relative to the repository root.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import numpy as np
from PIL import Image
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, PYDICOM_IMPLEMENTATION_UID, generate_uid

HERE = Path(__file__).resolve().parent
DX_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1"
PLACEHOLDER_SPACING_MM = "0.2"

# (path relative to the data folder, sha256 from its CHECKSUMS.sha256, name in samples/)
SOURCES = [
    ("cxr/kermany/images/IM-0001-0001.jpg",
     "fc559e94a45217753d3db644a9e426fd5c40375347cb4a348ac0944075e0a984", "kermany-normal-IM-0001-0001.jpg"),
    ("cxr/kermany/images/person100_bacteria_475.jpg",
     "0de50edd9f3c98b9eded8012185412a1f7b7c87af23a75ecae87893edeeb8dea", "kermany-pneumonia-person100_bacteria_475.jpg"),
    ("cxr/covid-notes/images/329_637.jpg",
     "0a53164a07179925cb05275fd16de5773f924f407952e6e57be253d874fa0587", "covid-notes-329_637.jpg"),
]
DICOM_SOURCE = "covid-notes-329_637.jpg"
DICOM_NAME = "covid-notes-329_637.dcm"


def data_dir(argv: list[str]) -> Path:
    if len(argv) > 1:
        return Path(argv[1])
    if os.environ.get("RADLENS_DATA"):
        return Path(os.environ["RADLENS_DATA"])
    return HERE.parent.parent / "shared" / "data"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_checked(data: Path, rel: str, expected: str, name: str) -> Path:
    src = data / rel
    if not src.is_file():
        raise SystemExit(f"make_samples: {src} not found (set RADLENS_DATA or pass the data folder)")
    actual = sha256(src)
    if actual != expected:
        raise SystemExit(f"make_samples: {src} has sha256 {actual}, expected {expected}")
    dst = HERE / name
    shutil.copyfile(src, dst)
    return dst


def uid(seed: str, role: str) -> str:
    return generate_uid(entropy_srcs=["radlens-sample", seed, role])


def code(value: str, scheme: str, meaning: str) -> Dataset:
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def wrap_as_dx(jpeg: Path, out: Path) -> None:
    """Write the 8-bit grey JPEG as an uncompressed DICOM DX (for presentation) object."""
    pixels = np.asarray(Image.open(jpeg).convert("L"), dtype=np.uint8)
    seed = sha256(jpeg)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = DX_FOR_PRESENTATION
    meta.MediaStorageSOPInstanceUID = uid(seed, "sop")
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = PYDICOM_IMPLEMENTATION_UID
    ds = FileDataset(str(out), {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = DX_FOR_PRESENTATION
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = uid(seed, "study")
    ds.SeriesInstanceUID = uid(seed, "series")
    ds.FrameOfReferenceUID = uid(seed, "frame")
    # Patient / study: synthetic, non-identifying.
    ds.PatientName = "ANONYMOUS"
    ds.PatientID = "RADLENS-SAMPLE-1"
    ds.PatientBirthDate = ""
    ds.PatientSex = ""
    ds.StudyDate = "20200101"
    ds.StudyTime = "000000"
    ds.ContentDate = "20200101"
    ds.ContentTime = "000000"
    ds.AccessionNumber = ""
    ds.ReferringPhysicianName = ""
    ds.StudyID = "1"
    ds.StudyDescription = "RadLens bundled sample (not for diagnosis)"
    ds.SeriesNumber = 1
    ds.InstanceNumber = 1
    ds.Modality = "DX"
    ds.Manufacturer = "RadLens samples/make_samples.py"
    ds.PositionReferenceIndicator = ""
    ds.BodyPartExamined = "CHEST"
    ds.AnatomicRegionSequence = [code("51185008", "SCT", "Chest")]
    ds.ViewPosition = "PA"
    ds.ViewCodeSequence = [code("399348003", "SCT", "postero-anterior")]
    ds.PositionerType = ""
    ds.AcquisitionContextSequence = []
    ds.ImageLaterality = "U"
    ds.PatientOrientation = ["R", "F"]
    ds.PresentationIntentType = "FOR PRESENTATION"
    ds.ImageType = ["DERIVED", "SECONDARY"]
    ds.DerivationDescription = "8-bit JPEG from a CC BY 4.0 publication figure, wrapped as DX by RadLens"
    ds.BurnedInAnnotation = "NO"
    ds.LossyImageCompression = "01"
    ds.LossyImageCompressionMethod = "ISO_10918_1"
    ds.ImageComments = f"PixelSpacing {PLACEHOLDER_SPACING_MM} mm is a placeholder, not a measured value"
    ds.DetectorType = "DIRECT"
    ds.ImagerPixelSpacing = [PLACEHOLDER_SPACING_MM, PLACEHOLDER_SPACING_MM]
    ds.PixelSpacing = [PLACEHOLDER_SPACING_MM, PLACEHOLDER_SPACING_MM]
    ds.PixelIntensityRelationship = "LIN"
    ds.PixelIntensityRelationshipSign = 1
    ds.RescaleIntercept = "0"
    ds.RescaleSlope = "1"
    ds.RescaleType = "US"
    ds.PresentationLUTShape = "IDENTITY"
    ds.WindowCenter = "127.5"
    ds.WindowWidth = "256"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.Rows, ds.Columns = pixels.shape
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = pixels.tobytes()
    ds.save_as(str(out), write_like_original=False)


def main(argv: list[str]) -> int:
    data = data_dir(argv)
    for rel, expected, name in SOURCES:
        dst = copy_checked(data, rel, expected, name)
        print(f"copied {rel} -> samples/{dst.name}")
    wrap_as_dx(HERE / DICOM_SOURCE, HERE / DICOM_NAME)
    print(f"wrote samples/{DICOM_NAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
