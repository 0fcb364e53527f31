package io.autowatch.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.monitor.SchemaError;
import io.autowatch.schemasync.Limits;
import io.autowatch.schemasync.SchemaReader;
import io.autowatch.schemasync.SchemaSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema files as a stranger writes them: every import is confined before anything is fetched or parsed. */
class AvroSchemaReaderTest {

    /** A repository at one commit that remembers every path it was asked for. */
    private static final class Repo implements SchemaSource {
        final Map<String, String> files = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        Repo with(String path, String text) {
            files.put(path, text);
            return this;
        }

        @Override
        public Optional<byte[]> read(String path) {
            asked.add(path);
            return Optional.ofNullable(files.get(path)).map(t -> t.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String where() {
            return "at abc1234";
        }
    }

    private static final String CART = """
            @namespace("com.shop")
            protocol Cart {
              %s
              @monitor({"type": "traffic_anomaly"})
              record AddToCartEvent { string sku; }
            }
            """;

    private static SchemaReader.Read read(Repo repo, String... paths) {
        return new AvroSchemaReader().read(repo, List.of(paths));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "import idl \"/etc/passwd\";",
                "import idl \"/dev/zero\";",
                "import schema \"../../../../../../etc/hostname\";",
                "import idl \"../../../../../user\";",
                "import protocol \"file:///etc/passwd\";",
                "import schema \"classpath:simplelogger.properties\";",
                "import idl \"http://169.254.169.254/latest/meta-data/\";",
                "import /* hidden */ idl \"/etc/passwd\";",
                "import\tidl\n\"/etc/passwd\";",
                "import idl \"\\u002fetc/passwd\";",
                "import idl \"..\\\\..\\\\etc\\\\passwd\";"
            })
    void read_whenAnImportLeavesTheRepository_refusesItAtItsLine_fetchesNothingForIt_andParsesNothing(String imp) {
        Repo repo = new Repo().with("schemas/cart.avdl", CART.formatted(imp));

        SchemaReader.Read read = read(repo, "schemas/cart.avdl");

        assertThat(repo.asked).as("only the changed file itself is fetched").containsExactly("schemas/cart.avdl");
        assertThat(read.records())
                .as("a file with a refused import is never handed to the parser")
                .isEmpty();
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.schemaPath()).isEqualTo("schemas/cart.avdl");
            assertThat(e.line()).isBetween(3, 4);
            assertThat(e.message()).contains("is refused");
        });
    }

    @Test
    void read_whenAnImportIsMissingFromTheRepository_theImporterIsNotParsed_soAvroCannotFallBackToTheClasspath() {
        // Avro's own jar holds org/apache/avro/data/Json.avsc: for a missing file Avro would read it from there.
        Repo repo = new Repo().with("cart.avdl", CART.formatted("import schema \"org/apache/avro/data/Json.avsc\";"));

        SchemaReader.Read read = read(repo, "cart.avdl");

        assertThat(repo.asked).containsExactly("cart.avdl", "org/apache/avro/data/Json.avsc");
        assertThat(read.records()).isEmpty();
        assertThat(read.errors())
                .extracting(SchemaError::message)
                .containsExactlyInAnyOrder(
                        "the file does not exist at abc1234",
                        "not read, because its import 'org/apache/avro/data/Json.avsc' could not be read (see its"
                                + " error)");
    }

    @Test
    void read_whenImportsStayInside_followsThemTransitively_andReadsTheRecords() {
        Repo repo = new Repo()
                .with("schemas/cart.avdl", CART.formatted("import idl \"../shared/money.avdl\";"))
                .with("shared/money.avdl", "protocol M { import idl \"cents.avdl\"; record Money { long cents; } }")
                .with("shared/cents.avdl", "protocol C { record Cents { long value; } }");

        SchemaReader.Read read = read(repo, "schemas/cart.avdl");

        assertThat(read.errors()).isEmpty();
        assertThat(repo.asked).containsExactly("schemas/cart.avdl", "shared/money.avdl", "shared/cents.avdl");
        assertThat(read.records()).extracting(r -> r.name()).contains("AddToCartEvent");
    }

    @Test
    void read_whenAnAnnotationIsNestedTenThousandDeep_isAnErrorAtItsLine_notAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        Repo repo = new Repo()
                .with(
                        "schemas/deep.avdl",
                        "protocol P {\n  @monitor({\"type\": \"traffic_anomaly\", \"x\": " + deep
                                + "})\n  record R { string a; }\n}\n");

        SchemaReader.Read read = read(repo, "schemas/deep.avdl");

        assertThat(read.records()).isEmpty();
        assertThat(read.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("nested 10003 deep").contains("at most " + Limits.MAX_NESTING);
        });
    }

    @Test
    void read_whenAFileIsOverTheSizeCap_isAnErrorNamingTheCap() {
        String big = "protocol P {\n" + "  record R%d { string a; }\n".repeat(1).formatted(0) + "// "
                + "x".repeat(Limits.MAX_FILE_BYTES) + "\n}\n";
        Repo repo = new Repo().with("schemas/big.avdl", big);

        SchemaReader.Read read = read(repo, "schemas/big.avdl");

        assertThat(read.records()).isEmpty();
        assertThat(read.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("at most " + Limits.MAX_FILE_BYTES));
    }

    @Test
    void read_whenImportsReachMoreFilesThanTheCap_saysSo_andReadsNoneOfTheImporters() {
        Repo repo = new Repo();
        StringBuilder imports = new StringBuilder();
        for (int i = 0; i < Limits.MAX_IMPORTS_PER_FILE; i++) {
            imports.append("import idl \"f").append(i).append(".avdl\";\n");
        }
        for (int f = 0; f < 4; f++) {
            repo.with("s/hub" + f + ".avdl", "protocol H {\n" + imports + "}\n");
        }
        for (int i = 0; i < Limits.MAX_IMPORTS_PER_FILE; i++) {
            repo.with("s/f" + i + ".avdl", "protocol F" + i + " { import idl \"g" + i + ".avdl\"; }");
            repo.with("s/g" + i + ".avdl", "protocol G" + i + " { import idl \"h" + i + ".avdl\"; }");
            repo.with("s/h" + i + ".avdl", "protocol X" + i + " { record R" + i + " { string a; } }");
        }

        SchemaReader.Read read = read(repo, "s/hub0.avdl", "s/hub1.avdl", "s/hub2.avdl", "s/hub3.avdl");

        assertThat(repo.asked.size()).isLessThanOrEqualTo(Limits.MAX_FILES);
        assertThat(read.errors()).anySatisfy(e -> assertThat(e.message()).contains("the most one command reads"));
        assertThat(read.records()).isEmpty();
    }

    @Test
    void read_whenAChangedFileNameIsNotAPlainRepositoryPath_refusesIt_withoutFetching() {
        Repo repo = new Repo();
        SchemaReader.Read read = read(repo, "../outside.avdl");
        assertThat(repo.asked).isEmpty();
        assertThat(read.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("refused"));
    }

    @Test
    void anImportedRecordOfTheSameSimpleName_doesNotShadowTheFilesOwnRecord() {
        Repo repo = new Repo()
                .with("schemas/common.avdl", "@namespace(\"com.common\") protocol C { record Event { string a; } }")
                .with(
                        "schemas/cart.avdl",
                        "@namespace(\"com.shop\") protocol Cart {\n  import idl \"common.avdl\";\n"
                                + "  @monitor({\"type\": \"low_volume\", \"threshold\": 5})\n"
                                + "  record Event { string b; com.common.Event inner; }\n}\n");

        SchemaReader.Read read = read(repo, "schemas/cart.avdl");

        assertThat(read.errors()).isEmpty();
        assertThat(read.records())
                .filteredOn(r -> r.annotation().isPresent())
                .singleElement()
                .satisfies(r -> assertThat(r.fullName()).isEqualTo("com.shop.Event"));
    }

    @Test
    void aRecordWithANonAsciiName_isAnError_notSilentlyLeftOut() {
        Repo repo = new Repo()
                .with(
                        "schemas/de.avdl",
                        "protocol P {\n  @monitor({\"type\": \"low_volume\", "
                                + "\"threshold\": 5})\n  record Größe { string a; }\n}\n");

        SchemaReader.Read read = read(repo, "schemas/de.avdl");

        assertThat(read.records()).filteredOn(r -> r.annotation().isPresent()).isEmpty();
        assertThat(read.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.line())
                .isPositive());
        System.out.println("non-ASCII: " + read.errors());
    }

    @Test
    void aFileImportedAsIdlUnderAnotherName_isCheckedToo_andTheWrongExtensionIsRefused() {
        Repo repo = new Repo()
                .with("s/a.avdl", "protocol A {\n  import idl \"b.txt\";\n  record R { string x; }\n}\n")
                .with("s/b.txt", "protocol B { import schema \"/etc/passwd\"; }")
                .with("s/c.avdl", "protocol C {\n  import idl \"d.avdl\";\n  record S { string x; }\n}\n")
                .with("s/d.avdl", "protocol D {\n  import schema \"classpath:/META-INF/MANIFEST.MF\";\n}\n");

        SchemaReader.Read read = read(repo, "s/a.avdl", "s/c.avdl");

        assertThat(repo.asked).doesNotContain("s/b.txt").contains("s/d.avdl");
        assertThat(read.records()).isEmpty();
        assertThat(read.errors()).extracting(SchemaError::message).anySatisfy(m -> assertThat(m)
                .contains("an idl import names a .avdl file"));
        assertThat(read.errors())
                .extracting(SchemaError::message)
                .anySatisfy(m -> assertThat(m).contains("classpath").contains("is refused"));
    }

    @Test
    void aChangedFileThatIsNotNamedAvdl_isCheckedBeforeItIsParsed() {
        Repo repo = new Repo().with("s/odd.idl", "protocol B {\n  import schema \"/etc/passwd\";\n}\n");

        SchemaReader.Read read = read(repo, "s/odd.idl");

        assertThat(repo.asked).containsExactly("s/odd.idl");
        assertThat(read.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("is refused"));
    }
}
