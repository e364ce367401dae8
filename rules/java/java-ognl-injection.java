import ognl.Ognl;

class Props {
    Object read(HttpServletRequest request, Object root) throws Exception {
        String path = request.getParameter("path");
        // ruleid: java-ognl-injection
        return Ognl.getValue(path, root);
    }

    Object stack(@RequestParam String expr, ValueStack valueStack) {
        // ruleid: java-ognl-injection
        return valueStack.findValue(expr);
    }

    Object safe(HttpServletRequest request, Object root) throws Exception {
        String path = request.getParameter("path");
        // ok: java-ognl-injection
        return Ognl.getValue("user.name", root);
    }
}
