package io.autowatch.local.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error without ANTLR's version notices. Avro's IDL parser was generated with ANTLR 4.10.1 and runs on the
 * 4.13.2 runtime that DynamoDB Local needs; ANTLR says so on standard error at the first parse ("ANTLR Tool version
 * 4.10.1 used for code generation does not match…"). The parser works, the notice tells a user nothing they can act
 * on, and it breaks the demo's progress line, so the CLI drops those lines and passes every other line on.
 */
final class QuietStandardError extends OutputStream {

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private QuietStandardError(PrintStream target) {
        this.target = target;
    }

    /** Replaces {@code System.err} for this process. */
    static void install() {
        System.setErr(new PrintStream(new QuietStandardError(System.err), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            flushLine();
        }
    }

    @Override
    public synchronized void flush() {
        // A partial line (a prompt, a progress dot) goes out at once; only whole ANTLR lines are held back.
        String pending = line.toString(StandardCharsets.UTF_8);
        if (!pending.isEmpty() && !"ANTLR ".startsWith(pending) && !pending.startsWith("ANTLR ")) {
            flushLine();
        }
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!isAntlrNotice(text)) {
            target.print(text);
            target.flush();
        }
    }

    static boolean isAntlrNotice(String text) {
        return text.startsWith("ANTLR Tool version ") || text.startsWith("ANTLR Runtime version ");
    }
}
