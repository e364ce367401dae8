import javax.servlet.http.*;

class Lang {
    void set(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang");
        // ruleid: java-header-injection
        response.setHeader("Content-Language", lang);
        // ruleid: java-header-injection
        response.addCookie(new Cookie("lang", lang));
    }

    void safe(HttpServletRequest request, HttpServletResponse response) {
        String lang = request.getParameter("lang").replaceAll("[\\r\\n]", "");
        // ok: java-header-injection
        response.setHeader("Content-Language", lang);
        // ok: java-header-injection
        response.setHeader("Cache-Control", "no-store");
    }
}
