package io.autowatch.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line as a new user meets it: help without warnings, errors that say what to do. */
class MainTest {

    private static String helpOf(String command) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine line = new CommandLine(new Main());
            StringWriter out = new StringWriter();
            line.setOut(new PrintWriter(out));
            line.execute(command, "--help");
            return out + "\nSTDERR:" + err.toString(StandardCharsets.UTF_8);
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void everyCommandsHelp_printsNoPicocliWarning_andDescribesEveryOption() {
        for (String command : new CommandLine(new Main()).getSubcommands().keySet()) {
            String help = helpOf(command);
            assertThat(help).as(command).doesNotContain("[picocli WARN]");
        }
        assertThat(helpOf("backtest"))
                .contains("in % of what was expected")
                .contains("width of the relative band, in %");
        assertThat(helpOf("chart"))
                .contains("--width=<width>     width of the PNG in pixels")
                .contains("height of the PNG in pixels");
    }

    @Test
    void aBadDate_saysWhatADateLooksLike_notWhichExceptionItRaised() {
        CommandLine line = new CommandLine(new Main());
        line.registerConverter(LocalDate.class, Main::date);
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int code = line.execute("check", "--day", "2026-13-01");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains(
                        "'2026-13-01' is not a calendar date written YYYY-MM-DD (e.g. 2026-11-20), nor today or yesterday")
                .doesNotContain("DateTimeParseException");
        assertThat(Main.date("yesterday"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    }

    @Test
    void plan_onAMissingPathOrAFile_failsClearly_andOnAnEmptyFolderWarns() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Path empty = Files.createTempDirectory("no-schemas");
            Path file = Files.writeString(empty.resolve("notes.txt"), "not a schema");

            assertThat(new CommandLine(new Main())
                            .execute("plan", empty.resolve("missing").toString()))
                    .isEqualTo(2);
            assertThat(new CommandLine(new Main()).execute("plan", file.toString()))
                    .isEqualTo(2);
            assertThat(new CommandLine(new Main()).execute("plan", empty.toString()))
                    .isZero();

            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("missing does not exist; give the folder that holds the schemas")
                    .contains("notes.txt is a file, not a folder")
                    .contains("no file in " + empty + " matches");
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aCountThatIsNotANumber_isCalledAWholeNumber_notALong() {
        CommandLine line = Main.commandLine();
        StringWriter err = new StringWriter();
        line.setErr(new PrintWriter(err));

        int code = line.execute("counts", "add", "email/promo/DE", "abc");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString())
                .contains("'abc' is not a whole number (e.g. 1200)")
                .doesNotContain("long");
    }

    @Test
    void antlrsVersionNotices_areDroppedFromStandardError_andEveryOtherLineGoesThrough() {
        assertThat(QuietStandardError.isAntlrNotice(
                        "ANTLR Tool version 4.10.1 used for code generation does not match the current runtime version"
                                + " 4.13.2\n"))
                .isTrue();
        assertThat(QuietStandardError.isAntlrNotice(
                        "ANTLR Runtime version 4.10.1 used for parser compilation does not match\n"))
                .isTrue();
        assertThat(QuietStandardError.isAntlrNotice("error: ANTLR Tool version is fine\n"))
                .isFalse();
    }

    @Test
    void theVersion_isTheChangelogs() {
        StringWriter out = new StringWriter();
        CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out));

        line.execute("--version");

        assertThat(out.toString()).contains("autowatch 0.4.0");
    }

    @Test
    void runsHelp_doesNotSpeakOfTwoFunctions() {
        assertThat(helpOf("run")).doesNotContain("both functions").contains("its functions in one process");
    }
}
