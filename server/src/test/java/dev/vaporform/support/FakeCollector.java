package dev.vaporform.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * An OpenTelemetry collector's OTLP/HTTP traces endpoint ({@code POST /v1/traces}), keeping each
 * export's protobuf body. Tests look for a trace id's 16 bytes and for span names (protobuf keeps
 * strings as UTF-8), which is what a collector would index.
 */
public final class FakeCollector {

    private static FakeCollector instance;

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private FakeCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (exchange) {
                exports.add(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("content-type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static synchronized FakeCollector get() {
        if (instance == null) {
            try {
                instance = new FakeCollector();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** @return every export received so far, concatenated (span order is not kept) */
    public byte[] received() {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] export : new ArrayList<>(exports)) out.writeBytes(export);
        return out.toByteArray();
    }
}
