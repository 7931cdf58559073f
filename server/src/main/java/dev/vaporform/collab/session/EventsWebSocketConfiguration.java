package dev.vaporform.collab.session;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import dev.vaporform.platform.AuthenticatingHandshakeInterceptor;

/** Registers {@code /ws/events} behind the platform's authenticating handshake. */
@Configuration(proxyBeanMethods = false)
class EventsWebSocketConfiguration implements WebSocketConfigurer {

    private final EventsHandler handler;
    private final AuthenticatingHandshakeInterceptor handshake;

    EventsWebSocketConfiguration(EventsHandler handler, AuthenticatingHandshakeInterceptor handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        handshake.guard(registry.addHandler(handler, "/ws/events"));
    }
}
