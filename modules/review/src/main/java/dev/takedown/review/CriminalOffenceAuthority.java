package dev.takedown.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code takedown.art18.authority.*}: the law enforcement or judicial authority of the member state concerned that a
 * compliance officer informs of a suspected criminal offence involving a threat to the life or safety of persons (DSA
 * Art. 18(1)); the compliance task shows it. Unset, the task says so (production refuses to start without it on the
 * nodes that serve moderation); set, it needs a name and an e-mail address or a phone number, or the start fails
 * naming the setting.
 */
@ConfigurationProperties("takedown.art18.authority")
public record CriminalOffenceAuthority(String name, String email, String phone, String address) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,30}");

    public CriminalOffenceAuthority {
        name = blankToNull(name);
        email = blankToNull(email);
        phone = blankToNull(phone);
        address = blankToNull(address);
        if (name != null || email != null || phone != null || address != null) {
            List<String> problems = new ArrayList<>();
            if (name == null) {
                problems.add("takedown.art18.authority.name is missing: name the authority to be informed");
            }
            if (email == null && phone == null) {
                problems.add("takedown.art18.authority.email or .phone is needed: how the authority is reached");
            }
            if (email != null && !EMAIL.matcher(email).matches()) {
                problems.add("takedown.art18.authority.email '" + email + "' is no e-mail address");
            }
            if (phone != null && !PHONE.matcher(phone).matches()) {
                problems.add("takedown.art18.authority.phone '" + phone + "' is no phone number");
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "The DSA Art. 18 authority is incomplete: " + String.join("; ", problems));
            }
        }
    }

    /** Whether an authority is configured at all. */
    public boolean configured() {
        return name != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
