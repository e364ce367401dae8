@Configuration
// ruleid: java-spring-security-debug
// fixed: @EnableWebSecurity(debug = false)
@EnableWebSecurity(debug = true)
class SecurityConfig {}
@Configuration
// ok: java-spring-security-debug
@EnableWebSecurity
class OtherConfig {}
