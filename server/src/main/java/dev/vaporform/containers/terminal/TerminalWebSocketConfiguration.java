package dev.vaporform.containers.terminal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import dev.vaporform.platform.AuthenticatingHandshakeInterceptor;
import dev.vaporform.platform.PlatformProperties;

/** Registers {@code /ws/terminal} behind the platform's authenticating handshake. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class TerminalWebSocketConfiguration implements WebSocketConfigurer {

    private final TerminalHandler handler;
    private final AuthenticatingHandshakeInterceptor handshake;
    private final PlatformProperties platform;

    TerminalWebSocketConfiguration(TerminalHandler handler, AuthenticatingHandshakeInterceptor handshake, PlatformProperties platform) {
        this.handler = handler;
        this.handshake = handshake;
        this.platform = platform;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/ws/terminal")
                .addInterceptors(handshake)
                .setAllowedOrigins(platform.effectiveAllowedOrigins().toArray(String[]::new));
    }
}
