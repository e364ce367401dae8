import javax.servlet.http.*;

class Tools {
    void ping(HttpServletRequest request) throws Exception {
        String host = request.getParameter("host");
        String cmd = "ping -c 1 " + host;
        // ruleid: java-command-injection
        Process p = Runtime.getRuntime().exec(cmd);
    }

    @PostMapping("/convert")
    void convert(@RequestParam String file) throws Exception {
        String script = String.format("convert %s out.png", file);
        // ruleid: java-command-injection
        new ProcessBuilder("sh", "-c", script).start();
    }

    void safe(HttpServletRequest request) throws Exception {
        String host = request.getParameter("host");
        // ok: java-command-injection
        new ProcessBuilder("ping", "-c", "1", host).start();
        // ok: java-command-injection
        Process p = Runtime.getRuntime().exec(new String[] {"git", "status"});
        String fixed = "uptime";
        // ok: java-command-injection
        Runtime.getRuntime().exec(fixed);
    }
}
