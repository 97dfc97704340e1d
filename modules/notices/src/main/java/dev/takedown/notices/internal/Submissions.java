package dev.takedown.notices.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.notices.NoticeSubmission;
import org.springframework.stereotype.Component;

/** A notice as filed, which the aggregate keeps as JSON. */
@Component
public class Submissions {

    private final ObjectMapper json;

    Submissions(ObjectMapper json) {
        this.json = json;
    }

    public NoticeSubmission of(Notice notice) {
        try {
            return json.readValue(notice.getBody(), NoticeSubmission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notice " + notice.getId() + " is unreadable", e);
        }
    }

    public String write(NoticeSubmission submission) {
        try {
            return json.writeValueAsString(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("notice cannot be serialised", e);
        }
    }
}
