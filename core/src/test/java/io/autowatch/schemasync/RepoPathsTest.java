package io.autowatch.schemasync;

import static org.assertj.core.api.Assertions.assertThat;

import io.autowatch.schemasync.RepoPaths.Inside;
import io.autowatch.schemasync.RepoPaths.Refused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoPathsTest {

    @Test
    void imported_resolvesAgainstTheImportersFolder() {
        assertThat(RepoPaths.imported("schemas/cart/cart.avdl", "common.avdl"))
                .isEqualTo(new Inside("schemas/cart/common.avdl"));
        assertThat(RepoPaths.imported("schemas/cart/cart.avdl", "../shared/./money.avdl"))
                .isEqualTo(new Inside("schemas/shared/money.avdl"));
        assertThat(RepoPaths.imported("cart.avdl", "sub/x.avsc")).isEqualTo(new Inside("sub/x.avsc"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/etc/passwd",
                "/dev/zero",
                "../../../../../../etc/passwd",
                "../../../../../user",
                "file:///etc/passwd",
                "classpath:simplelogger.properties",
                "http://169.254.169.254/latest/meta-data",
                "jar:file:/x.jar!/a",
                "C:/Windows/win.ini",
                "..\\..\\secret",
                "a%2f..%2f..%2fb",
                "x.avdl?ref=main",
                "x.avdl#frag",
                "a//b.avdl",
                "dir/",
                "",
                "a\u0000b",
                "line\nbreak"
            })
    void imported_whenTheTextEscapesOrIsNotAPlainRelativePath_isRefused(String path) {
        assertThat(RepoPaths.imported("schemas/cart.avdl", path)).isInstanceOf(Refused.class);
    }

    @Test
    void imported_whenItClimbsExactlyToTheRoot_staysInside_butOneMoreIsRefused() {
        assertThat(RepoPaths.imported("a/b/c.avdl", "../../d.avdl")).isEqualTo(new Inside("d.avdl"));
        assertThat(RepoPaths.imported("a/b/c.avdl", "../../../d.avdl"))
                .isEqualTo(new Refused("it points outside the repository"));
    }

    @Test
    void file_refusesOverLongPaths_andKeepsOrdinaryOnes() {
        assertThat(RepoPaths.file("x/".repeat(200) + "a.avdl")).isInstanceOf(Refused.class);
        assertThat(RepoPaths.file("Schemas/a b.avdl")).isEqualTo(new Inside("Schemas/a b.avdl"));
    }
}
