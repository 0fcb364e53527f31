package io.autowatch.avro;

import io.autowatch.monitor.SchemaError;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.apache.avro.idl.IdlLexer;
import org.apache.avro.idl.IdlParser;

/**
 * Every syntax error of an IDL file, with its line, found with Avro's own grammar. Avro's reader stops at the first
 * one; here ANTLR's error recovery goes on, so that an author fixes them all in one round.
 */
final class IdlSyntax {

    /** After this many, the rest are usually echoes of the first ones. */
    static final int MAX_ERRORS = 20;

    private IdlSyntax() {}

    static List<SchemaError> errors(String path, String source) {
        List<SchemaError> errors = new ArrayList<>();
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(
                    Recognizer<?, ?> recognizer,
                    Object offendingSymbol,
                    int line,
                    int column,
                    String message,
                    RecognitionException e) {
                if (errors.size() < MAX_ERRORS) {
                    errors.add(new SchemaError(path, line, "syntax error at column " + (column + 1) + ": " + message));
                }
            }
        };
        IdlLexer lexer = new IdlLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners();
        lexer.addErrorListener(collect);
        IdlParser parser = new IdlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(collect);
        parser.idlFile();
        return errors;
    }
}
