class Config {
    Object read(InputStream in) {
        // ruleid: java-snakeyaml-unsafe-constructor
        Yaml yaml = new Yaml();
        return yaml.load(in);
    }

    Settings typed(String text) {
        // ruleid: java-snakeyaml-unsafe-constructor
        Yaml yaml = new Yaml(new Constructor(Settings.class));
        return yaml.load(text);
    }

    Object safe(InputStream in) {
        // ok: java-snakeyaml-unsafe-constructor
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return yaml.load(in);
    }
}
