/**
 * Owns AI code generation: a prompt with the project as context (the open file, the selection,
 * snippets the files module's search finds, a map of the tree; secrets never included) goes to
 * a model provider (Anthropic Claude, or an OpenAI-compatible server), the answer streams back
 * as server-sent events, and the search/replace edits in it are validated and, when asked,
 * applied: as ops on a live document (through collab, so everyone sees them) or as file writes.
 * Conversations are stored as AI sessions; every call's tokens are recorded against per-user
 * budgets. Model output is untrusted: it names no path outside the project and runs nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "AI",
        allowedDependencies = {"platform", "projects", "files", "collab"})
package dev.vaporform.ai;
