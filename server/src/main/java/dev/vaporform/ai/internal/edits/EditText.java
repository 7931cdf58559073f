package dev.vaporform.ai.internal.edits;

import java.util.List;

/**
 * Applies one file's edits to its text, in order, each to the result of the one before. All or
 * nothing: the first edit that does not fit throws, and the caller keeps the text it had.
 */
public final class EditText {

    private EditText() {}

    /**
     * @param text the file's text, or null when there is no such file
     * @return the new text
     * @throws EditRejected when an edit's search text is not there exactly once, or an edit
     *                      would create a file that exists
     */
    public static String apply(String text, List<ProposedEdit> edits) {
        String current = text;
        for (ProposedEdit edit : edits) current = applyOne(current, edit);
        return current;
    }

    private static String applyOne(String text, ProposedEdit edit) {
        if (edit.search().isEmpty()) {
            if (text != null && !text.isEmpty()) throw new EditRejected("The file already exists; an empty search text only creates a new file.");
            return edit.replace();
        }
        if (text == null) throw new EditRejected("There is no such file to change.");
        String search = edit.search(), replace = edit.replace();
        int at = text.indexOf(search);
        if (at < 0 && search.endsWith("\n")) {
            // The block's last line always ends with a newline; the file's last line may not.
            search = search.substring(0, search.length() - 1);
            replace = replace.endsWith("\n") ? replace.substring(0, replace.length() - 1) : replace;
            at = text.indexOf(search);
        }
        if (at < 0) throw new EditRejected("The search text is not in the file (it must match exactly, whitespace included).");
        int again = text.indexOf(search, at + 1);
        if (again >= 0) {
            throw new EditRejected("The search text appears " + occurrences(text, search) + " times in the file; it must appear exactly once.");
        }
        return text.substring(0, at) + replace + text.substring(at + search.length());
    }

    private static int occurrences(String text, String search) {
        int count = 0;
        for (int i = text.indexOf(search); i >= 0; i = text.indexOf(search, i + 1)) count++;
        return count;
    }
}
