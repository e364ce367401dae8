@Configuration
// ruleid: java-spring-security-debug
@EnableWebSecurity(debug = true)
class SecurityConfig {}
@Configuration
// ok: java-spring-security-debug
@EnableWebSecurity
class OtherConfig {}
