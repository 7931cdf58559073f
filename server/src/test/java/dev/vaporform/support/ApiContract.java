package dev.vaporform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes {@code docs/api.md} (the HTTP and WebSocket contract kept in the repository)
 * promises, read from its tables and from the {@code `METHOD /path`} spans of its prose. A table
 * row's method cell may name several methods ({@code GET / DELETE}) and its path cell several
 * paths ({@code /a, /a/{id}}): the row then counts for every pair, since the contract's prose says
 * which goes with which. Paths are compared {@link #normalize normalized}.
 */
public final class ApiContract {

    private static final String METHOD = "(?:GET|POST|PUT|PATCH|DELETE)";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(" + METHOD + "(?:\\s*/\\s*" + METHOD + ")*)\\s*\\|\\s*([^|]+?)\\s*\\|");
    private static final Pattern SPAN = Pattern.compile("`(" + METHOD + ") (/[^`\\s]+)");
    private static final Pattern SOCKET = Pattern.compile("`(/ws/[^`?\\s]+)");

    private final Set<String> routes = new TreeSet<>();
    private final Set<String> sockets = new TreeSet<>();

    private ApiContract(List<String> lines) {
        for (String line : lines) {
            Matcher row = ROW.matcher(line);
            if (row.find()) addAll(row.group(1).split("\\s*/\\s*"), row.group(2).split("\\s*,\\s*"));
            for (Matcher span = SPAN.matcher(line); span.find(); ) routes.add(span.group(1) + " " + normalize(span.group(2)));
            for (Matcher socket = SOCKET.matcher(line); socket.find(); ) sockets.add(socket.group(1));
        }
    }

    /** @return the contract in the repository ({@code docs/api.md}, seen from the server module) */
    public static ApiContract inRepository() {
        try {
            return new ApiContract(Files.readAllLines(Path.of("..", "docs", "api.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addAll(String[] methods, String[] paths) {
        for (String method : methods) {
            for (String path : paths) {
                if (path.startsWith("/")) routes.add(method + " " + normalize(path));
            }
        }
    }

    /** @return every promised HTTP route as {@code METHOD /normalized/path} */
    public Set<String> routes() {
        return routes;
    }

    /** @return every WebSocket path it names ({@code /ws/...}, without a query) */
    public Set<String> sockets() {
        return sockets;
    }

    /**
     * @return the path without its query, with every path variable written {@code {}} whatever its
     * name, and a rest-of-the-path ({@code /**}, {@code {*path}}) as one variable:
     * {@code /api/projects/{id}/files/**} and {@code /api/projects/{id}/files/{path}} are one route
     */
    public static String normalize(String path) {
        String withoutQuery = path.replaceAll("[`]", "").split("\\?", 2)[0];
        return withoutQuery.replace("/**", "/{}").replaceAll("\\{[^}]*}", "{}");
    }
}
