// Model… in one ImageJ process, its effect in the next. Argument: "<output folder>|<package, or - in phase use>|<phase>".
// phase "choose": chooses the package between two Log markers (ModelChoiceTest counts the Log lines between them);
// phase "use": writes the current model's card, which names the package a fresh ImageJ restored.
args = split(getArgument(), "|");
out = args[0] + "/";
setBatchMode(true);
if (args[2] == "choose") {
    print("<<model");
    run("Model...", "package=[" + args[1] + "]");
    print(">>model");
    File.saveString("ok", out + "chosen.txt");
} else {
    File.saveString(call("org.radlens.fiji.commands.ModelCommand.currentCard"), out + "card.txt");
}
