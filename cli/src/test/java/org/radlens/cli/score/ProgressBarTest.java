package org.radlens.cli.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void showsCountsRateAndEta() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(buf, true), true, 4);
        bar.step(false);
        bar.step(true);
        String line = bar.line(System.nanoTime());
        assertTrue(line.matches("\\[#{15}-{15}] 2/4 \\(1 failed\\) [0-9.]+ img/s ETA [0-9:]+"), line);
        bar.finish();
        assertTrue(buf.toString().contains("2/4"));
    }

    @Test
    void disabledBarPrintsNothing() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(buf, true), false, 2);
        bar.step(false);
        bar.finish();
        assertEquals("", buf.toString());
    }

    @Test
    void clockFormatsMinutesAndHours() {
        assertEquals("0:05", ProgressBar.clock(5));
        assertEquals("2:03", ProgressBar.clock(123));
        assertEquals("1:00:01", ProgressBar.clock(3601));
    }
}
