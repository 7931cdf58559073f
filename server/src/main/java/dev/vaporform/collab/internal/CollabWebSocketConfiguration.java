package dev.vaporform.collab.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import dev.vaporform.platform.AuthenticatingHandshakeInterceptor;

/**
 * Registers {@code /ws/collab} behind the platform's authenticating handshake, and sets the
 * container's buffers per socket to {@code socket-buffer-size}: Tomcat allocates them for every
 * open socket, so they stay small, and frames up to {@code max-message-size} arrive in parts that
 * the handlers put together ({@link PartialText}). Endpoints that do not take partial messages
 * (the terminal) accept frames up to this size.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class CollabWebSocketConfiguration implements WebSocketConfigurer {

    private final CollabHandler handler;
    private final AuthenticatingHandshakeInterceptor handshake;

    CollabWebSocketConfiguration(CollabHandler handler, AuthenticatingHandshakeInterceptor handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        handshake.guard(registry.addHandler(handler, "/ws/collab"));
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(CollabProperties properties) {
        var container = new ServletServerContainerFactoryBean();
        int size = (int) properties.socketBufferSize().toBytes();
        container.setMaxTextMessageBufferSize(size);
        container.setMaxBinaryMessageBufferSize(size);
        return container;
    }
}
