package dev.takedown.notices;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The agent designated to receive notifications of claimed infringement (17 U.S.C. 512(c)(2)), from
 * {@code takedown.designated-agent.*}: the safe harbour applies only if these details are on the service's website
 * and registered with the Copyright Office, so the application does not start under an enabled US_DMCA profile
 * without every one of them.
 *
 * @param name               the agent (a person, a position or a department)
 * @param address            postal address
 * @param phone              telephone number
 * @param email              electronic mail address
 * @param registrationNumber the Copyright Office designation number, e.g. {@code DMCA-1234567}
 * @param registeredOn       the day the designation was registered or last renewed
 */
public record DesignatedAgent(
        String name, String address, String phone, String email, String registrationNumber, LocalDate registeredOn) {

    /** 37 CFR 201.38(c)(4): a designation expires three years after it was registered or last renewed. */
    public static final Period VALIDITY = Period.ofYears(3);

    /** How long before the expiry the renewal is asked for. */
    public static final int REMINDER_DAYS = 90;

    static final String SETTING = "takedown.designated-agent";

    /** The first day on which the designation is no longer in force unless renewed. */
    public LocalDate expiresOn() {
        return registeredOn.plus(VALIDITY);
    }

    /** From {@link #REMINDER_DAYS} days before the expiry on, including after it. */
    public boolean renewalDue(LocalDate today) {
        return !today.isBefore(expiresOn().minusDays(REMINDER_DAYS));
    }

    public boolean expired(LocalDate today) {
        return !today.isBefore(expiresOn());
    }

    /** Adds every element 512(c)(2)(A) and the registration need that is missing, each naming its setting. */
    void check(List<String> problems) {
        required(name, "name", problems);
        required(address, "address", problems);
        required(phone, "phone", problems);
        required(registrationNumber, "registration-number", problems);
        if (email == null || email.isBlank()) {
            required(email, "email", problems);
        } else if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            problems.add(SETTING + ".email must be an e-mail address, not " + email);
        }
        if (registeredOn == null) {
            problems.add(SETTING + ".registered-on is missing: the day the Copyright Office registered or last "
                    + "renewed the designation, e.g. 2026-01-15 (it expires after 3 years)");
        }
    }

    private static void required(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(SETTING + "." + name + " is missing: US_DMCA is enabled and 17 U.S.C. 512(c)(2) requires"
                    + " the designated agent's name, address, phone, email and Copyright Office registration");
        }
    }
}
