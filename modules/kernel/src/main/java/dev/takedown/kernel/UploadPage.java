package dev.takedown.kernel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that takes file uploads and shows its own message for a body over the container's upload limit. Such a
 * body is refused before any handler is chosen, so the page's controller cannot catch it; the multipart advice asks
 * every bean of this type instead.
 */
public interface UploadPage {

    /**
     * @param path the request path without the context path
     * @return the page's answer when the path is one of its own, else empty
     */
    Optional<ModelAndView> tooLarge(String path, HttpServletRequest request, HttpServletResponse response);
}
