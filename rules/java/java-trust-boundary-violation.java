class Prefs {
    void save(HttpServletRequest request) {
        String userId = request.getParameter("userId");
        // ruleid: java-trust-boundary-violation
        request.getSession().setAttribute("userId", userId);
    }

    void header(HttpServletRequest request, HttpSession session) {
        String role = request.getHeader("X-Role");
        // ruleid: java-trust-boundary-violation
        session.setAttribute("role", role);
    }

    void safe(HttpServletRequest request, HttpSession session) {
        String theme = request.getParameter("theme");
        if (!THEMES.contains(theme)) {
            return;
        }
        // ok: java-trust-boundary-violation
        session.setAttribute("theme", theme);
        // ok: java-trust-boundary-violation
        request.setAttribute("theme", request.getParameter("theme"));
    }
}
