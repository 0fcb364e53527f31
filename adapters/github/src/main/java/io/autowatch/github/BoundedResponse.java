package io.autowatch.github;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * A response whose body was read up to a limit and then dropped: a file a stranger put in a pull request can be
 * large, and nothing past the limit is ever held in memory.
 */
record BoundedResponse(HttpResponse<InputStream> raw, byte[] body) implements HttpResponse<byte[]> {

    /** Reads at most {@code maxBytes + 1} bytes (one more tells "too large" from "exactly the limit"). */
    static BoundedResponse read(HttpResponse<InputStream> raw, int maxBytes) throws IOException {
        try (InputStream in = raw.body()) {
            return new BoundedResponse(raw, in.readNBytes(maxBytes + 1));
        }
    }

    @Override
    public int statusCode() {
        return raw.statusCode();
    }

    @Override
    public HttpRequest request() {
        return raw.request();
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return raw.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return raw.sslSession();
    }

    @Override
    public URI uri() {
        return raw.uri();
    }

    @Override
    public HttpClient.Version version() {
        return raw.version();
    }
}
