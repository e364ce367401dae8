class Pages {
    void show(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String page = request.getParameter("page");
        // ruleid: java-forward-injection
        request.getRequestDispatcher("/WEB-INF/views/" + page).forward(request, response);
    }

    @GetMapping("/doc")
    ModelAndView doc(@RequestParam String section) {
        // ruleid: java-forward-injection
        return new ModelAndView("docs/" + section);
    }

    void safe(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String page = request.getParameter("page");
        // ok: java-forward-injection
        request.getRequestDispatcher("/WEB-INF/views/home.jsp").forward(request, response);
    }

    @GetMapping("/next")
    ModelAndView nearMiss(@RequestParam String view) {
        if (!VIEWS.contains(view)) {
            return new ModelAndView("error");
        }
        // ok: java-forward-injection
        return new ModelAndView(view);
    }
}
