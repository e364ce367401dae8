import java.net.*;
import javax.servlet.http.*;

class Proxy {
    void fetch(HttpServletRequest request, RestTemplate restTemplate) throws Exception {
        String target = request.getParameter("url");
        // ruleid: java-ssrf
        URL url = new URL(target);
        String callback = request.getHeader("X-Callback");
        // ruleid: java-ssrf
        String body = restTemplate.getForObject(callback + "/hook", String.class);
    }

    @GetMapping("/preview")
    void preview(@RequestParam String link) throws Exception {
        // ruleid: java-ssrf
        Jsoup.connect(link).get();
    }

    void safe(HttpServletRequest request, RestTemplate restTemplate) throws Exception {
        String host = request.getParameter("host");
        if (!ALLOWED_HOSTS.contains(host)) {
            throw new IllegalArgumentException(host);
        }
        // ok: java-ssrf
        new URL("https://" + host + "/status");
        // ok: java-ssrf
        URL url = new URL(config.getBaseUrl() + "/status");
        String q = URLEncoder.encode(request.getParameter("q"), "UTF-8");
        // ok: java-ssrf
        restTemplate.getForObject("https://search.example.com/?q=" + q, String.class);
    }
}

class RedirectUri {
    void back(HttpServletRequest request) {
        // ok: java-ssrf
        URI target = URI.create(request.getParameter("redirect_uri"));
    }
}

class Exchanges {
    void call(@RequestParam String url, RestTemplate restTemplate) {
        // ruleid: java-ssrf
        restTemplate.exchange(url, HttpMethod.GET, null, String.class);
    }

    void mock(ServerWebExchange exchange) {
        // ok: java-ssrf
        var serverRequest = MockServerRequest.builder().exchange(exchange).build();
    }
}
