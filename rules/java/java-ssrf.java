// ruleid: java-ssrf
URL url = new URL(request.getParameter("url"));
// ruleid: java-ssrf
String body = restTemplate.getForObject(request.getParameter("callback"), String.class);
// ok: java-ssrf
URL url = new URL(config.getBaseUrl() + "/status");
