import org.slf4j.*;

class LoginController {
    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    void login(HttpServletRequest request) {
        String user = request.getParameter("user");
        // ruleid: java-log-injection
        log.info("Login attempt for " + user);
    }

    @GetMapping("/audit")
    void audit(@RequestHeader("X-Client") String client) {
        // ruleid: java-log-injection
        log.warn(client);
    }

    void safe(HttpServletRequest request) {
        String user = request.getParameter("user");
        // ok: java-log-injection
        log.info("Login attempt for {}", user);
        String clean = user.replaceAll("[\\r\\n]", "_");
        // ok: java-log-injection
        log.info("Login attempt for " + clean);
    }
}

class Structured {
    private static final Logger LOGGER = LoggerFactory.getLogger(Structured.class);

    void around(HttpServletRequest request, Map<String, Object> logMap) {
        logMap.put("url", request.getRequestURI());
        // ok: java-log-injection
        LOGGER.info(Markers.appendEntries(logMap), "request");
    }
}
