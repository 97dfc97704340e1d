package dev.takedown.screening.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.takedown.kernel.FieldProblem;
import dev.takedown.screening.FileVerdict;
import dev.takedown.screening.ImageVerdict;
import dev.takedown.screening.PdqHash;
import dev.takedown.screening.PromptVerdict;
import dev.takedown.screening.Screening;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Asked by the platform's generation and upload services before they serve a prompt, an image or a URL. Answers
 * come from the node's memory (see {@link Screening}); bad input is refused with RFC 9457 problem details.
 */
@RestController
class ScreeningApi {

    static final int MAX_PROMPT_BYTES = 64 * 1024;
    static final int MAX_BATCH = 1000;

    private final Screening screening;
    private final ObjectReader promptReader;

    /** {@code json}: the application's mapper, the one its JSON message converter reads request bodies with. */
    ScreeningApi(Screening screening, ObjectMapper json) {
        this.screening = screening;
        this.promptReader = json.readerFor(PromptRequest.class);
    }

    @GetMapping("/api/screening/url")
    UrlVerdict url(@RequestParam String url) {
        return screening
                .urls()
                .check(url)
                .map(ids -> new UrlVerdict(url, true, ids.stream().sorted().toList()))
                .orElseGet(() -> new UrlVerdict(url, false, List.of()));
    }

    /** What this node enforces now: for a platform's health check and to see that a node has caught up. */
    @GetMapping("/api/screen/status")
    ScreeningStatus status() {
        return new ScreeningStatus(
                screening.nodeId(),
                screening.activeFilters(),
                screening.urls().size(),
                screening.indexSegments(),
                screening.replayRuns());
    }

    /**
     * The one request every generation waits for, so its body is read here instead of through {@code @RequestBody}:
     * Spring's generic path (copying every header through the firewall's checks into {@code HttpHeaders}, asking
     * each converter, resolving the target type) cost as much as the JSON itself. What it reads and refuses is the
     * converter's: the same mapper, the same charset rule, the same exceptions for {@link ScreeningProblems}.
     */
    @PostMapping(path = "/api/screen/prompt", consumes = MediaType.APPLICATION_JSON_VALUE)
    PromptVerdict prompt(HttpServletRequest http) throws IOException {
        PromptRequest request = readPrompt(http);
        List<FieldProblem> problems = new ArrayList<>();
        validate(request, "", problems);
        refuse(problems);
        return screening.checkPrompt(request.prompt(), request.accountId());
    }

    @PostMapping(path = "/api/screen/prompts", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<PromptVerdict> prompts(@RequestBody List<PromptRequest> requests) {
        List<FieldProblem> problems = new ArrayList<>();
        batchSize(requests, problems);
        for (int i = 0; problems.isEmpty() && i < requests.size(); i++) {
            validate(requests.get(i), "[" + i + "].", problems);
        }
        refuse(problems);
        return requests.stream()
                .map(r -> screening.checkPrompt(r.prompt(), r.accountId()))
                .toList();
    }

    @PostMapping(path = "/api/screen/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImageVerdict image(
            @RequestPart("image") MultipartFile image,
            @RequestParam(name = "account_id", required = false) String accountId) {
        return screening.checkImage(bytes(image, "image"), accountId);
    }

    @PostMapping(path = "/api/screen/image", consumes = MediaType.APPLICATION_JSON_VALUE)
    ImageVerdict imageHash(@RequestBody HashRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        PdqHash hash = hash(request, "", problems);
        refuse(problems);
        return screening.checkImage(hash, request.accountId());
    }

    @PostMapping(path = "/api/screen/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<ImageVerdict> images(
            @RequestPart("image") List<MultipartFile> images,
            @RequestParam(name = "account_id", required = false) String accountId) {
        List<FieldProblem> problems = new ArrayList<>();
        batchSize(images, problems);
        refuse(problems);
        List<ImageVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            verdicts.add(screening.checkImage(bytes(images.get(i), "image[" + i + "]"), accountId));
        }
        return verdicts;
    }

    @PostMapping(path = "/api/screen/images", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<ImageVerdict> imageHashes(@RequestBody List<HashRequest> requests) {
        List<FieldProblem> problems = new ArrayList<>();
        batchSize(requests, problems);
        List<PdqHash> hashes = new ArrayList<>();
        for (int i = 0; problems.isEmpty() && i < requests.size(); i++) {
            hashes.add(hash(requests.get(i), "[" + i + "].", problems));
        }
        refuse(problems);
        List<ImageVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            verdicts.add(screening.checkImage(hashes.get(i), requests.get(i).accountId()));
        }
        return verdicts;
    }

