package dev.takedown.notices.web;

import dev.takedown.kernel.Caller;
import dev.takedown.kernel.UploadPage;
import dev.takedown.notices.BulkTargets;
import dev.takedown.notices.CaseView;
import dev.takedown.notices.NoticeCases;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The bulk upload page (issue 6): a CSV or TSV of up to {@code takedown.bulk.max-rows} target URLs for one case.
 * Without script the form posts, waits for the processing and shows the report. With script
 * ({@code /js/bulk-upload.js}) the file goes up by XHR with an upload progress bar, the answer is a progress fragment
 * that htmx polls until the report replaces it. The report names every malformed row and downloads as CSV.
 */
@Controller
@RequestMapping("/notices/{caseId}/targets")
class BulkUploadPages implements UploadPage {

    /** A plain form post waits this long for the processing before it shows the progress page instead. */
    private static final long WAIT_SECONDS = 600;
    /** How often the waiting form post looks at the upload's row. */
    private static final long POLL_MILLIS = 200;
    /** Rows of the error report shown on the page; the download has all of them. */
    static final int SHOWN_ERRORS = 200;

    private final NoticeCases cases;
    private final BulkUploads uploads;
    private final long maxRows;

    BulkUploadPages(NoticeCases cases, BulkUploads uploads, @Value("${takedown.bulk.max-rows:100000}") long maxRows) {
        this.cases = cases;
        this.uploads = uploads;
        this.maxRows = maxRows;
    }

    @GetMapping
    String form(@PathVariable String caseId, Authentication authentication, Model model) {
        page(caseId, authentication, model);
        return "notices/targets";
    }

    @PostMapping
    String upload(
            @PathVariable String caseId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Authentication authentication,
            Model model,
            HttpServletResponse response)
            throws IOException, InterruptedException {
        CaseView view = page(caseId, authentication, model);
        if (!BulkTargets.OPEN_FOR_TARGETS.contains(view.status())) {
            return problem(model, response, htmx, "bulk.failed.state", HttpStatus.CONFLICT);
        }
        if (file == null || file.isEmpty()) {
            return problem(model, response, htmx, "bulk.fileMissing", HttpStatus.BAD_REQUEST);
        }
        BulkUploads.Upload upload;
        try {
            upload = uploads.start(caseId, Caller.of(authentication), file);
        } catch (RejectedExecutionException busy) {
            return problem(model, response, htmx, "bulk.busy", HttpStatus.SERVICE_UNAVAILABLE);
        }
        if (htmx != null) {
            response.setStatus(HttpStatus.ACCEPTED.value());
            model.addAttribute("upload", upload);
            model.addAttribute("shownErrors", SHOWN_ERRORS);
            return "notices/targets-parts :: progress";
        }
        awaitFinished(caseId, upload.getId(), Caller.of(authentication));
        return "redirect:/notices/" + caseId + "/targets/" + upload.getId();
    }

    @GetMapping("/{uploadId}")
    String report(
            @PathVariable String caseId, @PathVariable String uploadId, Authentication authentication, Model model) {
        page(caseId, authentication, model);
        model.addAttribute("upload", find(caseId, uploadId, authentication));
        model.addAttribute("shownErrors", SHOWN_ERRORS);
        return "notices/targets";
    }

    /** What htmx polls: the progress while the upload runs, the report once it is done. */
    @GetMapping("/{uploadId}/progress")
    String progress(
            @PathVariable String caseId, @PathVariable String uploadId, Authentication authentication, Model model) {
        model.addAttribute("upload", find(caseId, uploadId, authentication));
        model.addAttribute("shownErrors", SHOWN_ERRORS);
        model.addAttribute("maxRows", maxRows);
        return "notices/targets-parts :: progress";
    }

    @GetMapping("/{uploadId}/errors.csv")
    void errors(
            @PathVariable String caseId,
            @PathVariable String uploadId,
            Authentication authentication,
            HttpServletResponse response)
            throws IOException {
        BulkUploads.Upload upload = find(caseId, uploadId, authentication);
        if (upload.getState() != BulkUploads.State.DONE) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no report for upload " + uploadId);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"bulk-errors-" + caseId.substring(0, Math.min(8, caseId.length())) + ".csv\"");
        response.setContentLengthLong(uploads.errorsSize(upload));
        if (!uploads.copyErrors(upload, response.getOutputStream())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no report for upload " + uploadId);
        }
    }

    private CaseView page(String caseId, Authentication authentication, Model model) {
        CaseView view = cases.find(caseId, Caller.of(authentication))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseId));
        model.addAttribute("case", view);
        model.addAttribute("open", BulkTargets.OPEN_FOR_TARGETS.contains(view.status()));
        model.addAttribute("maxRows", maxRows);
        return view;
    }

    /** Until the upload finished, whichever node runs it, or {@link #WAIT_SECONDS} passed. */
    private void awaitFinished(String caseId, String uploadId, Caller caller) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline
                && uploads.find(caseId, uploadId, caller)
                        .map(u -> !u.isFinished())
                        .orElse(false)) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    private BulkUploads.Upload find(String caseId, String uploadId, Authentication authentication) {
        return uploads.find(caseId, uploadId, Caller.of(authentication))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no upload " + uploadId));
    }

    private static String problem(
            Model model, HttpServletResponse response, String htmx, String key, HttpStatus status) {
        model.addAttribute("uploadProblem", key);
        if (htmx != null) {
            response.setStatus(status.value());
            return "notices/targets-parts :: problem";
        }
        return "notices/targets";
    }

    private static final Pattern BULK = Pattern.compile("^/notices/([^/]+)/targets/?$");

    /**
     * The bulk page's answer to a file over {@code spring.servlet.multipart.max-file-size}, which is refused before
     * any handler is chosen (the kernel's multipart advice asks here): the form's inline message; empty off this page.
     */
    @Override
    public Optional<ModelAndView> tooLarge(String path, HttpServletRequest request, HttpServletResponse response) {
        Matcher bulk = BULK.matcher(path);
        if (!bulk.matches()) {
            return Optional.empty();
        }
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            request.setAttribute("uploadProblem", "bulk.tooLarge");
            return Optional.of(new ModelAndView("notices/targets-parts :: problem"));
        }
        RequestContextUtils.getOutputFlashMap(request).put("uploadProblem", "bulk.tooLarge");
        return Optional.of(new ModelAndView("redirect:/notices/" + bulk.group(1) + "/targets"));
    }
}
