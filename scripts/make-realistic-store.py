#!/usr/bin/python3
"""Writes a realistic DICOM store for the export benchmarks (docs/BENCHMARKS.md), with pydicom.

Real vendor headers from the pydicom corpus (Debian python3-pydicom: a GE CT with 179 private elements, a GE Genie
NM, an HMC CT, an MR, a segmentation, an SR) are cloned with new UIDs into a patient / study / series / instance
hierarchy. Every clone also carries the private groups a Siemens scanner writes: the "SIEMENS MR HEADER" elements of
group 0019 and the "SIEMENS CSA HEADER" blocks of group 0029 (CSA image and series headers: binary OB values in the
CSA2 layout, 10-30 KB per instance, the series header holding an ASCCONV protocol text), which are what make real
headers heavy. Values that differ per instance in a real series (instance number, slice position, acquisition time,
the CSA image header) differ here too.

Usage: scripts/make-realistic-store.py OUTDIR COUNT [--seed N]
  OUTDIR/PATIENT/STUDY/SERIES/INSTANCE.dcm, COUNT instances in all; prints the total size and the mean per file.
  (The files are generated data: never commit them.)
"""
import argparse
import copy
import os
import random
import struct
import sys
import warnings

import pydicom
from pydicom.dataset import Dataset
from pydicom.uid import generate_uid

CORPUS = os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files")
# template file, weight (how many series of it, relatively)
TEMPLATES = [
    ("CT_small.dcm", 5),
    ("MR_small.dcm", 4),
    ("JPEG-lossy.dcm", 1),
    ("J2K_pixelrep_mismatch.dcm", 1),
    ("liver_1frame.dcm", 1),
    ("test-SR.dcm", 1),
]
SERIES_PER_STUDY = 4
STUDIES_PER_PATIENT = 2
MAX_INSTANCES_PER_SERIES = 120

# Element names of a Siemens CSA image header (syngo), with their VR and how many values they hold.
CSA_IMAGE_ELEMENTS = [
    ("EchoLinePosition", "IS", 1), ("EchoColumnPosition", "IS", 1), ("EchoPartitionPosition", "IS", 1),
    ("UsedChannelMask", "UL", 1), ("Actual3DImaPartNumber", "IS", 1), ("ICE_Dims", "LO", 1),
    ("B_value", "IS", 1), ("Filter1", "IS", 1), ("Filter2", "IS", 1), ("ProtocolSliceNumber", "IS", 1),
    ("RealDwellTime", "IS", 1), ("PixelFile", "UN", 1), ("PixelFileName", "UN", 1),
    ("SliceMeasurementDuration", "DS", 1), ("SequenceMask", "UL", 1), ("AcquisitionMatrixText", "SH", 1),
    ("MeasuredFourierLines", "IS", 1), ("FlowEncodingDirection", "IS", 1), ("FlowVenc", "FD", 1),
    ("PhaseEncodingDirectionPositive", "IS", 1), ("NumberOfImagesInMosaic", "US", 1),
    ("DiffusionGradientDirection", "FD", 3), ("ImageGroup", "US", 1), ("SliceNormalVector", "FD", 3),
    ("DiffusionDirectionality", "CS", 1), ("TimeAfterStart", "DS", 1), ("FlipAngle", "DS", 1),
    ("SequenceName", "SH", 1), ("RepetitionTime", "DS", 1), ("EchoTime", "DS", 1), ("NumberOfAverages", "DS", 1),
    ("VoxelThickness", "DS", 1), ("VoxelPhaseFOV", "DS", 1), ("VoxelReadoutFOV", "DS", 1),
    ("VoxelPositionSag", "DS", 1), ("VoxelPositionCor", "DS", 1), ("VoxelPositionTra", "DS", 1),
    ("VoxelNormalSag", "DS", 1), ("VoxelNormalCor", "DS", 1), ("VoxelNormalTra", "DS", 1),
    ("VoxelInPlaneRot", "DS", 1), ("ImagePositionPatient", "DS", 3), ("ImageOrientationPatient", "DS", 6),
    ("PixelSpacing", "DS", 2), ("SliceLocation", "DS", 1), ("SliceThickness", "DS", 1), ("SpectrumTextRegionLabel", "SH", 1),
    ("Comp_Algorithm", "IS", 1), ("Comp_Blended", "IS", 1), ("Comp_ManualAdjusted", "IS", 1),
    ("Comp_AutoParam", "LT", 1), ("Comp_AdjustedParam", "LT", 1), ("Comp_JobID", "LT", 1),
    ("FMRIStimulInfo", "IS", 1), ("FlowEncodingDirectionString", "SH", 1), ("RepetitionTimeEffective", "DS", 1),
    ("CsiImagePositionPatient", "DS", 3), ("CsiImageOrientationPatient", "DS", 6), ("CsiPixelSpacing", "DS", 2),
    ("CsiSliceLocation", "DS", 1), ("CsiSliceThickness", "DS", 1), ("OriginalSeriesNumber", "IS", 1),
    ("OriginalImageNumber", "IS", 1), ("ImaAbsTablePosition", "SL", 3), ("NonPlanarImage", "US", 1),
    ("MoCoQMeasure", "US", 1), ("LQAlgorithm", "SH", 1), ("SlicePosition_PCS", "FD", 3), ("RBMoCoTrans", "FD", 3),
    ("RBMoCoRot", "FD", 3), ("MultistepIndex", "IS", 1), ("ImaRelTablePosition", "IS", 3), ("ImaCoilString", "LO", 1),
    ("RFSWDDataType", "SH", 1), ("GSWDDataType", "SH", 1), ("NormalizeManipulated", "IS", 1),
    ("ImaPATModeText", "LO", 1), ("B_matrix", "FD", 6), ("BandwidthPerPixelPhaseEncode", "FD", 1),
    ("FMRIStimulLevel", "FD", 1), ("MosaicRefAcqTimes", "FD", 64), ("AutoInlineImageFilterEnabled", "SL", 1),
    ("QCData", "FD", 24), ("ExamLandmarks", "LO", 1), ("ExamDataRole", "ST", 1), ("MRDiffusion", "ST", 1),
    ("RealWorldValueMapping", "ST", 1), ("DataFileName", "ST", 1), ("DataSetInfo", "ST", 1),
]

