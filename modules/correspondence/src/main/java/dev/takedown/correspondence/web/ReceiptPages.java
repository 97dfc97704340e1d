package dev.takedown.correspondence.web;

import dev.takedown.correspondence.Correspondence;
import dev.takedown.kernel.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The link in every letter: opening it is the letter's receipt, then it leads to the page the letter is about (the
 * case page, where the rights holder signs in; the uploader's page, which its own signed link opens). Staff who open a
 * letter they see on a case are not its recipient and deliver nothing.
 */
@Controller
class ReceiptPages {

    private final Correspondence correspondence;

    ReceiptPages(Correspondence correspondence) {
        this.correspondence = correspondence;
    }

    @GetMapping("/l/{token}")
    String open(@PathVariable String token, Authentication authentication) {
        boolean byRecipient =
                authentication == null || !Caller.of(authentication).isStaff();
        String opens = correspondence
                .open(token, byRecipient)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such letter"));
        if (opens == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "this letter opens no page");
        }
        return "redirect:" + opens;
    }
}
