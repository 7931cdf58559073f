package dev.vaporform.collab.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

import dev.vaporform.platform.AuthenticatingHandshakeInterceptor;

/**
 * Registers {@code /ws/collab} behind the platform's authenticating handshake, and raises the
 * container's text buffer from Tomcat's 8 KiB (a bigger paste would close the socket with 1009)
 * to {@code max-message-size}.
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
        int size = (int) properties.maxMessageSize().toBytes();
        container.setMaxTextMessageBufferSize(size);
        container.setMaxBinaryMessageBufferSize(size);
        return container;
    }
}
