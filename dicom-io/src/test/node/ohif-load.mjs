// Loads RadLens DICOM SEG / SR objects with OHIF's own libraries (@cornerstonejs/adapters 5.x, dcmjs 0.52) the way
// OHIF does, and prints one JSON report of what each reader recovered (or the error it stopped at).
//
//   node ohif-load.mjs --source a.dcm [--source b.dcm ...] [--seg seg.dcm] [--sr sr.dcm]
//
// Sources are the images the SEG/SR were derived from (a CR/DX file, or every slice of a series in order). Their
// geometry reaches the readers through a metadata provider that fills what Cornerstone3D fills for images without
// patient geometry: rows along (1,0,0), columns along (0,1,0), origin (0,0,0), spacing PixelSpacing, else
// ImagerPixelSpacing, else 1 mm. Exit status: 0 when the report was written (the caller asserts on it), 2 on usage
// errors. Readers' exceptions are reported per reader, never thrown.
import fs from 'node:fs';
import * as core from '@cornerstonejs/core';
import { adaptersSEG, adaptersSR } from '@cornerstonejs/adapters';
import dcmjs from 'dcmjs';

const { DicomMessage, DicomMetaDictionary } = dcmjs.data;

function usage(msg) {
  process.stderr.write(`ohif-load: ${msg}\nusage: node ohif-load.mjs --source F [--source F ...] [--seg F] [--sr F]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const a = { sources: [], seg: null, sr: null };
  for (let i = 0; i < argv.length; i += 2) {
    const v = argv[i + 1];
    if (v === undefined) usage(`${argv[i]} needs a value`);
    if (argv[i] === '--source') a.sources.push(v);
    else if (argv[i] === '--seg') a.seg = v;
    else if (argv[i] === '--sr') a.sr = v;
    else usage(`unknown option ${argv[i]}`);
  }
  if (a.sources.length === 0) usage('no --source');
  return a;
}

function arrayBufferOf(file) {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

function naturalized(file) {
  const dict = DicomMessage.readFile(arrayBufferOf(file)).dict;
  return DicomMetaDictionary.naturalizeDataset(dict);
}

const num = (v) => (Array.isArray(v) ? v.map(Number) : v === undefined ? undefined : [Number(v)]);

/** The modules Cornerstone asks for, from a naturalized dataset, with Cornerstone3D's defaults for CR/DX. */
function modulesOf(ds) {
  const iop = num(ds.ImageOrientationPatient) || [1, 0, 0, 0, 1, 0];
  const ipp = num(ds.ImagePositionPatient) || [0, 0, 0];
  const spacing = num(ds.PixelSpacing) || num(ds.ImagerPixelSpacing) || [1, 1];
  return {
    instance: ds,
    imagePlaneModule: {
      frameOfReferenceUID: ds.FrameOfReferenceUID, rows: ds.Rows, columns: ds.Columns,
      imageOrientationPatient: iop, rowCosines: iop.slice(0, 3), columnCosines: iop.slice(3, 6),
      imagePositionPatient: ipp, pixelSpacing: spacing, rowPixelSpacing: spacing[0], columnPixelSpacing: spacing[1],
      sliceThickness: Number(ds.SliceThickness || 1),
    },
    generalSeriesModule: { seriesInstanceUID: ds.SeriesInstanceUID, modality: ds.Modality },
    generalImageModule: { sopInstanceUID: ds.SOPInstanceUID, instanceNumber: Number(ds.InstanceNumber || 1) },
    sopCommonModule: { sopClassUID: ds.SOPClassUID, sopInstanceUID: ds.SOPInstanceUID },
    imagePixelModule: {
      rows: ds.Rows, columns: ds.Columns, bitsAllocated: ds.BitsAllocated, bitsStored: ds.BitsStored,
      samplesPerPixel: ds.SamplesPerPixel, highBit: ds.HighBit, pixelRepresentation: ds.PixelRepresentation,
      photometricInterpretation: ds.PhotometricInterpretation,
    },
  };
}

function makeProvider(sources) {
  const byId = new Map();
  const imageIds = sources.map((file, i) => {
    const id = `radlens:${i}`;
    byId.set(id, modulesOf(naturalized(file)));
    return id;
  });
  const provider = {
    get(type, imageId) {
      const m = byId.get(imageId);
      return m ? m[type] : undefined;
    },
  };
  core.metaData.addProvider((type, imageId) => provider.get(type, imageId), 10000);
  return { imageIds, provider, byId };
}

/** Runs fn, capturing the adapters' warnings (they log through console). */
async function attempt(fn) {
  const warnings = [];
  const saved = { warn: console.warn, log: console.log, info: console.info, error: console.error };
  console.warn = (...a) => warnings.push(a.map(String).join(' ').slice(0, 300));
  console.info = () => {};
  console.log = () => {};
  console.error = (...a) => warnings.push(a.map(String).join(' ').slice(0, 300));
  try {
    const value = await fn();
    return { ok: true, value, warnings };
  } catch (e) {
    return { ok: false, error: String(e && e.message ? e.message : e), warnings };
  } finally {
    Object.assign(console, saved);
  }
}

function labelmapData(img) {
  return img.voxelManager ? img.voxelManager.getScalarData() : img.getPixelData();
}

function segmentsOf(segMetadata) {
  return (segMetadata?.data || []).filter(Boolean).map((s) => ({
    number: s.SegmentNumber, label: s.SegmentLabel,
    type: s.SegmentedPropertyTypeCodeSequence?.CodeValue, category: s.SegmentedPropertyCategoryCodeSequence?.CodeValue,
  }));
}

/** Per source image and segment number: pixel count and bounding box [minColumn, minRow, maxColumn, maxRow]. */
function countsPerImage(arrays, imageIds, segmentNumbers, columns) {
  return arrays.map((data, i) => {
    const segments = {};
    for (const s of segmentNumbers) {
      const box = [Infinity, Infinity, -1, -1];
      let n = 0;
      for (let p = 0; p < data.length; p++) {
        if (data[p] !== s) continue;
        n++;
        const c = p % columns;
        const r = Math.floor(p / columns);
        box[0] = Math.min(box[0], c); box[1] = Math.min(box[1], r);
        box[2] = Math.max(box[2], c); box[3] = Math.max(box[3], r);
      }
      segments[s] = { count: n, box: n > 0 ? box : null };
    }
    return { imageId: imageIds[i], segments };
  });
}

async function readSegCs3d(imageIds, provider, segFile) {
  const r = await attempt(() => adaptersSEG.Cornerstone3D.Segmentation.createFromDICOMSegBuffer(
    imageIds, arrayBufferOf(segFile), { metadataProvider: provider }));
  if (!r.ok) return r;
  const v = r.value;
  const segments = segmentsOf(v.segMetadata);
  const images = v.labelMapImages.flat();
  return { ok: true, warnings: r.warnings, segments,
    images: countsPerImage(images.map(labelmapData), imageIds, segments.map((s) => s.number),
      provider.get('imagePlaneModule', imageIds[0]).columns),
    segmentsOnFrame: v.segmentsOnFrame, overlapping: v.overlappingSegments };
}

async function readSegLegacy(imageIds, provider, segFile, entry) {
  const r = await attempt(() => entry(imageIds, arrayBufferOf(segFile), provider, false, 1e-3, 4));
  if (!r.ok) return r;
  const v = r.value;
  if (!v) return { ok: false, error: 'reader returned nothing', warnings: r.warnings };
  const segments = segmentsOf(v.segMetadata);
  const plane = provider.get('imagePlaneModule', imageIds[0]);
  const sliceLength = plane.rows * plane.columns;
  const arrays = [];
  if (v.labelmapBufferArray) {
    const buf = new Uint8Array(v.labelmapBufferArray[0]);
    for (let i = 0; i < imageIds.length; i++) arrays.push(buf.subarray(i * sliceLength, (i + 1) * sliceLength));
  } else if (v.labelMapImages) {
    v.labelMapImages.flat().forEach((img) => arrays.push(labelmapData(img)));
  }
  return { ok: true, warnings: r.warnings, segments,
    images: countsPerImage(arrays, imageIds, segments.map((s) => s.number), plane.columns),
    segmentsOnFrame: v.segmentsOnFrame };
}

/** World (mm) back to image (column, row) of the referenced image: what the viewer draws the handle on. */
function toImage(byId, imageId, world) {
  const p = byId.get(imageId).imagePlaneModule;
  const d = [0, 1, 2].map((k) => world[k] - p.imagePositionPatient[k]);
  const dot = (u) => u[0] * d[0] + u[1] * d[1] + u[2] * d[2];
  return [dot(p.rowCosines) / p.pixelSpacing[1], dot(p.columnCosines) / p.pixelSpacing[0]];
}

async function readSr(imageIds, provider, byId, srFile) {
  const ds = naturalized(srFile);
  const map = {};
  imageIds.forEach((id) => { map[`${provider.get('generalImageModule', id).sopInstanceUID}:1`] = id; });
  const r = await attempt(() => adaptersSR.Cornerstone3D.MeasurementReport.generateToolState(
    ds, map, core.metaData, {}));
  if (!r.ok) return r;
  const tools = [];
  for (const [toolType, list] of Object.entries(r.value)) {
    for (const m of list) {
      const a = m.annotation;
      const imageId = a.metadata.referencedImageId;
      const stats = Object.values(a.data.cachedStats || {})[0] || {};
      tools.push({ toolType, label: a.data.label, finding: m.finding?.CodeValue, description: m.description,
        referencedImageId: imageId, sopInstanceUid: m.sopInstanceUid,
        points: (a.data.handles.points || []).map((w) => toImage(byId, imageId, w)),
        area: stats.area !== undefined ? Number(stats.area) : undefined, areaUnit: stats.areaUnit,
        value: stats.value !== undefined && stats.value !== null ? Number(stats.value) : undefined });
    }
  }
  return { ok: true, warnings: r.warnings, tools };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const { imageIds, provider, byId } = makeProvider(args.sources);
  const report = { imageIds, sources: args.sources };
  if (args.seg) {
    report.segCornerstone3D = await readSegCs3d(imageIds, provider, args.seg);
    report.segCornerstone3DGenerateToolState = await readSegLegacy(imageIds, provider, args.seg,
      (ids, buffer, metadata) => adaptersSEG.Cornerstone3D.Segmentation.generateToolState(ids, buffer, metadata));
    report.segCornerstoneLegacy = await readSegLegacy(imageIds, provider, args.seg,
      adaptersSEG.Cornerstone.Segmentation.generateToolState);
  }
  if (args.sr) {
    report.sr = await readSr(imageIds, provider, byId, args.sr);
  }
  process.stdout.write(JSON.stringify(report) + '\n');
}

main().catch((e) => {
  process.stderr.write(`ohif-load: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
