package dev.takedown.measures;

public class MeasureNotFoundException extends RuntimeException {

    public MeasureNotFoundException(String measureId) {
        super("no measure " + measureId);
    }
}
