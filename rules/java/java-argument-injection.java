import javax.servlet.http.*;

class Mirror {
    void clone(HttpServletRequest request) throws Exception {
        String repo = request.getParameter("repo");
        String target = "/srv/mirrors/" + System.currentTimeMillis();
        // ruleid: java-argument-injection
        new ProcessBuilder("git", "clone", repo, target).start();
    }

    @GetMapping("/fetch")
    void fetch(@RequestParam("url") String url) throws Exception {
        // ruleid: java-argument-injection
        Runtime.getRuntime().exec(new String[] {"curl", "-s", url});
    }

    void safe(HttpServletRequest request) throws Exception {
        String repo = request.getParameter("repo");
        // ok: java-argument-injection
        new ProcessBuilder("git", "clone", "--", repo, "/srv/mirror").start();
        // ok: java-argument-injection
        new ProcessBuilder("git", "clone", "https://example.com/fixed.git").start();
        // ok: java-argument-injection
        new ProcessBuilder("echo", repo).start();
    }
}
