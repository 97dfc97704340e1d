package dev.takedown.measures;

/** A lift by hand that a {@link LiftGuard} refused; the measure stays applied. */
public class LiftRefusedException extends RuntimeException {

    public LiftRefusedException(String reason) {
        super(reason);
    }
}
