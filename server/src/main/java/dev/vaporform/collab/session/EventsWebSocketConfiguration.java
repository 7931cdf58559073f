package dev.vaporform.collab.session;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import dev.vaporform.platform.AuthenticatingHandshakeInterceptor;
import dev.vaporform.platform.PlatformProperties;

/** Registers {@code /ws/events} behind the platform's authenticating handshake. */
@Configuration(proxyBeanMethods = false)
class EventsWebSocketConfiguration implements WebSocketConfigurer {

    private final EventsHandler handler;
    private final AuthenticatingHandshakeInterceptor handshake;
    private final PlatformProperties platform;

    EventsWebSocketConfiguration(EventsHandler handler, AuthenticatingHandshakeInterceptor handshake, PlatformProperties platform) {
        this.handler = handler;
        this.handshake = handshake;
        this.platform = platform;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/events")
                .addInterceptors(handshake)
                .setAllowedOrigins(platform.effectiveAllowedOrigins().toArray(String[]::new));
    }
}
