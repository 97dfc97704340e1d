package dev.takedown.app;

import dev.takedown.kernel.Caller;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dead letters of every consumer for administrators and compliance officers: per original topic, with where it
 * was, its key, the reason and a bounded preview of its value; replayed to its topic after a fix, or discarded with a
 * reason.
 */
@Controller
@RequestMapping("/admin/dead-letters")
class DeadLetterPages {

    /** The longest discard reason, as the column holds it. */
    static final int NOTE_MAX = 2000;

    private static final int TOPIC_MAX = 249;

    private final DeadLetterRecords records;
    private final DeadLetterResolutions resolutions;

    DeadLetterPages(DeadLetterRecords records, DeadLetterResolutions resolutions) {
        this.records = records;
        this.resolutions = resolutions;
    }

    @GetMapping
    String list(@RequestParam(required = false) String topic, Model model) {
        String shown = topic == null || topic.isBlank() || topic.length() > TOPIC_MAX ? null : topic;
        model.addAttribute("topics", records.topics());
        model.addAttribute("topic", shown);
        model.addAttribute("letters", records.list(shown));
        model.addAttribute("shownAtMost", DeadLetterRecords.SHOWN);
        model.addAttribute("noteMax", NOTE_MAX);
        return "dead-letters";
    }

    @PostMapping("/{id}/replay")
    String replay(@PathVariable String id, Authentication authentication, RedirectAttributes flash) {
        Optional<UUID> known = uuid(id);
        try {
            Optional<DeadLetter> replayed = known.flatMap(letter ->
                    resolutions.replay(letter, Caller.of(authentication).actor()));
            replayed.ifPresentOrElse(
                    letter -> flash.addFlashAttribute("replayed", letter), () -> flash.addFlashAttribute("gone", id));
        } catch (DeadLetterResolutions.ReplayFailedException failed) {
            flash.addFlashAttribute("failed", failed.getMessage());
        }
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/{id}/discard")
    String discard(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Authentication authentication,
            RedirectAttributes flash) {
        String note = reason == null ? "" : reason.strip();
        if (note.isEmpty() || note.length() > NOTE_MAX) {
            flash.addFlashAttribute("noteRefused", true);
            return "redirect:/admin/dead-letters";
        }
        uuid(id).flatMap(letter ->
                        resolutions.discard(letter, Caller.of(authentication).actor(), note))
                .ifPresentOrElse(
                        letter -> flash.addFlashAttribute("discarded", letter),
                        () -> flash.addFlashAttribute("gone", id));
        return "redirect:/admin/dead-letters";
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
