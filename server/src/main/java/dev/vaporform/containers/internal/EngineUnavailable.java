package dev.vaporform.containers.internal;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** No Docker engine answers (503); the rest of the product keeps working. */
public class EngineUnavailable extends ProblemException {

    public EngineUnavailable(String host, String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "docker-unavailable", "Workspaces unavailable",
                "Workspaces need a Docker engine, and none answers at " + host + " (" + reason + "). "
                        + "Start Docker, or point DOCKER_HOST at a running engine. Files, editing and everything "
                        + "else keep working meanwhile.",
                Map.of("dockerHost", host));
    }
}
