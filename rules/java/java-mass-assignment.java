import org.apache.commons.beanutils.BeanUtils;

class ProfileServlet {
    void update(HttpServletRequest request, User user) throws Exception {
        // ruleid: java-mass-assignment
        BeanUtils.populate(user, request.getParameterMap());
    }

    @PatchMapping("/users/{id}")
    User patch(@RequestBody String json, User user, ObjectMapper mapper) throws Exception {
        // ruleid: java-mass-assignment
        return mapper.readerForUpdating(user).readValue(json);
    }

    void safe(HttpServletRequest request, User user) throws Exception {
        Map<String, String[]> allowed = new HashMap<>();
        allowed.put("displayName", new String[] {"x"});
        // ok: java-mass-assignment
        BeanUtils.populate(user, allowed);
        // ok: java-mass-assignment
        user.setDisplayName(request.getParameter("displayName"));
    }
}
