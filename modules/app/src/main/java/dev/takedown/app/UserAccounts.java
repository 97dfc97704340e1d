package dev.takedown.app;

import dev.takedown.kernel.Caller;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Accounts live in {@code app_user} with BCrypt hashes. A rights holder's organisation becomes an authority next to
 * its role, which is how tenant scoping reaches every module without a shared user type.
 */
@Service
class UserAccounts implements UserDetailsService {

    private final JdbcTemplate jdbc;

    UserAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "select username, password_hash, role, organisation_id, enabled from app_user where username = ?",
                (rs, row) -> {
                    List<GrantedAuthority> authorities = new ArrayList<>();
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + rs.getString("role")));
                    String organisation = rs.getString("organisation_id");
                    if (organisation != null) {
                        authorities.add(new SimpleGrantedAuthority(Caller.ORGANISATION_PREFIX + organisation));
                    }
                    return User.withUsername(rs.getString("username"))
                            .password(rs.getString("password_hash"))
                            .authorities(authorities)
                            .disabled(!rs.getBoolean("enabled"))
                            .build();
                },
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("unknown user");
        }
        return found.get(0);
    }
}
