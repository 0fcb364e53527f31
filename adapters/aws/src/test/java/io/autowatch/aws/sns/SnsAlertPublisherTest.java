package io.autowatch.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnsAlertPublisherTest {

    @Test
    void account_isTheFifthFieldOfTheTopicArn() {
        assertThat(SnsAlertPublisher.account("arn:aws:sns:eu-west-1:123456789012:chat"))
                .isEqualTo("123456789012");
    }
}
