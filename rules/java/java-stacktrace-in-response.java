try {
    process(request);
} catch (Exception e) {
    // ruleid: java-stacktrace-in-response
    e.printStackTrace(response.getWriter());
    // ruleid: java-stacktrace-in-response
    e.printStackTrace(new PrintWriter(resp.getOutputStream()));
    // ok: java-stacktrace-in-response
    e.printStackTrace();
    // ok: java-stacktrace-in-response
    log.error("processing failed", e);
}
