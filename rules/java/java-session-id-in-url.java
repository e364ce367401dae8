// ruleid: java-session-id-in-url
ctx.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE, SessionTrackingMode.URL));
// ok: java-session-id-in-url
ctx.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
