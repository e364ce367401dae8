import javax.servlet.http.*;

class Login {
    void done(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String next = request.getParameter("next");
        String target = next.trim();
        // ruleid: java-open-redirect
        response.sendRedirect(target);
    }

    @GetMapping("/go")
    RedirectView go(@RequestParam String to) {
        // ruleid: java-open-redirect
        return new RedirectView(to);
    }

    void safe(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String next = request.getParameter("next");
        if (!ALLOWED.contains(next)) {
            next = "/";
            return;
        }
        // ok: java-open-redirect
        response.sendRedirect(next);
        // ok: java-open-redirect
        response.sendRedirect("/home");
    }
}

class ReturnRedirect {
    @GetMapping("/continue")
    String next(@RequestParam String url) {
        // ruleid: java-open-redirect
        return "redirect:" + url;
    }

    @GetMapping("/home")
    String home(@RequestParam String tab) {
        // ok: java-open-redirect
        return "redirect:/home";
    }
}
