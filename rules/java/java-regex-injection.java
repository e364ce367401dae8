import java.util.regex.Pattern;

class SearchController {
    List<String> search(HttpServletRequest request, List<String> names) {
        String q = request.getParameter("q");
        // ruleid: java-regex-injection
        Pattern p = Pattern.compile(q);
        return names.stream().filter(n -> p.matcher(n).find()).toList();
    }

    @GetMapping("/match")
    boolean match(@RequestParam String pattern, String value) {
        // ruleid: java-regex-injection
        return value.matches(".*" + pattern + ".*");
    }

    boolean safe(@RequestParam String q, String value) {
        // ok: java-regex-injection
        Pattern p = Pattern.compile(Pattern.quote(q));
        return p.matcher(value).find();
    }

    String[] nearMiss(@RequestParam String csv) {
        // ok: java-regex-injection
        return csv.split(",");
    }
}
