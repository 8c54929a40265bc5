package org.radlens.dicomio;

import org.radlens.dicomio.reference.ReferenceJson;

import org.radlens.dicomio.reference.DicomReferenceCheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.radlens.dicomio.reference.Outcome;

/**
 * Every file of $RADLENS_DATA/dicom/expected.json (pydicom 2.3.1 reference) decoded by {@link DicomReader}: shape,
 * header attributes and stored values (min, max, sum; sha256 for lossless syntaxes; mean within
 * max(1, 1 % of range) for lossy ones). Declared-unsupported syntaxes must throw {@link UnsupportedFormatException}
 * naming the transfer syntax; files pydicom could not decode or without pixel data must end in a checked exception
 * or a valid image.
 */
@Tag("data")
class DicomConformanceTest {

    @Test
    void everyReferenceFileConforms() throws IOException {
        Path root = TestData.root();
        JsonObject expected = JsonParser.parseString(Files.readString(root.resolve("dicom/expected.json")))
                .getAsJsonObject();
        ConformanceTable table = new ConformanceTable();
        for (JsonElement e : expected.getAsJsonArray("files")) {
            JsonObject rec = e.getAsJsonObject();
            String ts = ReferenceJson.str(rec, "transfer_syntax_uid");
            String category = ts.isEmpty() ? "(no transfer syntax)" : ts + " " + TransferSyntax.nameOf(ts);
            DicomReferenceCheck.Result r = DicomReferenceCheck.check(root, rec);
            table.add(category, r.outcome(), rec.get("path").getAsString() + ": " + r.detail());
        }
        System.out.println(table.render("DICOM conformance vs pydicom"));
        assertTrue(table.failures().isEmpty(), table.failures().size() + " failures:\n"
                + String.join("\n", table.failures()));
        assertTrue(table.count(Outcome.EQUAL) >= 163, "fewer exact matches than the 163 last measured");
    }
}