# Siemens MR header elements of group 0019 (creator "SIEMENS MR HEADER"): element, VR, example value.
SIEMENS_MR_HEADER = [
    (0x08, "CS", "IMAGE NUM 4"), (0x09, "LO", "1.0"), (0x0B, "DS", "5770"), (0x0F, "SH", "Fast*"),
    (0x11, "SH", "No"), (0x12, "SL", [0, 0, 1180]), (0x13, "SL", [0, 0, 1180]), (0x14, "IS", [0, 0, 0]),
    (0x15, "FD", [-0.74, -104.9, 10.8]), (0x17, "DS", "1"), (0x18, "IS", "2500"), (0x1B, "DS", "0"),
    (0x28, "FD", 199.0), (0x0A, "US", 1),
]


def csa_element(name, vr, values):
    """One CSA2 element: a 64-byte name, VM, VR, syngo data type, item count, then each item (4 ints, text padded)."""
    out = bytearray(name.encode("ascii")[:63].ljust(64, b"\0"))
    out += struct.pack("<i4sii", len(values), vr.encode("ascii").ljust(4, b"\0"), 0, len(values))
    out += struct.pack("<i", 77)
    for value in values:
        text = value.encode("latin-1") + b"\0"
        out += struct.pack("<4i", len(text), len(text), 77, len(text))
        out += text.ljust((len(text) + 3) // 4 * 4, b"\0")
    return out


def csa_header(elements):
    """A CSA2 ("SV10") header: the magic, the element count, then the elements."""
    out = bytearray(b"SV10\x04\x03\x02\x01")
    out += struct.pack("<2I", len(elements), 77)
    for name, vr, values in elements:
        out += csa_element(name, vr, values)
    if len(out) % 2:
        out += b"\0"
    return bytes(out)


def number(rng, vr):
    if vr in ("IS", "US", "UL", "SL"):
        return str(rng.randint(0, 4096))
    if vr in ("LO", "SH", "CS", "LT", "ST", "UN"):
        return rng.choice(["", "HEA;HEP", "p2", "NORMAL", "ORIGINAL\\PRIMARY", "ep_b1000", "Body_Coil"])
    return "%.8f" % rng.uniform(-250, 250)


def csa_image_header(rng, slice_position, target_bytes):
    elements = []
    for name, vr, vm in CSA_IMAGE_ELEMENTS:
        if name in ("SliceLocation", "SlicePosition_PCS"):
            values = ["%.8f" % slice_position] * vm
        else:
            values = [number(rng, vr) for _ in range(vm)]
        elements.append((name, vr, values))
    header = csa_header(elements)
    # The real image header repeats per-frame timing tables; pad with one such table to the target size.
    times = []
    while len(header) + sum(len(t) for t in times) + 200 < target_bytes:
        times.append("%.8f" % rng.uniform(0, 3000))
    elements.append(("MosaicRefAcqTimesExtended", "FD", times))
    return csa_header(elements)


def asccconv_protocol(rng, series_number, target_bytes):
    """The series header's MrPhoenixProtocol: an ASCCONV block of key = value lines, as syngo writes it."""
    lines = ["### ASCCONV BEGIN object=MrProtDataImpl@MrProtocolData version=51130001 ###",
             'tProtocolName\t = \t"series_%d"' % series_number]
    i = 0
    size = sum(len(line) + 1 for line in lines)
    while size < target_bytes:
        key = rng.choice(["sKSpace.lBaseResolution", "sSliceArray.asSlice[%d].dThickness" % (i % 64),
                          "sSliceArray.asSlice[%d].sPosition.dTra" % (i % 64), "sRXSPEC.alDwellTime[%d]" % (i % 8),
                          "sTXSPEC.asNucleusInfo[0].lFrequency", "sCoilSelectMeas.aRxCoilSelectData[0].asList[%d].lElementSelected" % (i % 32),
                          "sAdjData.uiAdjFreMode", "alTR[%d]" % (i % 4), "alTE[%d]" % (i % 4), "sPat.lAccelFactPE"])
        line = "%s\t = \t%s" % (key, number(rng, "DS"))
        lines.append(line)
        size += len(line) + 1
        i += 1
    lines.append("### ASCCONV END ###")
    return "\n".join(lines)


def csa_series_header(rng, series_number, target_bytes):
    elements = [(name, vr, [number(rng, vr)]) for name, vr in [
        ("UsedPatientWeight", "IS"), ("NumberOfPrescans", "IS"), ("TransmitterCalibration", "DS"),
        ("PhaseGradientAmplitude", "DS"), ("ReadoutGradientAmplitude", "DS"), ("SelectionGradientAmplitude", "DS"),
        ("GradientDelayTime", "DS"), ("RfWatchdogMask", "IS"), ("RfPowerErrorIndicator", "DS"),
        ("SarWholeBody", "DS"), ("Sed", "DS"), ("SequenceFileOwner", "SH"), ("Stim_mon_mode", "IS"),
        ("Operation_mode_flag", "IS"), ("dBdt_max", "DS"), ("t_puls_max", "DS"), ("dBdt_thresh", "DS"),
        ("dBdt_limit", "DS"), ("SW_korr_faktor", "DS"), ("Stim_max_online", "DS"), ("Stim_max_ges_norm_online", "DS"),
        ("Stim_lim", "DS"), ("Stim_faktor", "DS"), ("CoilForGradient", "SH"), ("CoilTuningReflection", "DS"),
        ("CoilId", "IS"), ("MiscSequenceParam", "IS"), ("MrProtocolVersion", "IS"), ("DataFileName", "LO"),
        ("RepresentativeImage", "UI"), ("PositivePCSDirections", "SH"), ("RelTablePosition", "IS"),
        ("ReadoutOS", "FD"), ("LongModelName", "LO"), ("SliceArrayConcatenations", "IS"),
        ("SliceResolution", "DS"), ("AbsTablePosition", "IS"), ("AutoAlignMatrix", "FL"), ("MeasurementIndex", "FL"),
        ("CoilString", "LO"), ("PATModeText", "LO"), ("PatReinPattern", "ST"), ("ProtocolChangeHistory", "US"),
        ("Isocentered", "US"), ("MrEvaProtocol", "LO"), ("GradientMode", "ST"), ("FlowCompensation", "ST"),
        ("PostProcProtocol", "UT"), ("RecoQualityProtocol", "UT"), ("MrPhoenixProtocolVersion", "IS"),
    ]]
    elements.append(("MrPhoenixProtocol", "UN", [asccconv_protocol(rng, series_number, target_bytes)]))
    return csa_header(elements)


def load_templates():
    warnings.simplefilter("ignore")
    loaded = []
    for name, weight in TEMPLATES:
        ds = pydicom.dcmread(os.path.join(CORPUS, name))
        loaded.append((name, weight, ds))
    return loaded


def plan_series(count, rng, templates):
    """Series sizes adding up to count, each with its template, grouped into studies and patients."""
    weights = [weight for _, weight, _ in templates]
    series = []
    left = count
    while left > 0:
        size = min(left, rng.randint(MAX_INSTANCES_PER_SERIES // 4, MAX_INSTANCES_PER_SERIES))
        template = rng.choices(templates, weights=weights)[0]
        series.append((template, size))
        left -= size
    return series


def add_siemens_groups(ds, rng, image_header, series_header):
    block = ds.private_block(0x0019, "SIEMENS MR HEADER", create=True)
    for element, vr, value in SIEMENS_MR_HEADER:
        block.add_new(element, vr, value)
    csa = ds.private_block(0x0029, "SIEMENS CSA HEADER", create=True)
    csa.add_new(0x08, "CS", "IMAGE NUM 4")
    csa.add_new(0x09, "LO", "20100114")
    csa.add_new(0x10, "OB", image_header)
    csa.add_new(0x18, "CS", "MR")
    csa.add_new(0x19, "LO", "20100114")
    csa.add_new(0x20, "OB", series_header)
    medcom = ds.private_block(0x0029, "SIEMENS MEDCOM HEADER2", create=True)
    medcom.add_new(0x60, "LO", "com")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    templates = load_templates()
    written = 0
    total_bytes = 0
    patient = study = None
    for index, ((name, _, template), size) in enumerate(plan_series(args.count, rng, templates)):
        if index % (SERIES_PER_STUDY * STUDIES_PER_PATIENT) == 0:
            patient = ("PAT%06d" % (index // (SERIES_PER_STUDY * STUDIES_PER_PATIENT)),
                       rng.choice(["Doe^Jane", "Roe^Richard", "Muster^Erika", "Dupont^Marie", "Rossi^Mario"]))
        if index % SERIES_PER_STUDY == 0:
            study = (generate_uid(), "%08d" % rng.randint(10000000, 99999999), "2024%02d%02d" % (rng.randint(1, 12), rng.randint(1, 28)))
        series_uid = generate_uid()
        series_number = index % SERIES_PER_STUDY + 1
        series_header = csa_series_header(rng, series_number, rng.randint(6_000, 18_000))
        image_target = rng.randint(4_000, 12_000)
        directory = os.path.join(args.outdir, patient[0], study[0], series_uid)
        os.makedirs(directory, exist_ok=True)
        ds = copy.deepcopy(template)
        ds.PatientID, ds.PatientName = patient
        ds.StudyInstanceUID, ds.AccessionNumber, ds.StudyDate = study
        ds.SeriesInstanceUID = series_uid
        ds.SeriesNumber = series_number
        ds.SeriesDescription = "%s series %d" % (name.split(".")[0], series_number)
        for number_in_series in range(1, size + 1):
            position = -120.0 + 1.25 * number_in_series
            sop_uid = generate_uid()
            ds.SOPInstanceUID = sop_uid
            ds.file_meta.MediaStorageSOPInstanceUID = sop_uid
            ds.InstanceNumber = number_in_series
            ds.SliceLocation = "%.4f" % position
            ds.ImagePositionPatient = ["-125.0", "-125.0", "%.4f" % position]
            ds.AcquisitionTime = "%02d%02d%02d.%06d" % (8 + number_in_series // 3600, number_in_series // 60 % 60,
                                                        number_in_series % 60, rng.randint(0, 999999))
            add_siemens_groups(ds, rng, csa_image_header(rng, position, image_target), series_header)
            path = os.path.join(directory, "%s.dcm" % sop_uid)
            ds.save_as(path, enforce_file_format=True) if pydicom.__version__ >= "3" else ds.save_as(path, write_like_original=False)
            total_bytes += os.path.getsize(path)
            written += 1
    print("wrote %d instances under %s: %.1f MB, %.1f KB per file" % (written, args.outdir, total_bytes / 1e6,
                                                                      total_bytes / 1e3 / max(1, written)))


if __name__ == "__main__":
    sys.exit(main())
