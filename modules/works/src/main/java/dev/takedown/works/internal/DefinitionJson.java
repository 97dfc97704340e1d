package dev.takedown.works.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.takedown.works.WorkDefinition;
import org.springframework.stereotype.Component;

/** A work's definition as the registry stores it: one JSON document (jsonb), written and read with the app's mapper. */
@Component
public class DefinitionJson {

    private final ObjectMapper json;

    public DefinitionJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(WorkDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public WorkDefinition read(String definition) {
        try {
            return json.readValue(definition, WorkDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored work definition is unreadable", e);
        }
    }
}
