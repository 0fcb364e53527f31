package io.autowatch.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.SchemaError;
import io.autowatch.monitor.SchemaRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroIdlParserTest {

    @TempDir
    Path root;

    private AvroIdlParser.Result read(String path, String source) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return AvroIdlParser.read(root, path);
    }

    private static final String CART = """
            @namespace("com.shop.cart")
            protocol Cart {
              /** Where to ship. @monitor({"type": "low_volume"}) in a comment is not an annotation. */
              record Address {
                string street;
              }

              @monitor({"type": "traffic_anomaly", "deviations": 3,
                        "notify": ["@slack-cart"]})
              record AddToCartEvent {
                string sku;
                Address shipTo;
                union { null, int } quantity = null;
              }

              @monitors([{"type": "low_volume", "threshold": 100}, {"type": "error_rate", "percent": 1.5}])
              record CheckoutEvent { string id; }

              record RemoveFromCartEvent { string sku; }
            }
            """;

    @Test
    void records_carryTheirAnnotationLineAndTopLevel() throws IOException {
        var read = (AvroIdlParser.Read) read("schemas/cart.avdl", CART);
        assertThat(read.errors()).isEmpty();
        assertThat(read.records())
                .extracting(r -> r.name() + ":" + r.line() + ":" + r.topLevel())
                .containsExactly(
                        "Address:4:false",
                        "AddToCartEvent:10:true",
                        "CheckoutEvent:17:true",
                        "RemoveFromCartEvent:19:true");
        SchemaRecord cart = read.records().get(1);
        assertThat(cart.fullName()).isEqualTo("com.shop.cart.AddToCartEvent");
        assertThat(cart.schemaPath()).isEqualTo("schemas/cart.avdl");
        assertThat(cart.annotation()).hasValueSatisfying(a -> {
            assertThat(a.plural()).isFalse();
            assertThat(a.line()).isEqualTo(8);
            assertThat(a.value())
                    .isEqualTo(Map.of("type", "traffic_anomaly", "deviations", 3, "notify", List.of("@slack-cart")));
        });
        assertThat(read.records().get(2).annotation()).hasValueSatisfying(a -> {
            assertThat(a.plural()).isTrue();
            assertThat((List<?>) a.value()).hasSize(2);
        });
        assertThat(read.records().get(0).annotation()).isEmpty();
    }

    @Test
    void aSyntaxError_namesTheLine() throws IOException {
        var result = read("schemas/bad.avdl", "protocol P {\n  record A {\n    string name\n  }\n}\n");
        assertThat(result).isInstanceOfSatisfying(AvroIdlParser.Failed.class, f -> {
            assertThat(f.error().line()).isEqualTo(4);
            assertThat(f.error().toString()).startsWith("schemas/bad.avdl:4: ");
        });
    }

    @Test
    void aStrayHash_thatTheParserOnlyPrints_isCaught() throws IOException {
        // Avro's parser reports this '#' on standard error only, and returns a schema as if all were well.
        var result = read("schemas/hash.avdl", "protocol P {\n  record A { string name; } #\n}\n");
        assertThat(result).isInstanceOfSatisfying(AvroIdlParser.Failed.class, f -> {
            assertThat(f.error().line()).isEqualTo(2);
            assertThat(f.error().message()).isEqualTo("syntax error at column 29: token recognition error at: '#'");
        });
    }

    @Test
    void aShellComment_failsTheParseWithItsLine() throws IOException {
        var result = read("schemas/shell.avdl", "protocol P {\n  # a shell comment\n  record A { string name; }\n}\n");
        assertThat(result).isInstanceOfSatisfying(AvroIdlParser.Failed.class, f -> assertThat(
                        f.error().line())
                .isEqualTo(2));
    }

    @Test
    void aMissingImport_isAnErrorNamingIt() throws IOException {
        var result = read("schemas/main.avdl", "protocol P {\n  import idl \"common/types.avdl\";\n}\n");
        assertThat(result).isInstanceOfSatisfying(AvroIdlParser.Failed.class, f -> assertThat(
                        f.error().message())
                .contains("common/types.avdl"));
    }

    @Test
    void imports_resolveFromTheRepositoryLayout_andImportedRecordsAreNotThisFilesRecords() throws IOException {
        read("schemas/common/types.avdl", "@namespace(\"com.shop\") protocol T { record Money { long cents; } }");
        var read = (AvroIdlParser.Read) read("schemas/order.avdl", """
                @namespace("com.shop") protocol O {
                  import idl "common/types.avdl";
                  @monitor({"type": "traffic_anomaly"})
                  record OrderPlaced { Money total; }
                }
                """);
        assertThat(read.records()).extracting(SchemaRecord::name).containsExactly("OrderPlaced");
    }

    @Test
    void annotationsInTheWrongPlace_orMisspelt_orDoubled_areErrors() throws IOException {
        var read = (AvroIdlParser.Read) read("schemas/odd.avdl", """
                protocol Odd {
                  @monitr({"type": "traffic_anomaly"})
                  record A { string x; }
                  @monitor({"type": "traffic_anomaly"}) @monitors([{"type": "low_volume", "threshold": 1}])
                  record B { string x; }
                  record C {
                    @monitor({"type": "traffic_anomaly"}) string field;
                  }
                }
                """);
        assertThat(read.errors())
                .extracting(SchemaError::toString)
                .containsExactlyInAnyOrder(
                        "schemas/odd.avdl:3: record A: unknown annotation @monitr; did you mean @monitor or @monitors?",
                        "schemas/odd.avdl:4: record B has both @monitor and @monitors; use @monitors([...]) for several monitors",
                        "schemas/odd.avdl:7: @monitor must stand directly before a record declaration; here it annotates "
                                + "something else");
    }

    @Test
    void schemaSyntaxFiles_work_too() throws IOException {
        var read = (AvroIdlParser.Read) read("schemas/event.avdl", """
                namespace com.shop;
                schema AddToCart;
                @monitor({"type": "low_volume", "threshold": 5})
                record AddToCart { string sku; }
                """);
        assertThat(read.records()).singleElement().satisfies(r -> {
            assertThat(r.fullName()).isEqualTo("com.shop.AddToCart");
            assertThat(r.annotation()).isPresent();
        });
    }

    @Test
    void everySyntaxErrorOfAFile_isReportedWithItsLine_notOnlyTheFirst() throws IOException {
        var result = read(
                "schemas/broken.avdl",
                "protocol P {\n  record A { string name }\n  record B { int count; }\n  record C { long id }\n}\n");
        assertThat(result).isInstanceOfSatisfying(AvroIdlParser.Failed.class, f -> assertThat(f.errors())
                .extracting(e -> e.line())
                .containsExactly(2, 4));
    }

    @Test
    void eachElementOfAMonitorsList_knowsItsOwnLine() throws IOException {
        var result = read("schemas/list.avdl", """
                protocol P {
                  @monitors([
                    {"type": "low_volume", "threshold": 10},
                    {"type": "error_rate",
                     "percent": 5}, {"type": "traffic_anomaly"}
                  ])
                  record A { string name; }
                }
                """);
        assertThat(result).isInstanceOfSatisfying(AvroIdlParser.Read.class, r -> assertThat(r.records())
                .singleElement()
                .satisfies(
                        record -> assertThat(record.annotation().orElseThrow().elementLines())
                                .containsExactly(3, 4, 5)));
    }
}
