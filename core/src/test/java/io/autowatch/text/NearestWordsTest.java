package io.autowatch.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestWordsTest {

    private static final List<String> JOBS =
            List.of("email/promo/BR", "email/promo/DE", "email/promo/FR", "email/welcome/DE");

    @Test
    void aWronglyCasedWord_isTheOneMeant_alone() {
        assertThat(NearestWords.of("Email/Promo/DE", JOBS, 3)).containsExactly("email/promo/DE");
    }

    @Test
    void aTypo_namesTheClosest_andTiesTogether() {
        assertThat(NearestWords.of("emial/promo/DE", JOBS, 3)).containsExactly("email/promo/DE");
        assertThat(NearestWords.of("email/promo/XX", JOBS, 3))
                .containsExactly("email/promo/BR", "email/promo/DE", "email/promo/FR");
    }

    @Test
    void nothingClose_isNothing() {
        assertThat(NearestWords.of("sms/otp/IN", JOBS, 3)).isEmpty();
        assertThat(NearestWords.distance("kitten", "sitting")).isEqualTo(3);
    }
}
