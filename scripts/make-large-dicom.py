#!/usr/bin/python3
"""Writes two large DICOM files for the reader benchmark (docs/BENCHMARKS.md), with pydicom:
  OUTDIR/multiframe-12k.dcm : an enhanced MR-like instance with 12,000 frames, one Per-frame Functional Groups
                              item per frame (Frame Content, Plane Position), 64x64x16-bit frames (~98 MB)
  OUTDIR/pixel-100mb.dcm    : a secondary capture with one 100 MiB pixel data element
Usage: scripts/make-large-dicom.py OUTDIR      (the files are generated data: never commit them)
"""
import os
import sys

from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid


def base(sop_class):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.PatientName = "Large^Test"
    ds.PatientID = "LARGE-1"
    ds.Modality = "MR"
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 0
    return ds


def multiframe(path, frames=12000):
    ds = base("1.2.840.10008.5.1.4.1.1.4.1")
    ds.Rows = 64
    ds.Columns = 64
    ds.NumberOfFrames = frames
    items = []
    for frame in range(frames):
        content = Dataset()
        content.FrameAcquisitionNumber = frame + 1
        content.InStackPositionNumber = frame + 1
        position = Dataset()
        position.ImagePositionPatient = [-125.0, -125.0, frame * 0.5]
        item = Dataset()
        item.FrameContentSequence = Sequence([content])
        item.PlanePositionSequence = Sequence([position])
        items.append(item)
    ds.PerFrameFunctionalGroupsSequence = Sequence(items)
    ds.PixelData = bytes(64 * 64 * 2 * frames)
    ds.save_as(path, write_like_original=False)


def large_pixel(path, size=100 * 1024 * 1024):
    ds = base("1.2.840.10008.5.1.4.1.1.7")
    ds.Rows = 5120
    ds.Columns = size // (5120 * 2)
    ds.PixelData = bytes(size)
    ds.save_as(path, write_like_original=False)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "bench-out"
    os.makedirs(out, exist_ok=True)
    multiframe(os.path.join(out, "multiframe-12k.dcm"))
    large_pixel(os.path.join(out, "pixel-100mb.dcm"))
    print(out)
