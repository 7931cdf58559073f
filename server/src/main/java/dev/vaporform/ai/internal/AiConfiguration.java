package dev.vaporform.ai.internal;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.vaporform.ai.internal.context.ContextBuilder;
import dev.vaporform.ai.internal.context.SecretFiles;
import dev.vaporform.ai.internal.edits.EditApplier;
import dev.vaporform.ai.internal.provider.AnthropicProvider;
import dev.vaporform.ai.internal.provider.ModelProvider;
import dev.vaporform.ai.internal.provider.OpenAiProvider;
import dev.vaporform.collab.LiveDocuments;
import dev.vaporform.files.ProjectFiles;

/** Chooses the provider from the settings and wires the generation pipeline. */
@Configuration(proxyBeanMethods = false)
class AiConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AiConfiguration.class);

    /** The model behind retries, breaker and deadlines; empty when no provider is configured. */
    @Bean
    AiModel aiModel(AiProperties properties) {
        Optional<ModelProvider> provider = provider(properties);
        provider.ifPresentOrElse(p -> log.info("AI provider: {} (model {})", p.name(), p.model()),
                () -> log.info("No AI provider configured: AI routes answer 503 (set ANTHROPIC_API_KEY or VAPORFORM_AI_OPENAI_BASE_URL)"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ai-timers").daemon().factory());
        return new AiModel(provider.map(p -> new ResilientModel(p, properties, timers)), timers);
    }

    static Optional<ModelProvider> provider(AiProperties p) {
        String choice = p.provider().strip().toLowerCase(java.util.Locale.ROOT);
        boolean anthropic = !p.anthropic().apiKey().isBlank();
        boolean openai = !p.openai().baseUrl().isBlank();
        return switch (choice) {
            case "none" -> Optional.empty();
            case "anthropic" -> {
                if (!anthropic) throw new IllegalStateException("vaporform.ai.provider=anthropic needs ANTHROPIC_API_KEY (vaporform.ai.anthropic.api-key)");
                yield Optional.of(anthropic(p));
            }
            case "openai" -> {
                if (!openai) throw new IllegalStateException("vaporform.ai.provider=openai needs VAPORFORM_AI_OPENAI_BASE_URL");
                yield Optional.of(openai(p));
            }
            case "auto" -> anthropic ? Optional.of(anthropic(p)) : openai ? Optional.of(openai(p)) : Optional.empty();
            default -> throw new IllegalStateException("vaporform.ai.provider must be auto, anthropic, openai or none, not " + p.provider());
        };
    }

    private static ModelProvider anthropic(AiProperties p) {
        return new AnthropicProvider(p.anthropic().apiKey(), p.anthropic().baseUrl(), p.anthropic().model(),
                p.connectTimeout(), p.firstTokenTimeout(), p.totalTimeout());
    }

    private static ModelProvider openai(AiProperties p) {
        if (p.openai().model().isBlank()) throw new IllegalStateException("VAPORFORM_AI_OPENAI_MODEL must name the model to use");
        return new OpenAiProvider(p.openai().baseUrl(), p.openai().apiKey(), p.openai().model(),
                p.connectTimeout(), p.firstTokenTimeout(), p.totalTimeout());
    }

    @Bean
    SecretFiles aiSecretFiles(AiProperties properties) {
        return new SecretFiles(properties.excludedFiles());
    }

    @Bean
    ContextBuilder aiContextBuilder(ProjectFiles files, SecretFiles secrets, AiProperties properties) {
        return new ContextBuilder(files, secrets, properties.contextTokens(), properties.snippetLines());
    }

    @Bean
    EditApplier aiEditApplier(ProjectFiles files, LiveDocuments live, SecretFiles secrets, ApplicationEventPublisher events, AiProperties properties) {
        return new EditApplier(files, live, secrets, events, properties.applyWait());
    }
}
