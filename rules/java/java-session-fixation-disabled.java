// ruleid: java-session-fixation-disabled
// fixed: http.sessionManagement().sessionFixation().changeSessionId();
http.sessionManagement().sessionFixation().none();
// ruleid: java-session-fixation-disabled
http.sessionManagement(s -> s.sessionFixation(f -> f.none()));
// ok: java-session-fixation-disabled
http.sessionManagement().sessionFixation().migrateSession();
