config.setAllowCredentials(true);
// ruleid: java-cors-credentials-any-origin
config.addAllowedOriginPattern("*");
// ruleid: java-cors-credentials-any-origin
@CrossOrigin(origins = "*", allowCredentials = "true")
// ok: java-cors-credentials-any-origin
config.addAllowedOrigin("https://app.example.com");
