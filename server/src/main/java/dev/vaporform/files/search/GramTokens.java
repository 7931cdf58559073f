package dev.vaporform.files.search;

import java.util.Iterator;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Feeds precomputed distinct trigrams to Lucene. Deduplicating before indexing (instead of an
 * n-gram tokenizer emitting one token per character) cuts the work of indexing source code,
 * whose grams repeat a lot, several times over; postings are DOCS-only, so nothing is lost.
 */
final class GramTokens extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final List<String> grams;
    private Iterator<String> next;

    GramTokens(List<String> grams) {
        this.grams = grams;
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = grams.iterator();
    }

    @Override
    public boolean incrementToken() {
        if (!next.hasNext()) return false;
        clearAttributes();
        term.setEmpty().append(next.next());
        return true;
    }
}
