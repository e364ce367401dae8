// ok: java-jackson-class-type-info
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
abstract class UserMixin {
}
