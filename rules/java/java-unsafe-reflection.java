class Dispatcher {
    Object handle(HttpServletRequest request) throws Exception {
        String type = request.getParameter("type");
        // ruleid: java-unsafe-reflection
        Class<?> k = Class.forName("com.acme.handlers." + type);
        return k.getDeclaredConstructor().newInstance();
    }

    Object call(@RequestParam String action, Service svc) throws Exception {
        // ruleid: java-unsafe-reflection
        Method m = Service.class.getMethod(action);
        return m.invoke(svc);
    }

    Object safe(@RequestParam String action) throws Exception {
        Handler h = HANDLERS.get(action);
        // ok: java-unsafe-reflection
        Class<?> k = Class.forName("com.acme.handlers.Default");
        return h;
    }
}
