package dev.takedown.correspondence.web;

import dev.takedown.correspondence.Correspondence;
import dev.takedown.correspondence.LetterNotFoundException;
import dev.takedown.correspondence.LetterStateException;
import dev.takedown.kernel.Caller;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderators' alert for letters that did not arrive (bounced, failed, no address): each with its case, why, and
 * the two ways on: send it again to another address, or record that it reached the party another way.
 */
@Controller
class LetterPages {

    private final Correspondence correspondence;
    private final MessageSource messages;

    LetterPages(Correspondence correspondence, MessageSource messages) {
        this.correspondence = correspondence;
        this.messages = messages;
    }

    @GetMapping("/letters")
    String undelivered(Model model) {
        model.addAttribute("letters", correspondence.undelivered());
        return "correspondence/undelivered";
    }

    @PostMapping("/letters/{letterId}/resend")
    String resend(
            @PathVariable String letterId,
            @RequestParam(name = "email", required = false) String email,
            Authentication authentication,
            RedirectAttributes redirect) {
        try {
            correspondence.resend(letterId, email, Caller.of(authentication).actor());
            redirect.addFlashAttribute("done", text("letters.resent"));
        } catch (IllegalArgumentException notAnAddress) {
            failed(redirect, letterId, text("letters.resend.invalid"));
        } catch (LetterStateException notNow) {
            failed(redirect, letterId, text("letters.notUndelivered"));
        } catch (LetterNotFoundException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no letter " + letterId);
        }
        return "redirect:/letters";
    }

    @PostMapping("/letters/{letterId}/delivery")
    String delivered(
            @PathVariable String letterId,
            @RequestParam(name = "how", required = false) String how,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (how == null || how.isBlank() || how.length() > 1000) {
            failed(redirect, letterId, text("letters.confirm.howMissing"));
            return "redirect:/letters";
        }
        try {
            correspondence.confirmDelivery(
                    letterId, null, how.strip(), Caller.of(authentication).actor());
            redirect.addFlashAttribute("done", text("letters.confirmed"));
        } catch (LetterStateException notNow) {
            failed(redirect, letterId, text("letters.notUndelivered"));
        } catch (LetterNotFoundException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no letter " + letterId);
        }
        return "redirect:/letters";
    }

    private static void failed(RedirectAttributes redirect, String letterId, String problem) {
        redirect.addFlashAttribute("failedId", letterId);
        redirect.addFlashAttribute("problem", problem);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
