class Envelope {
    // ruleid: java-jackson-class-type-info
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY, property = "@class")
    Object payload;

    // ruleid: java-jackson-class-type-info
    @JsonTypeInfo(use = Id.MINIMAL_CLASS)
    Serializable extra;

    // ok: java-jackson-class-type-info
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    Shape shape;
}
