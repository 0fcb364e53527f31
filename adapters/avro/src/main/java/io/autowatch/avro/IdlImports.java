package io.autowatch.avro;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.apache.avro.idl.IdlLexer;

/**
 * The {@code import} statements of an IDL file, found with Avro's own lexer, so that every import the parser will
 * follow is seen here first (a regular expression could be fooled by comments, escapes or odd spacing).
 */
final class IdlImports {

    /** One import as written: its kind ({@code idl}, {@code schema}, {@code protocol}), literal text and line. */
    record Import(String kind, String literal, int line) {}

    private IdlImports() {}

    static List<Import> of(String source) {
        IdlLexer lexer = new IdlLexer(CharStreams.fromString(source));
        lexer.removeErrorListeners(); // syntax errors are the parser's to report, with the file's name
        List<Token> tokens = lexer.getAllTokens().stream()
                .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL)
                .map(Token.class::cast)
                .toList();
        List<Import> imports = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token kind = tokens.get(i + 1);
            Token location = tokens.get(i + 2);
            if (tokens.get(i).getType() == IdlLexer.Import
                    && (kind.getType() == IdlLexer.IDL
                            || kind.getType() == IdlLexer.Schema
                            || kind.getType() == IdlLexer.Protocol)
                    && location.getType() == IdlLexer.StringLiteral) {
                String text = location.getText();
                imports.add(new Import(kind.getText(), text.substring(1, text.length() - 1), location.getLine()));
            }
        }
        return imports;
    }
}
