package dev.vaporform.ai;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import dev.vaporform.support.Http;

/** Server-sent events read from a streamed body, as a browser's EventSource would see them. */
final class SseEvents {

    record Event(String name, JsonNode data) {}

    private final Iterator<String> lines;
    private final Stream<String> stream;

    SseEvents(Stream<String> stream) {
        this.stream = stream;
        this.lines = stream.iterator();
    }

    /** @return the next event, or null at the end of the stream (comments are skipped) */
    Event next() {
        String name = "message";
        StringBuilder data = null;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (data != null) return new Event(name, Http.JSON.readTree(data.toString()));
                name = "message";
                continue;
            }
            if (line.startsWith(":")) continue;
            if (line.startsWith("event:")) name = line.substring(6).strip();
            else if (line.startsWith("data:")) {
                if (data == null) data = new StringBuilder();
                else data.append('\n');
                data.append(line.substring(5).stripLeading());
            }
        }
        return data == null ? null : new Event(name, Http.JSON.readTree(data.toString()));
    }

    /** @return every event to the end */
    List<Event> all() {
        List<Event> out = new ArrayList<>();
        for (Event e = next(); e != null; e = next()) out.add(e);
        return out;
    }

    Event until(Predicate<Event> match) {
        for (Event e = next(); e != null; e = next()) if (match.test(e)) return e;
        return null;
    }

    void close() {
        stream.close();
    }

    static String text(List<Event> events) {
        StringBuilder out = new StringBuilder();
        for (Event e : events) if (e.name().equals("delta")) out.append(e.data().path("text").asString());
        return out.toString();
    }

    static List<Event> named(List<Event> events, String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }
}
