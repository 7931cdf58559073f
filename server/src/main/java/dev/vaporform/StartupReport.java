package dev.vaporform;

import java.util.Comparator;

import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/** Prints the longest bean creations of a start-up (diagnostics, off unless asked for). */
final class StartupReport {

    private StartupReport() {}

    static void print(BufferingApplicationStartup startup) {
        StartupTimeline timeline = startup.getBufferedTimeline();
        System.out.println("Slowest start-up steps:");
        timeline.getEvents().stream()
                .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(25)
                .forEach(e -> System.out.printf("%6d ms  %s%n", e.getDuration().toMillis(), beanName(e)));
    }

    private static String beanName(StartupTimeline.TimelineEvent event) {
        for (var tag : event.getStartupStep().getTags()) {
            if (tag.getKey().equals("beanName")) return tag.getValue();
        }
        return event.getStartupStep().getName();
    }

}
