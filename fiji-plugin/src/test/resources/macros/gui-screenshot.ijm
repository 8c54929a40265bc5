// Opens the sample radiograph in a real ImageJ window, captures the screen, grounds "lungs" (heat-map overlay +
// boxes in the ROI Manager), captures again. Argument: "<output folder>|<RadLens checkout>".
args = split(getArgument(), "|");
out = args[0] + "/";
root = args[1];
run("Open DICOM/NIfTI...", "path=[" + root + "/samples/covid-notes-329_637.dcm]");
id = getImageID();
setLocation(20, 140);
wait(1500);
getLocationAndSize(x, y, w, h);
run("Capture Screen");
saveAs("PNG", out + "plain.png");
close();
selectImage(id);
run("Ground Text...", "query=lungs opacity=60 threshold=0.5 lut=fire rois");
selectImage(id);
roiManager("Show All without labels");
wait(1500);
getLocationAndSize(x, y, w, h);
File.saveString("" + x + "," + y + "," + w + "," + h + "," + roiManager("count"), out + "window.txt");
run("Capture Screen");
saveAs("PNG", out + "overlay.png");
close();
File.saveString("ok", out + "gui-done.txt");
run("Quit");
