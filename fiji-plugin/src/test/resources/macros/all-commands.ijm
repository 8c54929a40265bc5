// Calls every RadLens command on the bundled samples and writes what they produce to files.
// Argument: "<output folder>|<RadLens checkout>|<gui or headless>". RealImageJTest checks the files.
args = split(getArgument(), "|");
out = args[0] + "/";
root = args[1];
gui = (args[2] == "gui");
setBatchMode(true);
run("Model...", "package=[" + root + "/models/packages/default]");
File.saveString(call("org.radlens.fiji.commands.ModelCommand.currentCard"), out + "card.txt");
run("Open DICOM/NIfTI...", "path=[" + root + "/samples/covid-notes-329_637.dcm]");
cxr = getImageID();
getPixelSize(unit, pw, ph);
File.saveString(getImageInfo() + "\nPixelSize: " + pw + " " + unit + "\n", out + "info.txt");
run("Classify Chest X-ray", "prompts=[]");
saveAs("Results", out + "classify.csv");
run("Classify Chest X-ray", "prompts=[effusion: pleural effusion / no pleural effusion] only");
saveAs("Results", out + "classify-prompts.csv");
run("Ground Text...", "query=lungs opacity=50 threshold=0.5 lut=fire heatmap rois");
saveAs("Tiff", out + "heatmap.tif");
selectImage(cxr);
s = "";
for (i = 0; i < Overlay.size; i++) {
    Overlay.getBounds(i, x, y, w, h);
    s = s + i + "," + x + "," + y + "," + w + "," + h + "\n";
}
File.saveString(s, out + "ground-overlay.csv");
if (gui) {
    File.saveString("" + roiManager("count"), out + "roi-count.txt");
    roiManager("reset");
}
run("Remove Overlay");
run("Segment", "labels rois");
saveAs("Tiff", out + "labels.tif");
saveAs("Results", out + "segment.csv");
selectImage(cxr);
File.saveString("" + Overlay.size, out + "segment-overlay.txt");
run("Open DICOM/NIfTI...", "path=[" + root + "/dicom-io/src/test/resources/fixtures/anatomical.nii]");
getVoxelSize(vw, vh, vd, vunit);
File.saveString(nSlices + " " + vw + " " + vh + " " + vd + " " + vunit + "\n", out + "volume.txt");
run("Classify Volume", "prompts=[] from=1 to=25 step=8 overlays");
saveAs("Results", out + "classify-volume.csv");
run("Ground in Volume", "query=lungs opacity=40 lut=fire from=1 to=25 step=8 heatmap");
saveAs("Results", out + "ground-volume.csv");
saveAs("Tiff", out + "heat-volume.tif");
run("Batch Score Folder...", "folder=[" + root + "/samples] csv=[" + out + "batch.csv]");
run("Release Model");
File.saveString("ok", out + "done.txt");
// Bad input last: a colour screenshot must give a RadLens error, stop the macro and stay untouched.
newImage("screenshot", "RGB black", 64, 48, 1);
setColor(255, 0, 0);
fillRect(0, 0, 32, 48);
saveAs("PNG", out + "screenshot-before.png");
run("Classify Chest X-ray", "prompts=[]");
File.saveString("the macro went on after the error", out + "not-aborted.txt");
