package dev.vaporform.containers.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.springframework.stereotype.Component;

/**
 * Runs a command in a container and collects its exit code and output (stdout and stderr
 * apart, each bounded). A command running past its timeout is killed, with its whole process
 * group, and reported with exit code 124 like coreutils' {@code timeout}.
 */
@Component
class WorkspaceExec {

    static final int TIMED_OUT = 124;

    private final DockerEngine engine;
    private final ContainersProperties properties;

    WorkspaceExec(DockerEngine engine, ContainersProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    ExecResult run(String containerId, List<String> argv, String user, String workdir, Map<String, String> env, int timeoutSeconds) {
        long started = System.nanoTime();
        var create = engine.call(d -> {
            var cmd = d.execCreateCmd(containerId).withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true)
                    .withEnv(env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            if (user != null) cmd.withUser(user);
            if (workdir != null) cmd.withWorkingDir(workdir);
            return cmd.exec();
        });
        long limit = properties.execOutputLimit().toBytes();
        BoundedOutput stdout = new BoundedOutput(limit);
        BoundedOutput stderr = new BoundedOutput(limit);
        var callback = engine.streams().execStartCmd(create.getId()).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                (frame.getStreamType() == StreamType.STDERR ? stderr : stdout).append(frame.getPayload());
            }
        });
        boolean finished = await(callback, Duration.ofSeconds(timeoutSeconds));
        if (!finished) kill(create.getId());
        close(callback);
        long millis = (System.nanoTime() - started) / 1_000_000;
        int exitCode = finished ? exitCode(create.getId()) : TIMED_OUT;
        return new ExecResult(exitCode, stdout.text(), stderr.text(), millis, stdout.truncated() || stderr.truncated(), !finished);
    }

    private int exitCode(String execId) {
        for (int attempt = 0; attempt < 50; attempt++) {
            var inspect = engine.call(d -> d.inspectExecCmd(execId).exec());
            if (!Boolean.TRUE.equals(inspect.isRunning()) && inspect.getExitCodeLong() != null) return inspect.getExitCodeLong().intValue();
            sleepBriefly();
        }
        return -1;
    }

    /** Docker has no "kill exec": signal the process by its host pid (the engine is local to this server). */
    private void kill(String execId) {
        Long pid = engine.call(d -> d.inspectExecCmd(execId).exec()).getPidLong();
        if (pid == null || pid <= 0) return;
        ProcessHandle.of(pid).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    private static boolean await(ResultCallback.Adapter<Frame> callback, Duration timeout) {
        try {
            return callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void close(ResultCallback.Adapter<Frame> callback) {
        try {
            callback.close();
        } catch (Exception ignored) {
            // the stream is done either way
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
