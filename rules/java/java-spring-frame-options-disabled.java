// ruleid: java-spring-frame-options-disabled
http.headers().frameOptions().disable();
// ruleid: java-spring-frame-options-disabled
http.headers(h -> h.frameOptions(f -> f.disable()));
// ok: java-spring-frame-options-disabled
http.headers(h -> h.frameOptions(f -> f.sameOrigin()));
// ok: java-spring-frame-options-disabled
http.headers().frameOptions().sameOrigin();
