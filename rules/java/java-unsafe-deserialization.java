class SessionStore {
    Object load(HttpServletRequest request) throws Exception {
        // ruleid: java-unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(request.getInputStream());
        return in.readObject();
    }

    Object json(byte[] bytes, ObjectMapper mapper) throws Exception {
        // ok: java-unsafe-deserialization
        return mapper.readValue(bytes, Session.class);
    }

    void write(OutputStream os, Object o) throws Exception {
        // ok: java-unsafe-deserialization
        new ObjectOutputStream(os).writeObject(o);
    }
}
