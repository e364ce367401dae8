class FilteredStore {
    Object load(InputStream raw) throws Exception {
        // ok: java-unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(raw);
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.acme.dto.*;!*"));
        return in.readObject();
    }
}
