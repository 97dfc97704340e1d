package dev.takedown.app;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Login page and the landing page of each role. */
@Controller
class HomePages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        var roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        if (roles.contains("ROLE_RIGHTS_HOLDER")) {
            return "redirect:/notices";
        }
        if (roles.contains("ROLE_MODERATOR") || roles.contains("ROLE_SENIOR_MODERATOR")) {
            return "redirect:/tasks";
        }
        if (roles.contains("ROLE_ADMIN")) {
            return "redirect:/camunda/app/cockpit/default/";
        }
        return "redirect:/audit";
    }
}
