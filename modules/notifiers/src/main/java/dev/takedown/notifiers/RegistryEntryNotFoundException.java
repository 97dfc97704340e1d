package dev.takedown.notifiers;

/** No registry entry with that id. */
public class RegistryEntryNotFoundException extends RuntimeException {

    public RegistryEntryNotFoundException(String entryId) {
        super("no registry entry " + entryId);
    }
}