    /**
     * Asked before accepting an upload (a model, a LoRA): refused when a re-upload block holds its hash; when only
     * its {@code name} resembles a blocked model's, BLOCK or REVIEW as the block's jurisdiction profile says.
     */
    @PostMapping(path = "/api/screen/file", consumes = MediaType.APPLICATION_JSON_VALUE)
    FileVerdict file(@RequestBody FileRequest request) {
        String sha256 = request == null ? null : request.sha256();
        List<FieldProblem> problems = new ArrayList<>();
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            problems.add(new FieldProblem("sha256", "64 hexadecimal characters (SHA-256 of the file)"));
        }
        if (request != null && request.name() != null && request.name().length() > MAX_NAME_CHARS) {
            problems.add(new FieldProblem("name", "must be at most " + MAX_NAME_CHARS + " characters"));
        }
        refuse(problems);
        return screening.checkFile(sha256, request.name());
    }

    static final int MAX_NAME_CHARS = 500;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private PromptRequest readPrompt(HttpServletRequest http) throws IOException {
        ScreeningProblems.refuseBodyOver(ScreeningProblems.MAX_BODY_BYTES, http.getContentLengthLong());
        PushbackInputStream body = new PushbackInputStream(StreamUtils.nonClosing(http.getInputStream()));
        int first = body.read();
        PromptRequest request = null;
        if (first >= 0) {
            body.unread(first);
            // the content type passed the mapping's "consumes", so it parses
            Charset charset = MediaType.parseMediaType(http.getContentType()).getCharset();
            try {
                // Jackson detects the Unicode encodings itself; others are decoded as declared
                request = charset == null || UNICODE.contains(charset.name())
                        ? promptReader.readValue(body)
                        : promptReader.readValue(new InputStreamReader(body, charset));
            } catch (JsonProcessingException e) {
                throw new HttpMessageNotReadableException(
                        "JSON parse error: " + e.getOriginalMessage(), e, new ServletServerHttpRequest(http));
            }
        }
        if (request == null) {
            throw new HttpMessageNotReadableException(
                    "Required request body is missing", new ServletServerHttpRequest(http));
        }
        return request;
    }

    private static final Set<String> UNICODE =
            Set.of("UTF-8", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32", "UTF-32BE", "UTF-32LE");

    private static void validate(PromptRequest request, String path, List<FieldProblem> problems) {
        if (request == null || request.prompt() == null || request.prompt().isBlank()) {
            problems.add(new FieldProblem(path + "prompt", "must not be empty"));
        } else if (utf8Length(request.prompt()) > MAX_PROMPT_BYTES) {
            throw new BadScreeningRequest(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    List.of(new FieldProblem(
                            path + "prompt", "must be at most " + MAX_PROMPT_BYTES + " bytes of UTF-8")));
        }
    }

    private static PdqHash hash(HashRequest request, String path, List<FieldProblem> problems) {
        try {
            return PdqHash.fromHex(request == null ? null : request.pdq());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(path + "pdq", e.getMessage()));
            return null;
        }
    }

    private static void batchSize(List<?> items, List<FieldProblem> problems) {
        if (items == null || items.isEmpty()) {
            problems.add(new FieldProblem("$", "must hold at least one item"));
        } else if (items.size() > MAX_BATCH) {
            problems.add(new FieldProblem("$", "must hold at most " + MAX_BATCH + " items"));
        }
    }

    private static byte[] bytes(MultipartFile file, String part) {
        if (file.isEmpty()) {
            throw new BadScreeningRequest(HttpStatus.BAD_REQUEST, List.of(new FieldProblem(part, "is empty")));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refuse(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new BadScreeningRequest(HttpStatus.BAD_REQUEST, problems);
        }
    }

    /**
     * Exact size of {@code s} in UTF-8 as {@code getBytes} encodes it (a lone surrogate as one {@code ?}), without
     * encoding it; a string longer in chars is certainly too big.
     */
    static long utf8Length(String s) {
        int n = s.length();
        if (n > MAX_PROMPT_BYTES) {
            return n;
        }
        long bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2;
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            }
        }
        return bytes;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PromptRequest(String prompt, String accountId) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HashRequest(String pdq, String accountId) {}

    /** {@code name}: the model's name or file name the uploader gave, optional. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FileRequest(String sha256, String name) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ScreeningStatus(String node, int activeFilters, int blockedUrls, int indexSegments, long replayRuns) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UrlVerdict(String url, boolean blocked, List<String> measureIds) {}
}
