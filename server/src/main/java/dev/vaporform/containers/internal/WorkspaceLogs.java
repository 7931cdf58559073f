package dev.vaporform.containers.internal;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import org.springframework.stereotype.Service;

/**
 * The workspace log as one stream: Vaporform's own lines (status changes, lifecycle command
 * output) and the container's stdout/stderr, the latter followed live from Docker.
 */
@Service
public class WorkspaceLogs {

    private final Workspaces workspaces;
    private final WorkspaceLogBook book;
    private final DockerEngine engine;

    WorkspaceLogs(Workspaces workspaces, WorkspaceLogBook book, DockerEngine engine) {
        this.workspaces = workspaces;
        this.book = book;
        this.engine = engine;
    }

    /** Sends recent lines, then every new one, to {@code sink} until the returned handle is closed. */
    public Closeable follow(UUID projectId, Consumer<String> sink) {
        var subscription = book.follow(projectId, sink);
        subscription.recent().forEach(sink);
        String containerId = workspaces.status(projectId).containerId();
        if (containerId == null) return subscription::close;
        var docker = engine.streams().logContainerCmd(containerId).withStdOut(true).withStdErr(true)
                .withFollowStream(true).withTail(200)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(sink);
                    }
                });
        return () -> {
            subscription.close();
            docker.close();
        };
    }
}
