package dev.vaporform.containers.terminal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import dev.vaporform.platform.AuthenticatingHandshakeInterceptor;

/** Registers {@code /ws/terminal} behind the platform's authenticating handshake. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class TerminalWebSocketConfiguration implements WebSocketConfigurer {

    private final TerminalHandler handler;
    private final AuthenticatingHandshakeInterceptor handshake;

    TerminalWebSocketConfiguration(TerminalHandler handler, AuthenticatingHandshakeInterceptor handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        handshake.guard(registry.addHandler(handler, "/ws/terminal"));
    }
}
