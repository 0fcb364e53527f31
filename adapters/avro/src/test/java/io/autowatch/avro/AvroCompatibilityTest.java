package io.autowatch.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.SchemaRecord;
import io.autowatch.schemasync.SchemaSource;
import io.autowatch.schemasync.compat.SchemaChange;
import io.autowatch.schemasync.compat.SchemaChange.Direction;
import io.autowatch.schemasync.compat.SchemaChange.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two versions of a record, read from IDL and compared with Avro's own SchemaCompatibility, in both directions. */
class AvroCompatibilityTest {

    private static final AvroSchemaReader READER = new AvroSchemaReader();

    private static SchemaRecord record(String fields, String annotation) {
        String idl = """
                @namespace("com.shop")
                protocol Cart {
                  enum Channel { WEB, APP }
                  %s
                  record AddToCart {
                %s
                  }
                }
                """.formatted(annotation, fields.indent(4).stripTrailing());
        return addToCart(idl);
    }

    private static SchemaChange compare(String before, String after) {
        return READER.compare(
                record(before, "").shape().orElseThrow(),
                record(after, "").shape().orElseThrow());
    }

    @Test
    void eachFieldsLine_isFoundInTheFile() {
        SchemaRecord r = record("string sku;\nint `count` = 1;\nChannel channel;", "");

        assertThat(r.line()).isEqualTo(5);
        assertThat(r.shape().orElseThrow().fieldLines())
                .containsEntry("sku", 6)
                .containsEntry("count", 7)
                .containsEntry("channel", 8);
    }

    @Test
    void aRecordWithThousandsOfFields_hasEachFieldsLine_fromOnePassOverTheFile() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            fields.append("int f").append(i).append(";\n");
        }

        SchemaRecord r = record(fields.toString().strip(), "");

        assertThat(r.shape().orElseThrow().fieldLines())
                .hasSize(5_000)
                .containsEntry("f0", 6)
                .containsEntry("f4999", 5_005);
    }

    @Test
    void anAnnotationOrADefault_isNoSchemaChange() {
        SchemaRecord plain = record("string sku;", "");
        SchemaRecord annotated = record("string sku = \"x\";", "@monitor({\"type\": \"traffic_anomaly\"})");

        assertThat(READER.compare(plain.shape().orElseThrow(), annotated.shape().orElseThrow()))
                .isEqualTo(SchemaChange.NONE);
    }

    @Test
    void aFieldAddedWithoutADefault_breaksNewReadersOfOldEvents_only() {
        SchemaChange change = compare("string sku;", "string sku;\nint quantity;");

        assertThat(change.changed()).isTrue();
        assertThat(change.findings()).singleElement().satisfies(f -> {
            assertThat(f.direction()).isEqualTo(Direction.NEW_READS_OLD);
            assertThat(f.kind()).isEqualTo(Kind.FIELD_WITHOUT_DEFAULT);
            assertThat(f.field()).isEqualTo("quantity");
        });
    }

    @Test
    void aFieldRemoved_breaksOldReadersOfNewEvents_unlessItHadADefault() {
        assertThat(compare("string sku;\nint quantity;", "string sku;").findings())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.direction()).isEqualTo(Direction.OLD_READS_NEW);
                    assertThat(f.field()).isEqualTo("quantity");
                });
        assertThat(compare("string sku;\nint quantity = 1;", "string sku;").findings())
                .isEmpty();
    }

    @Test
    void aTypeChange_andARemovedEnumSymbol_areNamedWithTheirFields() {
        SchemaChange typed = compare("string sku;\nint quantity;", "string sku;\nstring quantity;");
        assertThat(typed.findings())
                .extracting(f -> f.direction() + " " + f.kind() + " " + f.field() + " " + f.detail())
                .containsExactlyInAnyOrder(
                        "NEW_READS_OLD TYPE_CHANGED quantity reader type: STRING not compatible with writer type: INT",
                        "OLD_READS_NEW TYPE_CHANGED quantity reader type: INT not compatible with writer type: STRING");

        SchemaRecord before = record("Channel channel;", "");
        SchemaRecord after = readWithEnum("enum Channel { WEB }");
        SchemaChange symbols =
                READER.compare(before.shape().orElseThrow(), after.shape().orElseThrow());
        assertThat(symbols.findings()).singleElement().satisfies(f -> {
            assertThat(f.direction()).isEqualTo(Direction.NEW_READS_OLD);
            assertThat(f.kind()).isEqualTo(Kind.ENUM_SYMBOLS);
            assertThat(f.field()).isEqualTo("channel");
            assertThat(f.detail()).isEqualTo("[APP]");
        });
    }

    private static SchemaRecord readWithEnum(String enumDeclaration) {
        String idl = """
                @namespace("com.shop")
                protocol Cart {
                  %s
                  record AddToCart { Channel channel; }
                }
                """.formatted(enumDeclaration);
        return addToCart(idl);
    }

    /** The record AddToCart, as the reader reads it from a file holding {@code idl}. */
    private static SchemaRecord addToCart(String idl) {
        SchemaSource source = new SchemaSource() {
            @Override
            public Optional<byte[]> read(String path) {
                return Optional.of(idl.getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public String where() {
                return "in a test";
            }
        };
        return READER.read(source, List.of("cart.avdl")).records().stream()
                .filter(r -> r.name().equals("AddToCart"))
                .findFirst()
                .orElseThrow();
    }
}
