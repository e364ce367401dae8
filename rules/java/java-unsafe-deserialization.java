// ruleid: java-unsafe-deserialization
ObjectInputStream in = new ObjectInputStream(request.getInputStream());
// ruleid: java-unsafe-deserialization
Yaml yaml = new Yaml();
// ok: java-unsafe-deserialization
Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
// ok: java-unsafe-deserialization
ObjectMapper mapper = new ObjectMapper();
