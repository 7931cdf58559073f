package dev.vaporform.files;

import java.util.Map;

import org.springframework.http.HttpStatus;

import dev.vaporform.platform.ProblemException;

/** A search query is empty, too long, or not a valid regular expression (400). */
public class InvalidSearch extends ProblemException {

    public InvalidSearch(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-search", "Invalid search", detail);
    }

    public InvalidSearch(String detail, Map<String, Object> properties) {
        super(HttpStatus.BAD_REQUEST, "invalid-search", "Invalid search", detail, properties);
    }
}
