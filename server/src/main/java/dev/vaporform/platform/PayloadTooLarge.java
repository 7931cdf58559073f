package dev.vaporform.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A request body or upload exceeds a configured limit (413); the detail names the limit. */
public class PayloadTooLarge extends ProblemException {

    public PayloadTooLarge(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", detail);
    }

    public PayloadTooLarge(String code, String detail, Map<String, Object> properties) {
        super(HttpStatus.CONTENT_TOO_LARGE, code, "Payload too large", detail, properties);
    }
}
