package io.autowatch.github;

import io.autowatch.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * Warms the GitHub client without a request to GitHub, for a snapshot (SnapStart) to hold it warm: the JDK's HTTP
 * client up to the socket (a request to a closed local port), a TLS client handshake's first message (cipher suites,
 * key shares), and the JSON reader on a pull request's shape.
 */
final class GitHubPriming {

    private static final byte[] PULL_REQUEST = """
            {"number": 1, "state": "open", "changed_files": 1,
             "head": {"sha": "0000000000000000000000000000000000000000", "repo": {"full_name": "o/r"}},
             "base": {"sha": "1111111111111111111111111111111111111111", "repo": {"full_name": "o/r"}},
             "user": {"login": "someone"}, "labels": [], "draft": false}
            """.getBytes(StandardCharsets.UTF_8);

    private GitHubPriming() {}

    static void prime(HttpClient http) {
        try {
            // The discard port: nothing listens there, so the connection is refused at once.
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException expected) {
            // The point was the path to the socket, not an answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("api.github.com", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            engine.wrap(
                    ByteBuffer.allocate(0),
                    ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
        } catch (NoSuchAlgorithmException | SSLException e) {
            throw new IllegalStateException("priming TLS failed", e);
        }
        Json.readObject(PULL_REQUEST);
    }
}
