package dev.takedown.app;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Login page and the landing page of each role. */
@Controller
class HomePages {

    private final OidcLogin oidc;

    HomePages(OidcLogin oidc) {
        this.oidc = oidc;
    }

    /** The form, the OIDC sign-in when configured, and why an OIDC sign-in was refused ({@code ?oidc=}). */
    @GetMapping("/login")
    String login(@RequestParam(name = "oidc", required = false) String oidcProblem, Model model) {
        if (oidc.enabled()) {
            model.addAttribute("oidcName", oidc.name());
            model.addAttribute("oidcPath", OidcLogin.AUTHORIZATION_PATH);
            if (oidcProblem != null && OidcLogin.PROBLEMS.contains(oidcProblem)) {
                model.addAttribute("oidcProblem", "login.oidc." + oidcProblem);
            }
        }
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        var roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
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
