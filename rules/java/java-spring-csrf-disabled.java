// ruleid: java-spring-csrf-disabled
http.csrf().disable().authorizeRequests().anyRequest().authenticated();
// ruleid: java-spring-csrf-disabled
http.csrf(csrf -> csrf.disable());
// ruleid: java-spring-csrf-disabled
http.csrf(AbstractHttpConfigurer::disable);
// ok: java-spring-csrf-disabled
http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()));
// ok: java-spring-csrf-disabled
http.csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**"));
