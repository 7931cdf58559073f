package dev.vaporform.ai.internal.provider;

import java.util.List;

/**
 * One call: the instructions, the conversation ending with the user's turn, and the answer's
 * length limit.
 */
public record ModelRequest(String system, List<Turn> turns, int maxTokens) {

    public enum Role { user, assistant }

    public record Turn(Role role, String text) {}

    public ModelRequest {
        turns = List.copyOf(turns);
        if (turns.isEmpty() || turns.getLast().role() != Role.user) throw new IllegalArgumentException("The last turn must be the user's");
    }
}
