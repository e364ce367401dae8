@Bean
PasswordEncoder passwordEncoder() {
    // ruleid: java-spring-weak-password-encoder
    return NoOpPasswordEncoder.getInstance();
}
// ruleid: java-spring-weak-password-encoder
PasswordEncoder legacy = new MessageDigestPasswordEncoder("MD5");
// ruleid: java-spring-weak-password-encoder
PasswordEncoder weakBcrypt = new BCryptPasswordEncoder(4);
// ok: java-spring-weak-password-encoder
PasswordEncoder enc = new BCryptPasswordEncoder(12);
// ok: java-spring-weak-password-encoder
PasswordEncoder delegating = PasswordEncoderFactories.createDelegatingPasswordEncoder();
