// ruleid: java-tls-verification-disabled
conn.setHostnameVerifier((hostname, session) -> true);
// ruleid: java-tls-verification-disabled
HttpClients.custom().setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE).build();
// ok: java-tls-verification-disabled
HttpClients.custom().setSSLContext(sslContextWithOurCa).build();
