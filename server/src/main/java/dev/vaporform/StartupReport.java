package dev.vaporform;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

/**
 * Prints where a start-up spent its time (diagnostics, off unless asked for). Steps nest (a bean's
 * creation contains the creation of the beans it needs), so the report ranks steps by their own
 * time — their duration minus that of the steps inside them — which is what an optimisation saves.
 */
final class StartupReport {

    private StartupReport() {}

    static void print(BufferingApplicationStartup startup) {
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        Map<Long, Duration> insideOf = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) insideOf.merge(parent, event.getDuration(), Duration::plus);
        }
        System.out.println("Start-up steps by own time (total time in brackets):");
        events.stream()
                .sorted(Comparator.comparing((TimelineEvent e) -> ownTime(e, insideOf)).reversed())
                .limit(30)
                .forEach(e -> System.out.printf("%6d ms (%5d)  %s%n",
                        ownTime(e, insideOf).toMillis(), e.getDuration().toMillis(), describe(e.getStartupStep())));
    }

    private static Duration ownTime(TimelineEvent event, Map<Long, Duration> insideOf) {
        return event.getDuration().minus(insideOf.getOrDefault(event.getStartupStep().getId(), Duration.ZERO));
    }

    private static String describe(StartupStep step) {
        StringBuilder text = new StringBuilder(step.getName());
        for (StartupStep.Tag tag : step.getTags()) {
            if (tag.getKey().equals("beanName") || tag.getKey().equals("beanType") || tag.getKey().equals("postProcessor")) {
                text.append(' ').append(tag.getValue());
            }
        }
        return text.toString();
    }
}
